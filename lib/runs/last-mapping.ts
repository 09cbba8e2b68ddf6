import { z } from 'zod';
import type { Database } from '../db/open';
import { settingsDocument } from '../db/settings-document';
import type { DocumentKind } from '../db/versioned';

const LAST_MAPPING_DOCUMENT: DocumentKind<{ mappingId: string }> = { name: 'last synced mapping', schema: z.object({ mappingId: z.string() }), migrations: [] };

/** The mapping last previewed or synced by hand: the popup offers it first. */
export function lastMapping(database: Promise<Database>) {
  const stored = settingsDocument(database, 'sync-last-mapping', LAST_MAPPING_DOCUMENT, 'The next preview or sync replaces it.');
  return {
    /** The mapping's id; undefined when none was used yet (or the note no longer reads). */
    load: async (): Promise<string | undefined> => (await stored.load().catch(() => undefined))?.mappingId,
    save: (mappingId: string) => stored.save({ mappingId }),
  };
}
