import { z } from 'zod';
import { normaliseApiBaseUrl } from '../assetpanda/api-base-url';
import type { IntuneSettings } from '../auth/settings';
import type { Database } from '../db/open';
import { settingsDocument } from '../db/settings-document';
import type { DocumentKind } from '../db/versioned';
import { UserFacingError } from '../errors';
import type { MappingStore } from '../mapping/store';
import { serialQueue } from '../serial-queue';
import { readPolicy, type PolicyState } from './policy';
import { ConfigurationSchema } from './schema';

export interface PolicyServiceDeps {
  database: Promise<Database>;
  store: MappingStore;
  /** The policy value from managed storage; undefined when the browser has none. */
  read(): Promise<unknown>;
}

/** The ids of the mappings the last applied policy set: a later policy without one removes it. */
const POLICY_MAPPINGS_DOCUMENT: DocumentKind<string[]> = { name: 'list of mappings set by policy', schema: z.array(z.string()), migrations: [] };
/** The policy as last read, for the seconds after the browser starts before managed storage answers. */
const PolicyStateSchema: z.ZodType<PolicyState> = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({ state: z.literal('applied'), configuration: ConfigurationSchema }),
  z.object({ state: z.literal('invalid'), problems: z.array(z.string()) }),
]);
const POLICY_STATE_DOCUMENT: DocumentKind<PolicyState> = { name: 'policy last read', schema: PolicyStateSchema, migrations: [] };

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
  const policyMappings = settingsDocument(deps.database, 'policy.mappingIds', POLICY_MAPPINGS_DOCUMENT, 'The next policy that applies replaces it.');
  const lastRead = settingsDocument(deps.database, 'policy.state', POLICY_STATE_DOCUMENT, 'The next policy read replaces it.');

  async function apply(): Promise<PolicyState> {
    const state = readPolicy(await deps.read().catch(() => undefined));
    if (state.state !== 'applied') return state;
    const previous = (await policyMappings.load()) ?? [];
    const ids = state.configuration.mappings.map((mapping) => mapping.id);
    await deps.store.saveAll(state.configuration.mappings, previous.filter((id) => !ids.includes(id)));
    await policyMappings.save(ids);
    return state;
  }

  /** The policy as the browser holds it now, applied, and kept for the next start. */
  async function applyAndKeep(): Promise<PolicyState> {
    const state = await apply().catch(
      (error: unknown): PolicyState => ({ state: 'invalid', problems: [`The policy could not be applied: ${error instanceof Error ? error.message : String(error)}`] }),
    );
    read = state;
    await lastRead.save(state).catch(() => undefined);
    return state;
  }

  // One read at a time, in order: a change during the first read is applied after it, never before.
  const serially = serialQueue();
  const load = (): Promise<PolicyState> => serially(applyAndKeep);

  // Chrome answers managed storage only once it has loaded the policies, seconds after it starts;
  // until then the policy last read holds (none, the first time).
  let read: PolicyState | undefined;
  void load().catch(() => undefined);

  async function known(): Promise<PolicyState> {
    if (read) return read;
    const stored = await lastRead.load().catch((error: unknown): PolicyState => ({ state: 'invalid', problems: [error instanceof Error ? error.message : String(error)] }));
    return read ?? stored ?? { state: 'none' };
  }

  const applied = async () => {
    const state = await known();
    return state.state === 'applied' ? state.configuration : undefined;
  };

  return {
    /** Reads the policy again (it changed), resolving once it is applied. */
    refresh: load,

    state: known,

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
