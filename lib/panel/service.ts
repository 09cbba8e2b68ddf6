import { availableActions } from '../actions/availability';
import { AssetPandaError } from '../assetpanda/errors';
import { UserFacingError } from '../errors';
import { deviceValues, recordChanges, type FieldChange } from '../sync/record-values';
import type { RecordRef } from '../assetpanda/record-ref';
import { summarizeDevice } from './device-summary';
import type { RecordCache, ConfirmedRecordRef } from './record-cache';
import { setRecentlyUsed } from './recently-used';
import { recordResolver, type PanelDeps, type ResolvedDevice } from './resolve';
import type { DevicePanelStatus, PanelStatus } from './status';

/** An unconfirmed page URL is asked about at most this often, so re-renders cost nothing. */
const NEGATIVE_TTL_MS = 60_000;
/** The unconfirmed URLs remembered at most (the oldest is forgotten first): pages can vary their URLs without end. */
const MAX_UNCONFIRMED = 500;

/**
 * The changes "Sync this record" writes: the sync's own diff rules (lib/sync/record-values.ts), minus
 * lookups into linked collections, which only a sync resolves.
 */
export function syncChanges(resolved: ResolvedDevice): FieldChange[] {
  const byId = new Map(resolved.fields.map((field) => [field.id, field]));
  const lookups = new Set(resolved.mapping.fields.filter((f) => f.transform.kind === 'lookup').map((f) => f.target.id));
  const next = deviceValues(resolved.mapping, byId, resolved.device);
  for (const fieldId of lookups) next.delete(fieldId);
  return recordChanges(resolved.mapping, byId, next, resolved.record.values);
}

/** The background's side of the record panel: which record a page shows, and what to show for it. */
export function createPanelService(deps: PanelDeps & { cache: RecordCache }) {
  const resolver = recordResolver(deps);
  const unconfirmed = new Map<string, number>();

  function deviceStatus(resolved: ResolvedDevice): DevicePanelStatus {
    return {
      state: 'device',
      recordTitle: resolved.recordTitle,
      collectionName: resolved.collectionName,
      device: summarizeDevice(resolved.device, { cloud: resolved.cloud, tenant: resolved.tenant, now: deps.now() }),
      actions: availableActions(resolved.device, resolved.grantedScopes),
      pendingChanges: syncChanges(resolved).length,
      readAt: deps.now(),
      cached: false,
    };
  }

  async function liveStatus(ref: ConfirmedRecordRef, choice?: string): Promise<PanelStatus> {
    const resolution = await resolver.resolve(ref, choice ?? (await deps.cache.choice(ref)));
    if ('status' in resolution) {
      await deps.cache.forgetStatus(ref);
      return resolution.status;
    }
    const { resolved, audit } = resolution;
    const status = deviceStatus(resolved);
    await deps.cache.saveStatus(ref, status);
    await deps.audit.noteProgress(resolved.device.id, resolved.device.deviceActionResults ?? [], new Date(deps.now()), audit);
    return status;
  }

  /** Classic has no Pro collection for a mapping to name; the panel still says what to connect first. */
  async function classicStatus(): Promise<PanelStatus> {
    return (await deps.intune.describe({ verify: false })).connection ? { state: 'classic' } : { state: 'not-connected' };
  }

  /** The record's device, checked again live, for an action or a sync: the page's idea of it is not trusted. */
  async function resolveDevice(ref: ConfirmedRecordRef, deviceId: string): Promise<ResolvedDevice> {
    const resolution = await resolver.resolve(ref, await deps.cache.choice(ref));
    if ('status' in resolution) {
      throw new UserFacingError('panel-state-changed', 'This record is no longer linked to an Intune device the panel can act on. The panel shows why.');
    }
    if (resolution.resolved.device.id !== deviceId) {
      throw new UserFacingError('device-changed', 'The record now points at another Intune device than the one shown. Nothing was done; look at the panel again.');
    }
    return resolution.resolved;
  }

  return {
    resolveDevice,

    /**
     * The record an unknown page route shows: a candidate that is a record of a mapped collection (a
     * candidate that is a collection narrows the search to it). Confirmed answers are cached.
     */
    async locate(candidates: readonly string[]): Promise<ConfirmedRecordRef | null> {
      if (candidates.length === 0 || (await deps.assetPanda.status()).state !== 'connected') return null;
      const cached = await deps.cache.located(candidates);
      if (cached) return cached;
      const key = candidates.join('/');
      if ((unconfirmed.get(key) ?? 0) > deps.now()) return null;

      const collectionIds = new Set((await resolver.collections()).map((c) => c.id));
      const named = candidates.filter((id) => collectionIds.has(id));
      const mapped = await resolver.mappedCollections();
      const targets = named.length > 0 ? mapped.filter((id) => named.includes(id)) : mapped;
      const { client, tenant } = await deps.assetPanda.open();
      for (const collectionId of targets) {
        for (const recordId of candidates.filter((id) => !collectionIds.has(id))) {
          try {
            await client.getRecord({ ...tenant, collectionId }, recordId);
          } catch (error) {
            if (error instanceof AssetPandaError && error.kind === 'not-found') continue;
            throw error;
          }
          const record = { collectionId, recordId };
          await deps.cache.saveLocated(candidates, record);
          return record;
        }
      }
      setRecentlyUsed(unconfirmed, key, deps.now() + NEGATIVE_TTL_MS, MAX_UNCONFIRMED);
      return null;
    },

    /** The id of the mapping of the record's collection, if it has one. */
    mappingIdOf: async (ref: ConfirmedRecordRef): Promise<string | undefined> => (await resolver.mappingFor(ref.collectionId))?.id,

    /** The last device status shown for the record, at once, or null (always for a Classic record, which no mapping links to a device). */
    cachedStatus: async (record: RecordRef): Promise<PanelStatus | null> => (record.product === 'classic' ? null : ((await deps.cache.status(record)) ?? null)),

    /** The record's status, read now. */
    liveStatus: (record: RecordRef): Promise<PanelStatus> => (record.product === 'classic' ? classicStatus() : liveStatus(record)),

    /** The admin's pick among the devices a record matches; only one of those devices is accepted. */
    async choose(ref: ConfirmedRecordRef, deviceId: string): Promise<PanelStatus> {
      const status = await liveStatus(ref, deviceId);
      if (status.state !== 'device' || status.device.id !== deviceId) {
        throw new UserFacingError('not-a-match', 'That device is not one of the devices this record matches. Nothing was changed.');
      }
      await deps.cache.saveChoice(ref, deviceId);
      return status;
    },

    /** "Sync this record": the device's current values into the record, through the mapping. */
    async syncRecord(ref: ConfirmedRecordRef, deviceId: string): Promise<{ changed: string[]; status: PanelStatus }> {
      const resolved = await resolveDevice(ref, deviceId);
      const changes = syncChanges(resolved);
      if (changes.length > 0) {
        const values = Object.fromEntries(changes.map((change) => [change.fieldId, change.after]));
        await resolved.assetPanda.client.updateRecord({ ...resolved.assetPanda.tenant, collectionId: ref.collectionId }, { recordId: ref.recordId, values });
      }
      return { changed: changes.map((change) => change.fieldName), status: await liveStatus(ref) };
    },
  };
}

export type PanelService = ReturnType<typeof createPanelService>;
