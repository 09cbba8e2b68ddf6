import type { Field } from '../assetpanda/types';
import { checkMapping, isRunnable, type MappingProblem } from './check';
import { MappingSchema, type Mapping } from './schema';
import type { MappingStore, StoredMapping } from './store';

export interface MappingServiceDeps {
  store: MappingStore;
  /** The collection's fields as Asset Panda lists them now. */
  fields(collectionId: string): Promise<Field[]>;
  now(): number;
  newId(): string;
}

/** A mapping, with what checking it against its collection found. */
export interface CheckedMapping {
  mapping: Mapping;
  problems: MappingProblem[];
}

/** What a mapping is, as the editor sends it: the stored mapping without its id and dates. */
export type MappingDraft = Omit<Mapping, 'id' | 'createdAt' | 'updatedAt'> & { id?: string | undefined };

/** The background's mappings: stored in IndexedDB, checked against the live collection on save and when opened. */
export function createMappingService(deps: MappingServiceDeps) {
  async function checked(mapping: Mapping): Promise<CheckedMapping> {
    return { mapping, problems: checkMapping(mapping, await deps.fields(mapping.collection.id)) };
  }

  return {
    list: (): Promise<StoredMapping[]> => deps.store.list(),

    /** The mapping, checked against its collection as it is now. */
    open: async (id: string): Promise<CheckedMapping> => checked(await deps.store.get(id)),

    /** Saves the draft when the check finds no error; otherwise nothing changes and the problems say why. */
    async save(draft: MappingDraft): Promise<CheckedMapping & { saved: boolean }> {
      const now = new Date(deps.now()).toISOString();
      const previous = draft.id === undefined ? undefined : await deps.store.get(draft.id);
      const mapping = MappingSchema.parse({ ...draft, id: previous?.id ?? deps.newId(), createdAt: previous?.createdAt ?? now, updatedAt: now });
      const result = await checked(mapping);
      if (!isRunnable(result.problems)) return { ...result, saved: false };
      await deps.store.save(mapping);
      return { ...result, saved: true };
    },

    delete: (id: string) => deps.store.delete(id),
  };
}

export type MappingService = ReturnType<typeof createMappingService>;
