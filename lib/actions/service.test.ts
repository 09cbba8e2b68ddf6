import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../tests/support/memory-store';
import type { AssetPandaClient } from '../assetpanda/client';
import { AssetPandaError } from '../assetpanda/errors';
import type { AssetRecord } from '../assetpanda/types';
import { openDatabase } from '../db/open';
import type { GraphClient } from '../graph/client';
import type { ManagedDevice } from '../graph/device-schema';
import { GraphError } from '../graph/errors';
import { MappingSchema } from '../mapping/schema';
import type { ResolvedDevice } from '../panel/resolve';
import { auditLog } from './audit';
import { createConfirmationTokens } from './confirmation-tokens';
import { confirmationRequests } from './confirmations';
import { createActionService } from './service';

const SCOPES = ['DeviceManagementManagedDevices.ReadWrite.All', 'DeviceManagementManagedDevices.PrivilegedOperations.All'];
const COLLECTION = '01HWQ7CW7T626WY2A3KV603ZNF';
const field = (id: string, name: string) => ({ id, name, type: 'text' });
const mapping = MappingSchema.parse({
  id: 'm1',
  name: 'Intune devices',
  collection: { id: COLLECTION, name: 'Devices' },
  entity: 'managedDevices',
  fields: [
    { source: 'id', target: field('f-id', 'Intune Device ID'), transform: { kind: 'asIs' } },
    { source: 'serialNumber', target: field('f-serial', 'Serial Number'), transform: { kind: 'asIs' } },
  ],
  matchKeys: ['id', 'serialNumber'],
  behaviour: { retiredStatus: { field: field('f-status', 'Status'), value: 'Retired' } },
  createdAt: '2026-06-01T00:00:00Z',
  updatedAt: '2026-06-01T00:00:00Z',
});

const device = (id: string, name: string, serial: string): ManagedDevice =>
  ({ id, deviceName: name, serialNumber: serial, operatingSystem: 'macOS', osVersion: '15.1', managementState: 'managed', userPrincipalName: 'megan.bowen@contoso.com' }) as ManagedDevice;

function graphError(method: string, status: number, serviceMessage: string): GraphError {
  return new GraphError({
    method,
    path: '/v1.0/deviceManagement/managedDevices/d1/x',
    status,
    code: status === 404 ? 'ResourceNotFound' : 'BadRequest',
    serviceMessage,
    requestId: `req-${status}`,
    clientRequestId: `client-${status}`,
    date: null,
    retryAfterMs: null,
    intune: null,
    requiredScopes: [],
    scopeMissing: null,
  });
}

/**
 * The action service on stand-ins for Intune and Asset Panda: a fleet of devices and one record
 * (r1, linked to d1 by its Intune Device ID). `sent` lists the device writes Intune received.
 */
let databases = 0;

function setup() {
  let clock = Date.parse('2026-06-01T10:00:00Z');
  let ids = 0;
  const now = () => clock;
  const devices = new Map([
    ['d1', device('d1', 'MAC-0001', 'C02AAA')],
    ['d2', device('d2', 'MAC-0002', 'C02BBB')],
  ]);
  const records = new Map<string, AssetRecord>([['r1', { id: 'r1', values: { 'f-id': 'd1', 'f-serial': 'C02AAA', 'f-status': 'In Use' } }]]);
  const sent: string[] = [];
  const failures: { action?: GraphError; deleteRecord?: AssetPandaError } = {};

  const deviceWrite = (action: string) => async (id: string) => {
    // Lets concurrent runs interleave, as real requests would.
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (failures.action) throw failures.action;
    sent.push(`${action} ${id}`);
    if (action === 'delete') devices.delete(id);
    return { requestId: `req-${action}`, clientRequestId: `client-${action}` };
  };
  const graph = {
    async getDevice(id: string) {
      const found = devices.get(id);
      if (!found) throw graphError('GET', 404, 'Not found');
      return structuredClone(found);
    },
    async *listDevices() {
      yield { items: [...devices.values()] };
    },
    retire: deviceWrite('retire'),
    wipe: deviceWrite('wipe'),
    deleteDevice: deviceWrite('delete'),
    remoteLock: deviceWrite('remoteLock'),
    syncDevice: deviceWrite('syncDevice'),
  } as unknown as GraphClient;
  const client = {
    async getRecord(_collection: unknown, recordId: string) {
      const record = records.get(recordId);
      if (!record) throw new AssetPandaError('not-found', `Asset Panda has no record ${recordId}.`, 404);
      return structuredClone(record);
    },
    async deleteRecord(_collection: unknown, recordId: string) {
      if (failures.deleteRecord) throw failures.deleteRecord;
      if (!records.delete(recordId)) throw new AssetPandaError('not-found', `Record ${recordId} not found.`, 404);
    },
    async updateRecord(_collection: unknown, update: { recordId: string; values: Record<string, unknown> }) {
      const record = records.get(update.recordId);
      if (!record) throw new AssetPandaError('not-found', `Record ${update.recordId} not found.`, 404);
      Object.assign(record.values, update.values);
      return { id: update.recordId };
    },
  } as unknown as AssetPandaClient;

  const audit = auditLog(openDatabase(`action-service-test-${++databases}`));
  const store = memoryStore();
  const service = createActionService({
    panel: {
      async resolveDevice(_ref, deviceId) {
        const found = devices.get(deviceId);
        if (!found) throw new Error(`no device ${deviceId}`);
        return { device: found, grantedScopes: SCOPES, collectionName: 'Devices', recordTitle: 'MAC-0001', mapping } as unknown as ResolvedDevice;
      },
    },
    intune: {
      describe: async () => ({ session: { state: 'signed-in', account: { username: 'megan.bowen@contoso.com', name: 'Megan Bowen' } } }) as never,
      graph: async () => graph,
      grantedScopes: async () => SCOPES,
    },
    assetPanda: { open: async () => ({ client, tenant: { accountId: 'a', moduleId: 'm' } }) as never },
    mappings: { get: async () => mapping },
    audit,
    confirmations: confirmationRequests({ store, now, newId: () => `request-${++ids}` }),
    tokens: createConfirmationTokens({ store, now }),
    now,
    newId: () => `id-${++ids}`,
  });
  const ref = { collectionId: COLLECTION, recordId: 'r1' };

  /** Opens a confirmation of `action` on d1 from tab 7's panel and confirms it; returns what the window would hold. */
  async function confirmed(action: 'retire' | 'wipe' | 'delete' | 'remoteLock' | 'syncDevice', tabId = 7) {
    const request = await service.request(ref, 'd1', action, tabId);
    const typedName = action === 'wipe' || action === 'delete' ? 'MAC-0001' : '';
    const { token } = await service.confirm(request.id, typedName, {});
    return { request, token, run: () => service.run(request.id, token, {}) };
  }

  return { service, audit, store, devices, records, sent, failures, ref, confirmed, advance: (ms: number) => (clock += ms) };
}

describe('device actions', () => {
  it('runs one confirmation once, even when it was confirmed twice and both tokens race', async () => {
    const { service, sent, confirmed } = setup();
    const { request, token } = await confirmed('remoteLock');
    const second = await service.confirm(request.id, '', {});

    const outcomes = await Promise.allSettled([service.run(request.id, token, {}), service.run(request.id, second.token, {})]);

    expect(outcomes.map((o) => o.status).toSorted()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'confirmation-used' } });
    expect(sent).toEqual(['remoteLock d1']);
  });

  it('tells the real outcome and completes the audit when Intune answers with a 600-character message', async () => {
    const { audit, failures, confirmed } = setup();
    const { run } = await confirmed('remoteLock');
    failures.action = graphError('POST', 400, `Intune: ${'x'.repeat(600)}`);

    const outcome = await run();

    expect(outcome).toMatchObject({ outcome: 'failed', requestId: 'req-400' });
    expect(outcome.intune).toContain('Intune refused Remote lock for this device');
    const entry = await audit.get(outcome.auditId);
    expect(entry).toMatchObject({ outcome: 'failed', intune: { requestId: 'req-400', clientRequestId: 'client-400' } });
    expect(entry.intune.message).toHaveLength(500);
    expect(entry.intune.message.endsWith('…')).toBe(true);
  });

  it('says a delete is half done, and audits it with its request-id, when Asset Panda refuses with a 600-character message', async () => {
    const { audit, failures, devices, confirmed } = setup();
    const { run } = await confirmed('delete');
    failures.deleteRecord = new AssetPandaError('server', `Asset Panda failed: ${'y'.repeat(600)}`, 500);

    const outcome = await run();

    expect(outcome).toMatchObject({ outcome: 'partial', requestId: 'req-delete' });
    expect(devices.has('d1')).toBe(false);
    expect(outcome.retryRequestId).not.toBeNull();
    const entry = await audit.get(outcome.auditId);
    expect(entry).toMatchObject({ outcome: 'partial', intune: { requestId: 'req-delete' }, assetPanda: { status: 'failed' } });
    expect(entry.assetPanda.message).toHaveLength(500);
    expect(entry.record.title).toBe('MAC-0001');
  });

  it('sends nothing when the device was renamed after the admin confirmed its name', async () => {
    const { devices, sent, confirmed } = setup();
    const { run } = await confirmed('wipe');
    devices.set('d1', { ...device('d1', 'MAC-RENAMED', 'C02AAA') });

    const outcome = await run();

    expect(outcome.outcome).toBe('failed');
    expect(outcome.intune).toBe(
      'Wipe was not sent: the device is now named "MAC-RENAMED" in Intune, not "MAC-0001" as you confirmed. Check the device, then start again from the record page.',
    );
    expect(sent).toEqual([]);
  });

  it.each(['retire', 'delete'] as const)('does not %s when the record no longer points at the device', async (action) => {
    const { records, sent, confirmed } = setup();
    const { run } = await confirmed(action);
    // Someone relinked the record to another device meanwhile.
    records.set('r1', { id: 'r1', values: { 'f-id': 'd2', 'f-serial': 'C02BBB', 'f-status': 'In Use' } });

    const outcome = await run();

    expect(outcome).toMatchObject({ outcome: 'failed', assetPanda: 'Asset Panda was not changed.' });
    expect(outcome.intune).toContain('no longer points at this device');
    expect(sent).toEqual([]);
    expect(records.get('r1')?.values['f-status']).toBe('In Use');
  });

  it('retires a device whose record still points at it and sets the retired status', async () => {
    const { records, sent, confirmed } = setup();
    const { run } = await confirmed('retire');

    await expect(run()).resolves.toMatchObject({ outcome: 'sent' });

    expect(sent).toEqual(['retire d1']);
    expect(records.get('r1')?.values['f-status']).toBe('Retired');
  });

  it('takes a record already gone from Asset Panda as deleted, in a delete and in its retry', async () => {
    const { audit, records, failures, service, confirmed } = setup();
    const { run } = await confirmed('delete');
    failures.deleteRecord = new AssetPandaError('server', 'Asset Panda failed.', 500);
    const half = await run();
    expect(half.outcome).toBe('partial');

    // Meanwhile someone deleted the record by hand; the retry finds it gone.
    records.delete('r1');
    delete failures.deleteRecord;
    const { token } = await service.confirm(half.retryRequestId ?? '', '', {});
    const finished = await service.run(half.retryRequestId ?? '', token, {});

    expect(finished).toMatchObject({ outcome: 'sent', retryRequestId: null });
    expect(finished.assetPanda).toContain('it was already deleted');
    await expect(audit.get(half.auditId)).resolves.toMatchObject({ outcome: 'sent', assetPanda: { status: 'done' } });
    await expect(audit.unfinishedDelete(COLLECTION, 'r1')).resolves.toBeUndefined();
  });

  it("keeps one confirmation per tab: a new request closes the tab's earlier one", async () => {
    const { service, ref } = setup();
    const first = await service.request(ref, 'd1', 'retire', 7);
    const other = await service.request(ref, 'd1', 'retire', 8);

    const second = await service.request(ref, 'd1', 'remoteLock', 7);

    await expect(service.describe(first.id)).rejects.toMatchObject({ code: 'confirmation-unknown' });
    await expect(service.describe(second.id)).resolves.toMatchObject({ action: 'remoteLock' });
    await expect(service.describe(other.id)).resolves.toMatchObject({ action: 'retire' });
  });

  it('purges expired confirmations and spent or expired tokens when new ones are opened and issued', async () => {
    const { service, store, advance, confirmed } = setup();
    const { run } = await confirmed('remoteLock', 1);
    await run();
    await confirmed('syncDevice', 2);
    const stale = () => store.keys().filter((key) => key.startsWith('confirmation-'));
    expect(stale()).toHaveLength(4);

    advance(11 * 60_000);
    const fresh = await confirmed('retire', 3);

    // Only the new confirmation and its token are left.
    expect(stale().toSorted()).toEqual([`confirmation-request:${fresh.request.id}`, `confirmation-token:${fresh.token}`].toSorted());
    await expect(service.describe(fresh.request.id)).resolves.toMatchObject({ action: 'retire' });
  });
});
