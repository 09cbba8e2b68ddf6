import { z } from 'zod';
import type { Database } from '../db/open';
import { decodeDocument, encodeDocument, type DocumentKind } from '../db/versioned';
import { UserFacingError } from '../errors';
import { ACTION_NAMES } from './catalog';

const TEXT_MAX = 500;
const Text = z.string().max(TEXT_MAX);

/** A text cut to what the audit keeps, marked as cut: Graph's and Asset Panda's messages can run long. */
export function clip(text: string, max = TEXT_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The entry with every free text clipped, so writing it never fails on a long message or name. */
function clipped(entry: AuditEntry): AuditEntry {
  const orNull = (text: string | null) => (text === null ? null : clip(text));
  return {
    ...entry,
    actor: { username: clip(entry.actor.username), name: clip(entry.actor.name) },
    device: { id: clip(entry.device.id), name: clip(entry.device.name), serialNumber: orNull(entry.device.serialNumber), operatingSystem: orNull(entry.device.operatingSystem) },
    record: { collectionId: clip(entry.record.collectionId), collectionName: clip(entry.record.collectionName), recordId: clip(entry.record.recordId), title: clip(entry.record.title) },
    mappingId: clip(entry.mappingId),
    intune: { message: clip(entry.intune.message), requestId: orNull(entry.intune.requestId), clientRequestId: orNull(entry.intune.clientRequestId) },
    assetPanda: { ...entry.assetPanda, message: clip(entry.assetPanda.message) },
    progress: entry.progress === null ? null : clip(entry.progress, 100),
  };
}

/**
 * One device action taken from a record page: who, when, on which device and record, with which
 * options, what Intune and Asset Panda answered, and Graph's request-id for Microsoft support.
 * Format 1 of the stored audit entry (lib/db/versioned.ts).
 */
export const AuditEntrySchema = z.object({
  id: z.string().max(100),
  /** When the action was started (ISO). */
  at: z.string(),
  updatedAt: z.string(),
  actor: z.object({ username: Text, name: Text }),
  action: z.enum(ACTION_NAMES),
  device: z.object({ id: Text, name: Text, serialNumber: Text.nullable(), operatingSystem: Text.nullable() }),
  record: z.object({ collectionId: Text, collectionName: Text, recordId: Text, title: Text }),
  /** The mapping that linked the record to the device (it names the retired status). */
  mappingId: Text,
  /** The wipe options as sent; a recovery PIN is recorded as "set", never stored. */
  options: z.record(z.string(), z.union([z.boolean(), z.string()])),
  /**
   * started: written before Graph was called; sent: Intune accepted it (and Asset Panda's part is
   * done); failed: Intune refused it or it was not sent; partial: Intune did its part, Asset Panda did not.
   */
  outcome: z.enum(['started', 'sent', 'failed', 'partial']),
  intune: z.object({ message: Text, requestId: Text.nullable(), clientRequestId: Text.nullable() }),
  assetPanda: z.object({ status: z.enum(['none', 'done', 'failed']), message: Text }),
  /** What Intune last reported for the action (deviceActionResults): pending, done, failed… */
  progress: z.string().max(100).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AUDIT_DOCUMENT: DocumentKind<AuditEntry> = { name: 'audit entry', schema: AuditEntrySchema, migrations: [] };

const CLOCK_SKEW_MS = 5 * 60_000;

/** The audit entries in IndexedDB (store `audit`), each stored as a versioned document (lib/db/versioned.ts). */
export function auditLog(database: Promise<Database>) {
  async function get(id: string): Promise<AuditEntry> {
    const decoded = decodeDocument(AUDIT_DOCUMENT, await (await database).get('audit', id));
    if (!decoded.ok) throw new UserFacingError('audit-entry-missing', 'The audit entry of this action can no longer be read.');
    return decoded.value;
  }

  async function put(entry: AuditEntry): Promise<AuditEntry> {
    const fitted = clipped(entry);
    await (await database).put('audit', encodeDocument(AUDIT_DOCUMENT, fitted), fitted.id);
    return fitted;
  }

  return {
    add: put,
    get,
    /** Writes `changes` onto an entry the caller has just read or written. */
    update(entry: AuditEntry, changes: Partial<Omit<AuditEntry, 'id'>>, now: Date): Promise<AuditEntry> {
      return put({ ...entry, ...changes, updatedAt: now.toISOString() });
    },

    /** Newest first; entries that no longer read are counted, not dropped. */
    async list(): Promise<{ entries: AuditEntry[]; unreadable: number }> {
      const stored = await (await database).getAll('audit');
      const decoded = stored.map((value) => decodeDocument(AUDIT_DOCUMENT, value));
      const entries = decoded.flatMap((d) => (d.ok ? [d.value] : []));
      return { entries: entries.toSorted((a, b) => b.at.localeCompare(a.at)), unreadable: decoded.length - entries.length };
    },

    /**
     * Intune's latest word on the actions sent to a device (its deviceActionResults, as the panel
     * reads them), written onto their audit entries. A result that started before the entry (with a
     * few minutes for clock skew) belongs to an earlier action. `entries`: the audit as `list()` just
     * read it, so that a panel status reads it once.
     */
    async noteProgress(
      deviceId: string,
      results: ReadonlyArray<{ actionName: string | null; actionState: string; startDateTime: string }>,
      now: Date,
      entries?: readonly AuditEntry[],
    ): Promise<void> {
      if (results.length === 0) return;
      for (const entry of (entries ?? (await this.list()).entries).filter((e) => e.device.id === deviceId && e.outcome === 'sent')) {
        const result = results.find((r) => r.actionName === entry.action && Date.parse(r.startDateTime) >= Date.parse(entry.at) - CLOCK_SKEW_MS);
        if (result && result.actionState !== entry.progress) await this.update(entry, { progress: result.actionState }, now);
      }
    },

    /** A delete on this record whose Asset Panda part failed, if any: the panel offers to finish it. `entries` as for noteProgress. */
    async unfinishedDelete(collectionId: string, recordId: string, entries?: readonly AuditEntry[]): Promise<AuditEntry | undefined> {
      return (entries ?? (await this.list()).entries).find((e) => e.action === 'delete' && e.outcome === 'partial' && e.record.collectionId === collectionId && e.record.recordId === recordId);
    },
  };
}

export type AuditLog = ReturnType<typeof auditLog>;
