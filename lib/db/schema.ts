import type { DBSchema } from 'idb';

export const DATABASE_NAME = 'intune-companion';

/**
 * The background's IndexedDB. Values are checked with zod when read (see the repositories), so the
 * schema here only names the stores and their keys.
 */
export interface CompanionDatabase extends DBSchema {
  /** Small named documents: connection settings and the like, each with its own zod schema. */
  settings: { key: string; value: unknown };
  /** Intune → Asset Panda mappings, edited on the options page. */
  mappings: { key: string; value: unknown };
  /** Key records by name (see lib/secrets): non-extractable WebCrypto keys and wrapped ones, never raw. */
  cryptoKeys: { key: string; value: unknown };
}
