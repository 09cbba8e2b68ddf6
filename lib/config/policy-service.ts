import { z } from 'zod';
import { normaliseApiBaseUrl } from '../assetpanda/api-base-url';
import type { IntuneSettings } from '../auth/settings';
import type { Database } from '../db/open';
import { UserFacingError } from '../errors';
import type { MappingStore } from '../mapping/store';
import { readPolicy, type PolicyState } from './policy';

export interface PolicyServiceDeps {
  database: Promise<Database>;
  store: MappingStore;
  /** The policy value from managed storage; undefined when the browser has none. */
  read(): Promise<unknown>;
}

/** The ids of the mappings the last applied policy set: a later policy without one removes it. */
const POLICY_MAPPINGS_KEY = 'policy.mappingIds';
const IdsSchema = z.array(z.string()).catch([]);

const setByPolicy = (what: string) =>
  new UserFacingError('set-by-policy', `Your organization sets ${what} by policy. Use the values shown, or ask your IT administrator to change the policy.`);

/**
 * The enterprise policy, applied in the background: its mappings are stored like any other (the
 * sync and the record panel read them from the same store) and cannot be changed or deleted here;
 * its connections pin what the connection forms may save. A policy with problems changes nothing:
 * the options page shows why it was ignored. A policy that is removed leaves its mappings as
 * ordinary ones rather than deleting them.
 */
export function createPolicyService(deps: PolicyServiceDeps) {
  async function apply(): Promise<PolicyState> {
    const state = readPolicy(await deps.read().catch(() => undefined));
    if (state.state !== 'applied') return state;
    const db = await deps.database;
    const previous = IdsSchema.parse(await db.get('settings', POLICY_MAPPINGS_KEY));
    const ids = state.configuration.mappings.map((mapping) => mapping.id);
    await deps.store.saveAll(state.configuration.mappings, previous.filter((id) => !ids.includes(id)));
    await db.put('settings', ids, POLICY_MAPPINGS_KEY);
    return state;
  }

  const load = (): Promise<PolicyState> =>
    apply().catch((error: unknown) => ({
      state: 'invalid' as const,
      problems: [`The policy could not be applied: ${error instanceof Error ? error.message : String(error)}`],
    }));

  let current = load();
  const applied = async () => {
    const state = await current;
    return state.state === 'applied' ? state.configuration : undefined;
  };

  return {
    /** Reads the policy again (it changed). */
    refresh(): Promise<PolicyState> {
      current = load();
      return current;
    },

    state: (): Promise<PolicyState> => current,

    async managedMappingIds(): Promise<ReadonlySet<string>> {
      return new Set((await applied())?.mappings.map((mapping) => mapping.id));
    },

    /** Refuses Intune settings other than the policy's. */
    async guardIntune(settings: IntuneSettings): Promise<void> {
      const pinned = (await applied())?.connections.intune;
      if (!pinned) return;
      const same = (['tenantId', 'clientId', 'applicationObjectId', 'cloud'] as const).every((key) => pinned[key].toLowerCase() === settings[key].toLowerCase());
      if (!same) throw setByPolicy('the Microsoft Intune connection');
    },

    /** Refuses an Asset Panda connection to another address, key, account or module than the policy's. */
    async guardAssetPanda(input: { baseUrl: string; accessKeyId: string }, accountId: string, moduleId: string): Promise<void> {
      const pinned = (await applied())?.connections.assetPanda;
      if (!pinned) return;
      const same =
        normaliseApiBaseUrl(pinned.baseUrl) === normaliseApiBaseUrl(input.baseUrl) &&
        pinned.accessKeyId === input.accessKeyId.trim() &&
        (pinned.account === undefined || pinned.account.id === accountId) &&
        (pinned.module === undefined || pinned.module.id === moduleId);
      if (!same) throw setByPolicy('the Asset Panda connection');
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
