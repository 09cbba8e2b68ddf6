import { describe, expect, it, vi } from 'vitest';
import { seedRecord } from '../../tests/sandbox/assetpanda-api/records';
import { collectionNamed } from '../../tests/sandbox/assetpanda-api/tenant';
import { SANDBOX_API_KEYS } from '../../tests/sandbox/assetpanda-api/unpublished-shapes';
import { throttled } from '../../tests/sandbox/graph/errors';
import { transientFaults } from '../../tests/sandbox/transient-faults';
import {
  conflictedDevices,
  createSyncHarness,
  devicesNotExactlyOnce,
  recordsPerDeviceId,
  sentInsideRetryAfter,
  type SentRequest,
  type SyncHarness,
} from '../../tests/support/sync-harness';
import { useSandbox } from '../../tests/support/use-sandbox';
import { AssetPandaError } from '../assetpanda/errors';
import { UserFacingError } from '../errors';
import { assetPandaRecords } from './assetpanda-records';
import { isWrite } from './plan-types';

const sandbox = useSandbox({ fleetSize: 300 });
vi.setConfig({ testTimeout: 60_000 });
const GRAPH = 'graph.microsoft.com';
const API = 'api.assetpanda.app';

const isWriteRequest = (request: SentRequest) => request.host === API && request.path === '/collection-records';
/** Runs `act` once, as the nth request `which` picks goes out. */
function atRequest(harness: SyncHarness, which: (request: SentRequest) => boolean, n: number, act: () => void) {
  let seen = 0;
  harness.onSend((request) => {
    if (which(request) && ++seen === n) act();
  });
}

async function expectEveryDeviceOnce(harness: SyncHarness, runId: string, except: string[] = []) {
  const conflicted = await conflictedDevices(harness.store, runId);
  expect(devicesNotExactlyOnce(sandbox.world, new Set([...conflicted, ...except]))).toEqual([]);
}

describe('a failure no record explains pauses the run, which goes on once it is fixed', () => {
  it('signed out of Microsoft while reading devices', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    sandbox.world.graph.pageSize = 100;
    atRequest(harness, (request) => request.host === GRAPH, 2, harness.signOut);

    const paused = await harness.engine().sync(input);

    expect(paused.status).toBe('paused');
    expect(paused.pause).toMatchObject({ code: 'intune-sign-in', message: expect.stringContaining('Sign in again') });
    await expect(harness.engine().sync(input)).rejects.toThrow(/is paused: Your Microsoft sign-in has expired.* Continue it or discard it/);
    harness.signIn();
    const resumed = await harness.engine().resume(paused.id, input);
    expect(resumed).toMatchObject({ id: paused.id, status: 'done' });
    await expectEveryDeviceOnce(harness, resumed.id);
  });

  it('the API key loses its write permission during the writes', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    const key = sandbox.world.assetPanda.apiKeys.find((candidate) => candidate.keyId === SANDBOX_API_KEYS.readWrite.keyId)!;
    atRequest(harness, isWriteRequest, 10, () => (key.permissions.write = false));

    const paused = await harness.engine().sync(input);

    expect(paused.pause).toMatchObject({ code: 'asset-panda-key', message: expect.stringContaining('write permission') });
    expect(paused.written).toMatchObject({ failed: 0, created: expect.any(Number), pending: expect.any(Number) });
    expect(paused.written.created).toBeGreaterThanOrEqual(40);
    expect(paused.written.pending).toBeGreaterThan(0);
    key.permissions.write = true;
    const resumed = await harness.engine().resume(paused.id, input);
    expect(resumed.status).toBe('done');
    expect(resumed.written).toMatchObject({ failed: 0, pending: 0 });
    await expectEveryDeviceOnce(harness, resumed.id);
  });

  it('Asset Panda stops answering during the writes', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    const [, gatewayDown] = transientFaults('assetPanda');
    atRequest(harness, isWriteRequest, 10, () => sandbox.fault({ host: API, ...gatewayDown, times: 10_000 }));

    const paused = await harness.engine().sync(input);

    expect(paused.pause).toMatchObject({ code: 'asset-panda-unavailable', message: expect.stringContaining('502') });
    expect(paused.written.failed).toBe(0);
    sandbox.faults.clear();
    const resumed = await harness.engine().resume(paused.id, input);
    expect(resumed.status).toBe('done');
    expect(resumed.written).toMatchObject({ failed: 0, pending: 0 });
    await expectEveryDeviceOnce(harness, resumed.id);
  });

  it('a mapped field is deleted from the collection during the writes; the edited mapping plans afresh', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    const devices = collectionNamed(sandbox.world.assetPanda, 'Devices');
    atRequest(harness, isWriteRequest, 10, () => (devices.columns = devices.columns.filter((column) => column.displayName !== 'Model')));

    const paused = await harness.engine().sync(input);

    expect(paused.pause).toMatchObject({ code: 'field-missing', message: expect.stringContaining('"Model"') });
    expect(paused.written.failed).toBe(0);
    const edited = {
      fields: await harness.assetPanda.listFields(harness.collection),
      mapping: { ...input.mapping, fields: input.mapping.fields.filter((entry) => entry.target.name !== 'Model'), updatedAt: '2026-11-30T09:00:00Z' },
    };
    const replacement = await harness.engine().resume(paused.id, edited);
    expect(replacement).toMatchObject({ status: 'done', replaces: paused.id, trigger: 'resume' });
    expect(await harness.store.loadRun(paused.id)).toMatchObject({ status: 'cancelled', replacedBy: replacement.id });
    await expectEveryDeviceOnce(harness, replacement.id);
  });

  it('the Access Key Secret is locked in this browser', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    const locked = new AssetPandaError('locked', 'The Asset Panda key is locked. Unlock with your passphrase on the options page.');
    const { writer } = assetPandaRecords({ ...harness.assetPanda, createRecords: () => Promise.reject(locked) }, harness.tenant);

    const paused = await harness.engine({ writer }).sync(input);

    expect(paused.pause).toMatchObject({ code: 'asset-panda-locked', message: locked.message });
    const resumed = await harness.engine().resume(paused.id, input);
    expect(resumed.status).toBe('done');
  });

  it('refuses to start a mapping that does not fit the collection, before any request', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    const sent = harness.sent.length;
    const fields = input.fields.filter((field) => field.name !== 'Serial Number');

    await expect(harness.engine().sync({ ...input, fields })).rejects.toThrow(UserFacingError);
    await expect(harness.engine().sync({ ...input, fields })).rejects.toThrow(/"Serial Number" .* no longer exists in Devices/);
    expect(harness.sent).toHaveLength(sent);
  });
});

describe('bad input ends in the report with a reason, and creates no duplicate', () => {
  it('a value another record took after the plan was made: that record fails, the rest are written', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    const held = recordsPerDeviceId(sandbox.world);
    const serials = new Set([...collectionNamed(sandbox.world.assetPanda, 'Devices').records.values()].flatMap((r) => Object.values(r.values)).map((v) => String(v).toLowerCase()));
    const fresh = sandbox.world.graph.devices.find((d) => !held.has(d.id) && d.serialNumber && d.serialNumber.length > 6 && !serials.has(d.serialNumber.toLowerCase()))!;
    atRequest(harness, isWriteRequest, 1, () => seedRecord(sandbox.world.assetPanda, 'Devices', { Name: 'Typed by hand', 'Serial Number': fresh.serialNumber }));

    const run = await harness.engine().sync(input);

    expect(run.status).toBe('done');
    expect(run.written).toMatchObject({ failed: 1, pending: 0 });
    const plan = (await harness.store.loadPlan(run.id))!;
    const failed = plan.entries.flatMap((entry, i) => (isWrite(entry) && plan.states[i]?.status === 'failed' ? [{ entry, reason: plan.states[i]?.reason }] : []));
    expect(failed).toEqual([{ entry: expect.objectContaining({ kind: 'create', device: expect.objectContaining({ id: fresh.id }) }), reason: expect.stringMatching(/Serial Number .* is already used by another record/) }]);
    await expectEveryDeviceOnce(harness, run.id, [fresh.id]);
  });

  it('malformed Graph pages are read again; pages that stay unreadable pause the run', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    sandbox.world.graph.pageSize = 100;
    sandbox.fault({ host: GRAPH, malformed: true, times: 3 });
    expect((await harness.engine().preview(input)).status).toBe('previewed');

    sandbox.fault({ host: GRAPH, malformed: true, times: 1000 });
    const paused = await harness.engine().sync(input);
    expect(paused.pause).toMatchObject({ code: 'intune-answer', message: expect.stringContaining('cannot read') });
  });

  it('a create answered in a shape the extension cannot read is looked up, not written twice', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    sandbox.fault({ host: API, method: 'POST', path: '/collection-records', malformed: true, times: 3 });

    const run = await harness.engine().sync(input);

    expect(run.written).toMatchObject({ failed: 0, pending: 0 });
    expect(harness.sent.filter((request) => request.path === '/collection-records/search').length).toBeGreaterThanOrEqual(1 + 15);
    await expectEveryDeviceOnce(harness, run.id);
  });

  it('a search answered in a shape the extension does not know pauses with the assumption it broke', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    sandbox.fault({ host: API, path: '/collection-records/search', response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"items":[]}' } });

    const paused = await harness.engine().sync(input);

    expect(paused.pause).toMatchObject({ code: 'asset-panda-answer', message: expect.stringContaining('did not match what the extension assumes') });
    expect(paused.written.created).toBe(0);
  });

  it('a storm of 429s on both services is waited out, inside no Retry-After window', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    sandbox.world.graph.pageSize = 100;
    sandbox.fault({ host: GRAPH, response: throttled(3), times: 9 });
    sandbox.fault({ host: API, ...transientFaults('assetPanda', 4)[0], times: 30 });

    const run = await harness.engine().sync(input);

    expect(run.status).toBe('done');
    expect(sentInsideRetryAfter(sandbox.requests, harness.throttlesSeen)).toEqual([]);
    await expectEveryDeviceOnce(harness, run.id);
  });
});
