import { UserFacingError } from '../errors';
import type { Database } from '../db/open';
import { decodeDocument, encodeDocument, type DocumentKind } from '../db/versioned';
import { MappingSchema, type Mapping } from './schema';

/** The stored mapping: format 1 is lib/mapping/schema.ts. Migrations go here, with a fixture each. */
export const MAPPING_DOCUMENT: DocumentKind<Mapping> = { name: 'mapping', schema: MappingSchema, migrations: [] };

/** A stored mapping as listed: readable, or kept with the reason it no longer reads. */
export type StoredMapping = { readable: true; mapping: Mapping } | { readable: false; id: string; problem: string };

function read(id: string, stored: unknown): StoredMapping {
  const decoded = decodeDocument(MAPPING_DOCUMENT, stored);
  return decoded.ok ? { readable: true, mapping: decoded.value } : { readable: false, id, problem: decoded.problem };
}

/**
 * The mappings in IndexedDB, each read through its versioned format. `onChange` hears of every
 * change once it is stored, whoever made it (the editor, an import, a policy): the sync schedule follows.
 */
export function mappingStore(database: Promise<Database>, onChange: () => void = () => undefined) {
  return {
    async list(): Promise<StoredMapping[]> {
      const db = await database;
      const tx = db.transaction('mappings');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      return keys.map((id, index) => read(id, values[index]));
    },

    /** The mapping, or a clear error when it is gone or no longer reads. */
    async get(id: string): Promise<Mapping> {
      const stored = await (await database).get('mappings', id);
      if (stored === undefined) throw new UserFacingError('mapping-not-found', 'This mapping no longer exists. It may have been deleted on the options page.');
      const found = read(id, stored);
      if (!found.readable) throw new UserFacingError('mapping-unreadable', `${found.problem} Open the options page to export or delete it.`);
      return found.mapping;
    },

    async save(mapping: Mapping): Promise<void> {
      await (await database).put('mappings', encodeDocument(MAPPING_DOCUMENT, mapping), mapping.id);
      onChange();
    },

    /** Several mappings in one transaction: all are stored, or none (an import, a policy). */
    async saveAll(mappings: readonly Mapping[], deleteIds: readonly string[] = []): Promise<void> {
      const tx = (await database).transaction('mappings', 'readwrite');
      await Promise.all([
        ...mappings.map((mapping) => tx.store.put(encodeDocument(MAPPING_DOCUMENT, mapping), mapping.id)),
        ...deleteIds.map((id) => tx.store.delete(id)),
        tx.done,
      ]);
      onChange();
    },

    async delete(id: string): Promise<void> {
      await (await database).delete('mappings', id);
      onChange();
    },
  };
}

export type MappingStore = ReturnType<typeof mappingStore>;
