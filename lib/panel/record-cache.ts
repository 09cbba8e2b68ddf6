import { z } from 'zod';
import type { Database } from '../db/open';
import { decodeDocument, encodeDocument, type DocumentKind } from '../db/versioned';
import { PanelStatusSchema, type DevicePanelStatus } from './status';

/** A record the background confirmed, by collection. */
export const ConfirmedRecordSchema = z.object({ collectionId: z.string(), recordId: z.string() });
export type ConfirmedRecordRef = z.infer<typeof ConfirmedRecordSchema>;

/**
 * What the record panel remembers between visits (store `recordCache`), each a versioned document:
 * - `located:<candidates>`: which record a page URL's candidates turned out to name;
 * - `status:<collection>/<record>`: the last device status, shown at once while the live one loads;
 * - `choice:<collection>/<record>`: the device the admin picked when the record matched several.
 */
const LocatedSchema = z.object({ record: ConfirmedRecordSchema, savedAt: z.number() });
const StatusSchema = z.object({ status: PanelStatusSchema, savedAt: z.number() });
const ChoiceSchema = z.object({ deviceId: z.string(), savedAt: z.number() });

const LOCATED: DocumentKind<z.infer<typeof LocatedSchema>> = { name: 'located record', schema: LocatedSchema, migrations: [] };
const STATUS: DocumentKind<z.infer<typeof StatusSchema>> = { name: 'cached panel status', schema: StatusSchema, migrations: [] };
const CHOICE: DocumentKind<z.infer<typeof ChoiceSchema>> = { name: 'device choice', schema: ChoiceSchema, migrations: [] };

const recordKey = (record: ConfirmedRecordRef) => `${record.collectionId}/${record.recordId}`;

export function recordCache(database: Promise<Database>, now: () => number) {
  async function read<T>(kind: DocumentKind<T>, key: string): Promise<T | undefined> {
    const decoded = decodeDocument(kind, await (await database).get('recordCache', key));
    // A cache entry that does not read is only a cache miss.
    return decoded.ok ? decoded.value : undefined;
  }
  async function write<T>(kind: DocumentKind<T>, key: string, value: T): Promise<void> {
    await (await database).put('recordCache', encodeDocument(kind, value), key);
  }

  return {
    located: async (candidates: readonly string[]) => (await read(LOCATED, `located:${candidates.join('/')}`))?.record,
    saveLocated: (candidates: readonly string[], record: ConfirmedRecordRef) =>
      write(LOCATED, `located:${candidates.join('/')}`, { record, savedAt: now() }),

    async status(record: ConfirmedRecordRef): Promise<DevicePanelStatus | undefined> {
      const cached = (await read(STATUS, `status:${recordKey(record)}`))?.status;
      return cached?.state === 'device' ? { ...cached, cached: true } : undefined;
    },
    saveStatus: (record: ConfirmedRecordRef, status: DevicePanelStatus) => write(STATUS, `status:${recordKey(record)}`, { status, savedAt: now() }),
    forgetStatus: async (record: ConfirmedRecordRef) => (await database).delete('recordCache', `status:${recordKey(record)}`),

    choice: async (record: ConfirmedRecordRef) => (await read(CHOICE, `choice:${recordKey(record)}`))?.deviceId,
    saveChoice: (record: ConfirmedRecordRef, deviceId: string) => write(CHOICE, `choice:${recordKey(record)}`, { deviceId, savedAt: now() }),
  };
}

export type RecordCache = ReturnType<typeof recordCache>;
