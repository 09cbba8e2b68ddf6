import type { DBSchema } from 'idb';

export const DATABASE_NAME = 'intune-companion';

/**
 * The background's IndexedDB. Values are versioned documents (see versioned.ts), checked with zod
 * when read, so the schema here only names the stores and their keys.
 */
export interface CompanionDatabase extends DBSchema {
  /** Small named documents: connection settings and the like, each with its own zod schema. */
  settings: { key: string; value: unknown };
  /** Intune → Asset Panda mappings by mapping id, edited on the options page. */
  mappings: { key: string; value: unknown };
  /** Key records by name (see lib/secrets): non-extractable WebCrypto keys and wrapped ones, never raw. */
  cryptoKeys: { key: string; value: unknown };
  /** Sync runs by run id: the running one's checkpoint, then its report (the history). */
  syncRuns: { key: string; value: unknown };
  /** A run's planned writes by [runId, index], each with its outcome once written. */
  syncItems: { key: [string, number]; value: unknown };
  /** Every device action taken from a record page, by entry id. */
  audit: { key: string; value: unknown };
  /** What the record panel last learned about a record (its mapping, its device), by record key. */
  recordCache: { key: string; value: unknown };
}
