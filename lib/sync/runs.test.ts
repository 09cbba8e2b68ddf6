import { beforeEach, describe, expect, it, vi } from 'vitest';
import { conflictedDevices, createSyncHarness, devicesNotExactlyOnce, type SentRequest, withoutUniqueFields } from '../../tests/support/sync-harness';
import { useSandbox } from '../../tests/support/use-sandbox';
import { SyncBusyError } from './engine';

const sandbox = useSandbox({ fleetSize: 300 });
vi.setConfig({ testTimeout: 60_000 });
// Nothing but the engine stands between two runs and a duplicate record.
beforeEach(() => withoutUniqueFields(sandbox.world));

const isCreate = (request: SentRequest) => request.method === 'POST' && request.path === '/collection-records';

describe('one run at a time', () => {
  it('refuses a second resume of a run this engine is already driving (a start-up resume racing "Continue")', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    // The key loses its write permission during the writes: the run pauses with creates still to send.
    const keys = sandbox.world.assetPanda.apiKeys;
    let creates = 0;
    harness.onSend((request) => {
      if (isCreate(request) && ++creates === 3) keys.forEach((key) => (key.permissions.write = false));
    });
    const paused = await harness.engine().sync(input);
    expect(paused).toMatchObject({ status: 'paused', written: { pending: expect.any(Number) } });
    expect(paused.written.pending).toBeGreaterThan(0);
    keys.forEach((key) => (key.permissions.write = true));

    const engine = harness.engine();
    const [first, second] = await Promise.allSettled([engine.resume(paused.id, input), engine.resume(paused.id, input)]);

    expect(first).toMatchObject({ status: 'fulfilled', value: { id: paused.id, status: 'done' } });
    expect(second).toMatchObject({ status: 'rejected', reason: expect.any(SyncBusyError) });
    expect(devicesNotExactlyOnce(sandbox.world, await conflictedDevices(harness.store, paused.id))).toEqual([]);
  });

  it('refuses politely a second mapping on the same collection while one runs, and lets it run after', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    const other = { ...input, mapping: { ...input.mapping, id: 'mapping-devices-2', name: 'Intune laptops' } };
    let creates = 0;
    let refusal: Promise<unknown> | undefined;
    harness.onSend((request) => {
      if (isCreate(request) && ++creates === 2) refusal = harness.engine().sync(other).catch((error: unknown) => error);
    });

    const first = await harness.engine().sync(input);

    expect(first.status).toBe('done');
    const refused = await refusal;
    expect(refused).toBeInstanceOf(SyncBusyError);
    expect((refused as Error).message).toMatch(/A sync of the mapping "Intune devices" into the same collection, Devices, is already running .* Two mappings must not write to one collection at once/);
    const second = await harness.engine().sync(other);
    expect(second).toMatchObject({ status: 'done', written: { created: 0 } });
    expect(devicesNotExactlyOnce(sandbox.world, await conflictedDevices(harness.store, second.id))).toEqual([]);
  });
});

describe('an unexpected error', () => {
  it('pauses the run with its reason instead of leaving it "running" with its lock held', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const engine = harness.engine({ store: { ...harness.store, savePlan: async () => Promise.reject(full) } });

    const run = await engine.sync(input);

    expect(run.status).toBe('paused');
    expect(run.pause).toMatchObject({ code: 'unexpected', message: expect.stringContaining('The quota has been exceeded.') });
    expect(await harness.store.loadRun(run.id)).toMatchObject({ status: 'paused' });
    await expect(harness.engine().sync(input)).rejects.toThrow(/is paused: .*quota has been exceeded.* Continue it or discard it/);
    await harness.engine().discard(run.id);
    expect((await harness.engine().sync(input)).status).toBe('done');
  });
});
