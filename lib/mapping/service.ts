import { AssetPandaError } from '../assetpanda/errors';
import type { Field, Named } from '../assetpanda/types';
import { UserFacingError } from '../errors';
import { checkMapping, isRunnable, type MappingProblem } from './check';
import { MappingSchema, type Mapping } from './schema';
import type { MappingStore, StoredMapping } from './store';

export interface MappingServiceDeps {
  store: MappingStore;
  /** The connected module's collections as Asset Panda lists them now (deleted and inactive ones left out). */
  collections(): Promise<Named[]>;
  /** The collection's fields as Asset Panda lists them now. */
  fields(collectionId: string): Promise<Field[]>;
  /** The ids of the mappings set by enterprise policy: shown, checked and run, never changed here. */
  managedIds?(): Promise<ReadonlySet<string>>;
  now(): number;
  newId(): string;
}

/** A mapping, with what checking it against its collection found. */
export interface CheckedMapping {
  mapping: Mapping;
  problems: MappingProblem[];
  /** Set by enterprise policy: read-only on the options page. */
  managed: boolean;
}

/** What a mapping is, as the editor sends it: the stored mapping without its id and dates. */
export type MappingDraft = Omit<Mapping, 'id' | 'createdAt' | 'updatedAt'> & { id?: string | undefined };

const problem = (code: string, message: string): MappingProblem => ({ severity: 'error', code, message });

/** The background's mappings: stored in IndexedDB, checked against the live collection on save and when opened. */
export function createMappingService(deps: MappingServiceDeps) {
  const managedIds = async () => (await deps.managedIds?.()) ?? new Set<string>();

  /**
   * Checks mappings against Asset Panda as it is now: each collection still there, then each
   * mapping against its collection's fields (read once per collection). A collection that is gone,
   * or an Asset Panda connection that is gone, is an error of its own that says what to do.
   */
  async function checkAll(mappings: readonly Mapping[]): Promise<Map<string, MappingProblem[]>> {
    const results = new Map<string, MappingProblem[]>();
    let collections: Named[];
    try {
      collections = await deps.collections();
    } catch (error) {
      const reason = unavailable(error);
      for (const mapping of mappings) results.set(mapping.id, [reason(mapping)]);
      return results;
    }
    const fieldLists = new Map<string, Promise<Field[]>>();
    for (const mapping of mappings) {
      if (!collections.some((collection) => collection.id === mapping.collection.id)) {
        results.set(mapping.id, [collectionMissing(mapping)]);
        continue;
      }
      const fields = fieldLists.get(mapping.collection.id) ?? deps.fields(mapping.collection.id);
      fieldLists.set(mapping.collection.id, fields);
      try {
        results.set(mapping.id, checkMapping(mapping, await fields));
      } catch (error) {
        const gone = error instanceof AssetPandaError && error.kind === 'not-found';
        results.set(mapping.id, [gone ? collectionMissing(mapping) : unavailable(error)(mapping)]);
      }
    }
    return results;
  }

  const check = async (mapping: Mapping): Promise<MappingProblem[]> => (await checkAll([mapping])).get(mapping.id) ?? [];

  async function refuseManaged(id: string | undefined): Promise<void> {
    if (id !== undefined && (await managedIds()).has(id)) {
      throw new UserFacingError('set-by-policy', "This mapping is set by your organization's policy, so it cannot be changed or deleted here. Ask your IT administrator to change the policy.");
    }
  }

  return {
    list: (): Promise<StoredMapping[]> => deps.store.list(),

    /** Every readable mapping's problems, by id: what makes the list say "not runnable". */
    async checkStored(): Promise<Map<string, MappingProblem[]>> {
      const readable = (await deps.store.list()).flatMap((entry) => (entry.readable ? [entry.mapping] : []));
      return checkAll(readable);
    },

    /** The mapping's problems against Asset Panda now: what the sync asks before a run, and an import before it stores anything. */
    check,

    /** The mapping, checked against its collection as it is now. */
    async open(id: string): Promise<CheckedMapping> {
      const mapping = await deps.store.get(id);
      return { mapping, problems: await check(mapping), managed: (await managedIds()).has(id) };
    },

    /** Saves the draft when the check finds no error; otherwise nothing changes and the problems say why. */
    async save(draft: MappingDraft): Promise<CheckedMapping & { saved: boolean }> {
      await refuseManaged(draft.id);
      const now = new Date(deps.now()).toISOString();
      const previous = draft.id === undefined ? undefined : await deps.store.get(draft.id);
      const mapping = MappingSchema.parse({ ...draft, id: previous?.id ?? deps.newId(), createdAt: previous?.createdAt ?? now, updatedAt: now });
      const problems = await check(mapping);
      if (!isRunnable(problems)) return { mapping, problems, managed: false, saved: false };
      await deps.store.save(mapping);
      return { mapping, problems, managed: false, saved: true };
    },

    async delete(id: string): Promise<void> {
      await refuseManaged(id);
      await deps.store.delete(id);
    },

    managedIds,
  };
}

function collectionMissing(mapping: Mapping): MappingProblem {
  return problem(
    'collection-missing',
    `The collection "${mapping.collection.name}" is no longer in the connected Asset Panda module: it was deleted or deactivated, or Asset Panda is now connected to another account or module. Pick another collection for this mapping.`,
  );
}

/** Asset Panda could not be asked: the connection is gone, or the call failed in words the admin can act on. */
function unavailable(error: unknown): (mapping: Mapping) => MappingProblem {
  if (error instanceof AssetPandaError && error.kind === 'not-connected') {
    return () => problem('connection-gone', `Asset Panda is not connected, so this mapping cannot be checked or run. ${error.message} Then open the mapping again, or pick another collection.`);
  }
  if (error instanceof UserFacingError) {
    return (mapping) => problem('collection-unreadable', `The fields of "${mapping.collection.name}" could not be read from Asset Panda, so this mapping cannot be checked or run: ${error.message}`);
  }
  throw error;
}

export type MappingService = ReturnType<typeof createMappingService>;
