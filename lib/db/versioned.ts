import type { z } from 'zod';

/**
 * A kind of stored document with numbered versions (Read Frog's idea: zod first, numbered
 * migrations, a fixture per version). Each document is stored as `{ schemaVersion, data }`; reading
 * runs the migrations from its version to the current one and checks the result with the kind's
 * schema. Documents written before versioning existed (no envelope) read as version 1.
 *
 * A document that does not read is reported with the reason, never dropped: callers show it and
 * let the admin decide, and nothing overwrites it behind their back.
 */
export interface DocumentKind<T> {
  /** In words, for messages: "mapping", "Asset Panda connection". */
  name: string;
  /** The current version's shape. */
  schema: z.ZodType<T>;
  /** `migrations[i]` turns version i+1 data into version i+2 data. Add at the end; never edit one. */
  migrations: ReadonlyArray<(data: unknown) => unknown>;
}

export interface StoredDocument {
  schemaVersion: number;
  data: unknown;
}

export type Decoded<T> =
  | { ok: true; value: T; version: number }
  | { ok: false; problem: string; version: number | undefined };

export function currentVersion(kind: DocumentKind<unknown>): number {
  return kind.migrations.length + 1;
}

export function encodeDocument<T>(kind: DocumentKind<T>, value: T): StoredDocument {
  return { schemaVersion: currentVersion(kind), data: kind.schema.parse(value) };
}

export function decodeDocument<T>(kind: DocumentKind<T>, stored: unknown): Decoded<T> {
  const { version, data } = unwrap(stored);
  if (version === undefined) return { ok: false, problem: `The stored ${kind.name} has no readable version number.`, version };
  const latest = currentVersion(kind);
  if (version > latest) {
    return { ok: false, problem: `The stored ${kind.name} was written by a newer version of the extension (format ${version}; this one reads up to ${latest}).`, version };
  }
  let migrated = data;
  try {
    for (const migrate of kind.migrations.slice(version - 1)) migrated = migrate(migrated);
  } catch (error) {
    return { ok: false, problem: `The stored ${kind.name} (format ${version}) could not be upgraded: ${error instanceof Error ? error.message : String(error)}`, version };
  }
  const parsed = kind.schema.safeParse(migrated);
  if (parsed.success) return { ok: true, value: parsed.data, version };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, problem: `The stored ${kind.name} does not read as format ${latest}${where}: ${issue?.message ?? 'invalid'}.`, version };
}

function unwrap(stored: unknown): { version: number | undefined; data: unknown } {
  if (typeof stored === 'object' && stored !== null && 'schemaVersion' in stored && 'data' in stored) {
    const { schemaVersion, data } = stored as StoredDocument;
    return { version: Number.isInteger(schemaVersion) && schemaVersion >= 1 ? schemaVersion : undefined, data };
  }
  // Written before documents carried a version: the first format.
  return { version: 1, data: stored };
}
