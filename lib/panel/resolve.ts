import type { AuditEntry, AuditLog } from '../actions/audit';
import { graphFailureText } from '../graph/failure-text';
import type { AssetPandaClient } from '../assetpanda/client';
import type { AssetPandaConnection } from '../assetpanda/connection';
import { AssetPandaError } from '../assetpanda/errors';
import type { AssetRecord, Field, Named, Tenant } from '../assetpanda/types';
import { SignInError } from '../auth/errors';
import type { IntuneService } from '../auth/service';
import type { GraphClient } from '../graph/client';
import type { Cloud } from '../graph/clouds';
import type { ManagedDevice } from '../graph/device-schema';
import { isGraphError } from '../graph/errors';
import type { Mapping } from '../mapping/schema';
import type { StoredMapping } from '../mapping/store';
import { devicesForRecord } from './device-match';
import { deviceIdentity } from './device-summary';
import type { ConfirmedRecordRef } from './record-cache';
import type { PanelStatus } from './status';

export interface PanelDeps {
  intune: Pick<IntuneService, 'describe' | 'graph' | 'grantedScopes'>;
  assetPanda: Pick<AssetPandaConnection, 'status' | 'open' | 'collections' | 'fields'>;
  mappings(): Promise<StoredMapping[]>;
  audit: AuditLog;
  now(): number;
}

/** Everything known about a record whose one Intune device was found. */
export interface ResolvedDevice {
  mapping: Mapping;
  collectionName: string;
  record: AssetRecord;
  recordTitle: string;
  fields: Field[];
  device: ManagedDevice;
  graph: GraphClient;
  grantedScopes: string[];
  cloud: Cloud;
  tenant: string;
  assetPanda: { client: AssetPandaClient; tenant: Tenant };
}

/** `audit`: the audit entries as read while resolving (newest first), for the panel to write Intune's progress onto. */
export type Resolution = { status: PanelStatus } | { resolved: ResolvedDevice; audit: AuditEntry[] };

/** Collections and fields change rarely; a record page asks for them on every refresh. */
const LISTS_TTL_MS = 5 * 60_000;

function memo<T>(now: () => number, load: (key: string) => Promise<T>) {
  const entries = new Map<string, { value: Promise<T>; until: number }>();
  return (key: string): Promise<T> => {
    const hit = entries.get(key);
    if (hit && hit.until > now()) return hit.value;
    const value = load(key);
    entries.set(key, { value, until: now() + LISTS_TTL_MS });
    value.catch(() => entries.delete(key));
    return value;
  };
}

/**
 * Finds, for a record page, everything the panel and the actions need, in the order the admin must
 * fix things: Intune connected and signed in, Asset Panda connected, a mapping for the collection,
 * the record, then its Intune device through the mapping's match keys.
 */
export function recordResolver(deps: PanelDeps) {
  const collections = memo<Named[]>(deps.now, () => deps.assetPanda.collections());
  const fields = memo<Field[]>(deps.now, (collectionId) => deps.assetPanda.fields(collectionId));

  const collectionName = async (collectionId: string) =>
    (await collections('').catch(() => [])).find((c) => c.id === collectionId)?.name ?? 'this collection';

  async function mappingFor(collectionId: string): Promise<Mapping | undefined> {
    const mappings = (await deps.mappings()).flatMap((stored) => (stored.readable ? [stored.mapping] : []));
    return mappings.find((mapping) => mapping.collection.id === collectionId);
  }

  /** The collections that have a mapping: where the record of an unknown page route can be. */
  async function mappedCollections(): Promise<string[]> {
    return (await deps.mappings()).flatMap((stored) => (stored.readable ? [stored.mapping.collection.id] : []));
  }

  async function resolve(ref: ConfirmedRecordRef, choice?: string): Promise<Resolution> {
    const { connection, session } = await deps.intune.describe({ verify: false });
    if (!connection) return { status: { state: 'not-connected' } };
    const signedOut = (problem?: string): Resolution => ({
      status: { state: 'signed-out', account: connection.account.username, ...(problem ? { problem } : {}) },
    });
    if (session.state !== 'signed-in') return signedOut(session.problem?.message);
    // The saved connection is read once, by open(); status() only tells "not connected" apart from a connection that does not open.
    const [opened] = await Promise.allSettled([deps.assetPanda.open()]);
    if (opened.status === 'rejected' && (await deps.assetPanda.status()).state !== 'connected') return { status: { state: 'assetpanda-not-connected' } };

    const mapping = await mappingFor(ref.collectionId);
    if (!mapping) return { status: { state: 'no-mapping', collectionName: await collectionName(ref.collectionId) } };
    const heading = { collectionName: mapping.collection.name };

    let record: AssetRecord;
    let recordFields: Field[];
    let assetPanda: ResolvedDevice['assetPanda'];
    try {
      if (opened.status === 'rejected') throw opened.reason;
      assetPanda = opened.value;
      [record, recordFields] = await Promise.all([
        assetPanda.client.getRecord({ ...assetPanda.tenant, collectionId: ref.collectionId }, ref.recordId),
        fields(ref.collectionId),
      ]);
    } catch (error) {
      if (error instanceof AssetPandaError && error.kind === 'not-found') {
        return { status: { state: 'record-not-found', recordId: ref.recordId, ...heading } };
      }
      if (error instanceof AssetPandaError) return { status: { state: 'unreachable', service: 'assetpanda', message: error.message } };
      throw error;
    }
    const firstField = recordFields[0];
    const title = firstField ? record.values[firstField.id] : undefined;
    const recordHeading = { ...heading, recordTitle: title === null || title === undefined || title === '' ? ref.recordId : String(title) };

    const { entries: audit } = await deps.audit.list();
    const unfinished = await deps.audit.unfinishedDelete(ref.collectionId, ref.recordId, audit);
    if (unfinished) {
      return { status: { state: 'delete-unfinished', ...recordHeading, deviceName: unfinished.device.name, message: unfinished.assetPanda.message } };
    }

    try {
      const graph = await deps.intune.graph();
      const match = await devicesForRecord(graph, mapping, record);
      const chosen = match.devices.length > 1 ? match.devices.find((device) => device.id === choice) : match.devices[0];
      if (match.devices.length === 0) return { status: { state: 'no-device', ...recordHeading, tried: match.tried } };
      if (!chosen) {
        return {
          status: {
            state: 'several-devices',
            ...recordHeading,
            matchedBy: match.matchedBy ?? '',
            devices: match.devices.map(deviceIdentity),
          },
        };
      }
      return {
        resolved: {
          mapping,
          collectionName: mapping.collection.name,
          record,
          recordTitle: recordHeading.recordTitle,
          fields: recordFields,
          device: chosen,
          graph,
          grantedScopes: await deps.intune.grantedScopes(),
          cloud: connection.settings.cloud,
          tenant: connection.settings.tenantId,
          assetPanda,
        },
        audit,
      };
    } catch (error) {
      if (error instanceof SignInError) return signedOut(error.message);
      if (isGraphError(error, 'unauthorized')) return signedOut();
      if (isGraphError(error)) return { status: { state: 'unreachable', service: 'intune', message: graphFailureText(error, 'the device lookup') } };
      throw error;
    }
  }

  return { resolve, mappingFor, mappedCollections, collections: () => collections('') };
}

export type RecordResolver = ReturnType<typeof recordResolver>;
