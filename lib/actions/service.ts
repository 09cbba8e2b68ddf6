import type { AssetPandaConnection } from '../assetpanda/connection';
import type { IntuneService } from '../auth/service';
import { UserFacingError } from '../errors';
import type { WipeOptions } from '../graph/wipe-options';
import type { MappingStore } from '../mapping/store';
import { deviceIdentity } from '../panel/device-summary';
import type { ConfirmedRecordRef } from '../panel/record-cache';
import type { PanelService } from '../panel/service';
import type { AuditEntry, AuditLog } from './audit';
import { availability } from './availability';
import { ACTIONS, type ActionName } from './catalog';
import type { ConfirmationTokens, TokenBinding } from './confirmation-tokens';
import type { ConfirmationRequest, ConfirmationRequests } from './confirmations';
import { assetPandaPart, executeAction, type ActionOutcome, type ExecutionContext } from './execute';
import { unsupportedWipeOptions, wipeChoices, type WipeChoice } from './wipe-choices';

export interface ActionServiceDeps {
  panel: Pick<PanelService, 'resolveDevice'>;
  intune: Pick<IntuneService, 'describe' | 'graph' | 'grantedScopes'>;
  assetPanda: Pick<AssetPandaConnection, 'open'>;
  mappings: Pick<MappingStore, 'get'>;
  audit: AuditLog;
  confirmations: ConfirmationRequests;
  tokens: ConfirmationTokens;
  now(): number;
  newId(): string;
}

/** What the confirmation window shows: all of it read by the background, none of it from the page. */
export interface ConfirmationView {
  requestId: string;
  kind: ConfirmationRequest['kind'];
  action: ActionName;
  label: string;
  typeToConfirm: boolean;
  device: ConfirmationRequest['device'];
  record: ConfirmationRequest['record'];
  inIntune: string;
  inAssetPanda: string;
  wipeChoices: WipeChoice[];
  expiresAt: number;
}

export type RunOutcome = ActionOutcome & { retryRequestId: string | null; tabId: number | null };

/** A token allows one thing: this confirmation's action (or the finishing of a delete), on its device, with these options. */
const bindingOf = (request: ConfirmationRequest, options: WipeOptions): TokenBinding => ({
  requestId: request.id,
  action: request.kind === 'finishDelete' ? 'finishDelete' : request.action,
  deviceId: request.device.id,
  options,
});

/**
 * Device actions from a record page. The panel can only open a confirmation (`request`); the
 * confirmation window, an extension page, shows what the background read, takes the admin's
 * confirmation (`confirm`, which issues a one-time token) and spends the token to run it (`run`).
 */
export function createActionService(deps: ActionServiceDeps) {
  async function inAssetPanda(request: ConfirmationRequest): Promise<string> {
    const { title } = request.record;
    const collection = request.record.collectionName;
    if (request.action === 'delete') return `The record "${title}" is deleted from ${collection}${request.kind === 'action' ? ' once Intune has deleted the device' : ''}.`;
    if (request.action !== 'retire') return `Nothing changes: the record "${title}" stays in ${collection} as it is.`;
    const retired = (await deps.mappings.get(request.mappingId)).behaviour.retiredStatus;
    return retired
      ? `The record "${title}" stays in ${collection}, with its history; its ${retired.field.name} is set to "${retired.value}".`
      : `The record "${title}" stays in ${collection} as it is (the mapping names no retired status to set).`;
  }

  async function signedInActor() {
    const { session } = await deps.intune.describe({ verify: false });
    if (session.state !== 'signed-in') throw new UserFacingError('signed-out', 'You are signed out of Microsoft Intune, so nothing was done. Sign in, then start again from the record page.');
    return { username: session.account.username, name: session.account.name };
  }

  /** The retry of a delete whose Asset Panda part failed (its audit entry, or what that entry holds): a confirmation of its own. */
  const openFinish = (entry: Pick<AuditEntry, 'id' | 'device' | 'record' | 'mappingId'>, tabId?: number) =>
    deps.confirmations.open({
      kind: 'finishDelete',
      action: 'delete',
      device: { ...entry.device, osVersion: null, primaryUser: null, lastCheckIn: null },
      record: entry.record,
      mappingId: entry.mappingId,
      auditId: entry.id,
      ...(tabId === undefined ? {} : { tabId }),
    });

  /** The retry of a half-done delete: Asset Panda's part again, written onto the delete's own audit entry. */
  async function runFinishDelete(request: ConfirmationRequest, context: Pick<ExecutionContext, 'assetPanda' | 'mapping'>): Promise<RunOutcome> {
    const entry = await deps.audit.get(request.auditId ?? '');
    if (entry.outcome !== 'partial') throw new UserFacingError('nothing-to-finish', 'This delete was already finished.');
    const part = await assetPandaPart({ request, ...context });
    const outcome = part.status === 'failed' ? 'partial' : 'sent';
    const saved = await deps.audit.update(entry, { assetPanda: part, outcome }, new Date(deps.now()));
    const retry = outcome === 'partial' ? await openFinish(saved, request.tabId) : undefined;
    return {
      outcome,
      intune: saved.intune.message,
      assetPanda: part.message,
      auditId: saved.id,
      requestId: saved.intune.requestId,
      retryRequestId: retry?.id ?? null,
      tabId: request.tabId ?? null,
    };
  }

  return {
    /** Called for the panel: checks the device and the action live, then opens a confirmation. */
    async request(ref: ConfirmedRecordRef, deviceId: string, action: ActionName, tabId?: number): Promise<ConfirmationRequest> {
      const resolved = await deps.panel.resolveDevice(ref, deviceId);
      const allowed = availability(action, resolved.device, resolved.grantedScopes);
      if (!allowed.available) throw new UserFacingError('action-unavailable', allowed.reason);
      return deps.confirmations.open({
        kind: 'action',
        action,
        device: deviceIdentity(resolved.device),
        record: { ...ref, collectionName: resolved.collectionName, title: resolved.recordTitle },
        mappingId: resolved.mapping.id,
        ...(tabId === undefined ? {} : { tabId }),
      });
    },

    /** Called for the panel when a delete is half done: a confirmation to delete the record. */
    async requestFinish(ref: ConfirmedRecordRef, tabId?: number): Promise<ConfirmationRequest> {
      const entry = await deps.audit.unfinishedDelete(ref.collectionId, ref.recordId);
      if (!entry) throw new UserFacingError('nothing-to-finish', 'No half-done delete is waiting for this record.');
      return openFinish(entry, tabId);
    },

    async describe(requestId: string): Promise<ConfirmationView> {
      const request = await deps.confirmations.get(requestId);
      const spec = ACTIONS[request.action];
      return {
        requestId,
        kind: request.kind,
        action: request.action,
        label: request.kind === 'finishDelete' ? 'Finish delete' : spec.label,
        typeToConfirm: request.kind === 'action' && spec.typeToConfirm,
        device: request.device,
        record: request.record,
        inIntune: request.kind === 'finishDelete' ? 'Nothing more: Intune already deleted the device.' : spec.inIntune,
        inAssetPanda: await inAssetPanda(request),
        wipeChoices: request.action === 'wipe' ? wipeChoices(request.device.operatingSystem) : [],
        expiresAt: request.expiresAt,
      };
    },

    /** The admin confirmed in the window: checks the typed name and the options, and issues the token. */
    async confirm(requestId: string, typedName: string, options: WipeOptions): Promise<{ token: string; expiresAt: number }> {
      const request = await deps.confirmations.get(requestId);
      const spec = ACTIONS[request.action];
      if (request.kind === 'action' && spec.typeToConfirm && typedName.trim() !== request.device.name.trim()) {
        throw new UserFacingError('name-mismatch', `Type the device name exactly as shown ("${request.device.name}") to ${spec.label.toLowerCase()} it.`);
      }
      const unsupported = request.action === 'wipe' && request.kind === 'action' ? unsupportedWipeOptions(request.device.operatingSystem, options) : Object.keys(options);
      if (unsupported.length > 0) throw new UserFacingError('invalid-options', `These options do not apply here: ${unsupported.join(', ')}.`);
      return deps.tokens.issue(bindingOf(request, options));
    },

    /**
     * Claims the confirmation, spending the token in the same serialised step (so a confirmation runs
     * once, whatever tokens were issued for it), then runs the action or finishes the delete.
     */
    async run(requestId: string, token: string, options: WipeOptions): Promise<RunOutcome> {
      const request = await deps.confirmations.claim(requestId, (claimed) => deps.tokens.spend(token, bindingOf(claimed, options)));
      const actor = await signedInActor();
      const mapping = await deps.mappings.get(request.mappingId);
      const assetPanda = await deps.assetPanda.open();
      if (request.kind === 'finishDelete') return runFinishDelete(request, { assetPanda, mapping });

      const outcome = await executeAction({
        request,
        options,
        graph: await deps.intune.graph(),
        grantedScopes: await deps.intune.grantedScopes(),
        assetPanda,
        mapping,
        audit: deps.audit,
        actor,
        now: deps.now,
        newId: deps.newId,
      });
      const retry = outcome.outcome === 'partial' && request.action === 'delete' ? await openFinish({ ...request, id: outcome.auditId }, request.tabId) : undefined;
      return { ...outcome, retryRequestId: retry?.id ?? null, tabId: request.tabId ?? null };
    },
  };
}

export type ActionService = ReturnType<typeof createActionService>;
