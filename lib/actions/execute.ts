import type { AssetPandaClient } from '../assetpanda/client';
import { AssetPandaError } from '../assetpanda/errors';
import type { Tenant } from '../assetpanda/types';
import type { GraphClient } from '../graph/client';
import type { ManagedDevice } from '../graph/device-schema';
import { isGraphError } from '../graph/errors';
import type { GraphReceipt } from '../graph/transport';
import type { WipeOptions } from '../graph/wipe-options';
import type { Mapping } from '../mapping/schema';
import { devicesForRecord } from '../panel/device-match';
import { deviceIdentity } from '../panel/device-summary';
import type { AuditEntry, AuditLog } from './audit';
import { availability } from './availability';
import { ACTIONS, type ActionName } from './catalog';
import type { ConfirmationRequest } from './confirmations';
import { graphFailureText } from '../graph/failure-text';

/** What the confirmation window tells the admin once the action ran. */
export interface ActionOutcome {
  outcome: 'sent' | 'failed' | 'partial';
  /** Intune's part, then Asset Panda's, in words. */
  intune: string;
  assetPanda: string;
  auditId: string;
  requestId: string | null;
}

export interface ExecutionContext {
  request: ConfirmationRequest;
  options: WipeOptions;
  graph: GraphClient;
  grantedScopes: readonly string[];
  assetPanda: { client: AssetPandaClient; tenant: Tenant };
  mapping: Mapping;
  audit: AuditLog;
  actor: AuditEntry['actor'];
  now(): number;
  newId(): string;
}

const call: Record<ActionName, (graph: GraphClient, deviceId: string, options: WipeOptions) => Promise<GraphReceipt>> = {
  retire: (graph, id) => graph.retire(id),
  wipe: (graph, id, options) => graph.wipe(id, options),
  delete: (graph, id) => graph.deleteDevice(id),
  remoteLock: (graph, id) => graph.remoteLock(id),
  syncDevice: (graph, id) => graph.syncDevice(id),
};

/** The actions that change the Asset Panda record too: the record must still point at the device. */
const CHANGES_RECORD: ReadonlySet<ActionName> = new Set(['retire', 'delete']);

/** The options as the audit keeps them: a recovery PIN is a secret, so only that one was set. */
function auditedOptions(options: WipeOptions): AuditEntry['options'] {
  const kept: AuditEntry['options'] = {};
  for (const [key, value] of Object.entries(options)) if (value !== undefined) kept[key] = key === 'macOsUnlockCode' ? 'set' : value;
  return kept;
}

/**
 * Why the action may not be sent to the device as Intune holds it now, or undefined: the device's
 * name must still be the one the admin confirmed (and typed, for Wipe and Delete), the action must
 * still be available, and for Retire and Delete the record must still point at this device.
 */
async function refusal(ctx: ExecutionContext, current: ManagedDevice): Promise<string | undefined> {
  const { request } = ctx;
  const label = ACTIONS[request.action].label;
  const name = deviceIdentity(current).name;
  if (name !== request.device.name) {
    return `${label} was not sent: the device is now named "${name}" in Intune, not "${request.device.name}" as you confirmed. Check the device, then start again from the record page.`;
  }
  const allowed = availability(request.action, current, ctx.grantedScopes);
  if (!allowed.available) return `${label} was not sent: ${allowed.reason}`;
  if (!CHANGES_RECORD.has(request.action)) return undefined;

  let record;
  try {
    record = await ctx.assetPanda.client.getRecord({ ...ctx.assetPanda.tenant, collectionId: request.record.collectionId }, request.record.recordId);
  } catch (error) {
    // A record already gone cannot be changed by mistake: Intune's part goes ahead, Asset Panda's says so.
    if (error instanceof AssetPandaError && error.kind === 'not-found') return undefined;
    return `${label} was not sent: the Asset Panda record could not be read first, to check it still belongs to this device. ${error instanceof Error ? error.message : String(error)}`;
  }
  const { devices } = await devicesForRecord(ctx.graph, ctx.mapping, record);
  if (!devices.some((device) => device.id === current.id)) {
    return `${label} was not sent: the record "${request.record.title}" no longer points at this device (its Unique Identifier fields changed since you confirmed). Look at the record page again.`;
  }
  return undefined;
}

/**
 * Runs a confirmed action: Intune first (after reading the device, and for Retire and Delete the
 * record, again: a device deleted, renamed or relinked since the confirmation is not acted on), then
 * Asset Panda's part with the meaning Asset Panda's guide gives it. Every step lands in the audit
 * entry, which exists before Graph is called; once Intune was asked, the admin is told what really
 * happened even when the audit cannot be completed.
 */
export async function executeAction(ctx: ExecutionContext): Promise<ActionOutcome> {
  const { request, graph, audit } = ctx;
  const spec = ACTIONS[request.action];
  const at = () => new Date(ctx.now());
  const entry = await audit.add({
    id: ctx.newId(),
    at: at().toISOString(),
    updatedAt: at().toISOString(),
    actor: ctx.actor,
    action: request.action,
    device: { id: request.device.id, name: request.device.name, serialNumber: request.device.serialNumber, operatingSystem: request.device.operatingSystem },
    record: request.record,
    mappingId: request.mappingId,
    options: auditedOptions(ctx.options),
    outcome: 'started',
    intune: { message: 'Sending to Intune.', requestId: null, clientRequestId: null },
    assetPanda: { status: 'none', message: '' },
    progress: null,
  });
  const finish = async (outcome: ActionOutcome['outcome'], changes: Pick<AuditEntry, 'intune' | 'assetPanda'>): Promise<ActionOutcome> => {
    const told = { outcome, intune: changes.intune.message, assetPanda: changes.assetPanda.message, auditId: entry.id, requestId: changes.intune.requestId };
    try {
      await audit.update(entry, { ...changes, outcome }, at());
      return told;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ...told, assetPanda: `${told.assetPanda} The audit entry could not be completed (${reason}); it still reads "Started".`.trim() };
    }
  };
  const notSent = (message: string, requestId: string | null = null, clientRequestId: string | null = null) =>
    finish('failed', { intune: { message, requestId, clientRequestId }, assetPanda: { status: 'none', message: 'Asset Panda was not changed.' } });

  let receipt: GraphReceipt;
  try {
    const refused = await refusal(ctx, await graph.getDevice(request.device.id));
    if (refused) return await notSent(refused);
    receipt = await call[request.action](graph, request.device.id, ctx.options);
  } catch (error) {
    const what = isGraphError(error) && error.method === 'GET' ? `${spec.label} (the device could not be read first)` : spec.label;
    return notSent(graphFailureText(error, what, { isWrite: isGraphError(error) && error.method !== 'GET' }), isGraphError(error) ? error.requestId : null, isGraphError(error) ? error.clientRequestId : null);
  }
  const intune = {
    message: request.action === 'delete' ? 'Intune deleted the device.' : `Intune accepted ${spec.label}; it runs when the device checks in.`,
    ...receipt,
  };
  const assetPanda = await assetPandaPart(ctx);
  return finish(assetPanda.status === 'failed' ? 'partial' : 'sent', { intune, assetPanda });
}

/** Asset Panda's part of an action whose Intune part succeeded (also the retry of a half-done delete). */
export async function assetPandaPart(ctx: Pick<ExecutionContext, 'request' | 'assetPanda' | 'mapping'>): Promise<AuditEntry['assetPanda']> {
  const { request, assetPanda, mapping } = ctx;
  const collection = { ...assetPanda.tenant, collectionId: request.record.collectionId };
  const retired = mapping.behaviour.retiredStatus;
  try {
    if (request.action === 'delete') {
      await assetPanda.client.deleteRecord(collection, request.record.recordId);
      return { status: 'done', message: `Asset Panda deleted the record "${request.record.title}".` };
    }
    if (request.action === 'retire' && retired) {
      await assetPanda.client.updateRecord(collection, { recordId: request.record.recordId, values: { [retired.field.id]: retired.value } });
      return { status: 'done', message: `Asset Panda kept the record and set ${retired.field.name} to "${retired.value}".` };
    }
  } catch (error) {
    // The record is gone, which is what a delete wants: a delete half done before (or by someone else) is done.
    if (request.action === 'delete' && error instanceof AssetPandaError && error.kind === 'not-found') {
      return { status: 'done', message: `Asset Panda no longer had the record "${request.record.title}": it was already deleted, so nothing is left to do.` };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return request.action === 'delete'
      ? { status: 'failed', message: `Asset Panda did not delete the record "${request.record.title}": ${reason}` }
      : { status: 'failed', message: `Asset Panda did not set ${retired?.field.name ?? 'the status'} to "${retired?.value ?? ''}": ${reason} Set it by hand on the record.` };
  }
  if (request.action === 'retire') return { status: 'none', message: 'Asset Panda kept the record; the mapping names no retired status, so nothing on it changed.' };
  return { status: 'none', message: 'Asset Panda was not changed.' };
}
