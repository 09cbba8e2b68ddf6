import { beforeEach, describe, expect, it, vi } from 'vitest';
import { collectionNamed } from '../../tests/sandbox/assetpanda-api/tenant';
import {
  conflictedDevices,
  createSyncHarness,
  devicesNotExactlyOnce,
  type SentRequest,
  type SyncHarness,
  withoutUniqueFields,
} from '../../tests/support/sync-harness';
import { recordWrites } from '../../tests/support/writes';
import { useSandbox } from '../../tests/support/use-sandbox';
import { LOCKED_MESSAGE } from '../assetpanda/connection';
import { AssetPandaError } from '../assetpanda/errors';
import { openDatabase } from '../db/open';
import { indexedDbRunStore } from '../sync/idb-run-store';
import type { RunRecord } from '../sync/run-store';
import { createRunManager } from './manager';

const sandbox = useSandbox({ fleetSize: 200 });
vi.setConfig({ testTimeout: 60_000 });
beforeEach(() => withoutUniqueFields(sandbox.world));

let databases = 0;
const isCreate = (request: SentRequest) => request.method === 'POST' && request.path === '/collection-records';
const nthCreate = (n: number) => {
  let seen = 0;
  return (request: SentRequest) => isCreate(request) && ++seen === n;
};

/** A run manager as a fresh worker has it, over the sandbox, on a store a dead worker may have left. */
async function startWorker(store = indexedDbRunStore(openDatabase(`manager-test-${++databases}`))) {
  const harness = createSyncHarness(sandbox, { store });
  const input = await harness.mapping();
  const settled = new Map<string, RunRecord>();
  const waiters = new Map<string, (run: RunRecord) => void>();
  const activity: number[] = [];
  const failure: { connect?: Error } = {};
  const manager = createRunManager({
    store,
    mapping: async () => input.mapping,
    connect: async () => {
      if (failure.connect) throw failure.connect;
      return { devices: harness.devices, records: harness.reader, writer: harness.writer };
    },
    onActivity: (running) => activity.push(running),
    onSettled: (run) => {
      const waiter = waiters.get(run.id);
      waiters.delete(run.id);
      if (waiter) waiter(run);
      else settled.set(run.id, run);
    },
    now: harness.world.now,
    sleep: async (ms) => harness.world.advanceClock(ms),
  });
  /** The run as it was when it next stopped running (each stop is told once). */
  const settledRun = (runId: string) =>
    new Promise<RunRecord>((resolve) => {
      const told = settled.get(runId);
      settled.delete(runId);
      if (told) resolve(told);
      else waiters.set(runId, resolve);
    });
  return { harness, input, store, manager, settledRun, activity, failure };
}

/** A worker that dies at the sixth create request, after it reached Asset Panda; returns its store and the run's id. */
async function deadWorker(mode: 'sync' | 'preview' = 'sync', dieAt: (harness: SyncHarness) => void = (harness) => harness.dieAt(nthCreate(6), true)) {
  const store = indexedDbRunStore(openDatabase(`manager-test-${++databases}`));
  const first = createSyncHarness(sandbox, { store });
  const input = await first.mapping();
  dieAt(first);
  void (mode === 'sync' ? first.engine().sync(input) : first.engine().preview(input));
  await first.dead;
  const { runs } = await store.list();
  return { store, runId: runs[0]!.id };
}

async function expectSyncedOnce(store: ReturnType<typeof indexedDbRunStore>, runId: string) {
  expect(devicesNotExactlyOnce(sandbox.world, await conflictedDevices(store, runId))).toEqual([]);
}

describe('the background runs syncs', () => {
  it('answers once the run is stored, lets it go on, refuses a second run of the mapping politely, and reports the end', async () => {
    const { manager, input, store, settledRun, activity } = await startWorker();
    const run = await manager.start(input.mapping.id, 'sync', 'manual');
    expect(run).toMatchObject({ status: 'planning', trigger: 'manual', mappingId: input.mapping.id });
    expect(await manager.view(run.id)).toMatchObject({ running: true });
    await expect(manager.start(input.mapping.id, 'preview', 'manual')).rejects.toThrow(`A sync of "${input.mapping.name}" is already running`);

    const ended = await settledRun(run.id);
    expect(ended.status).toBe('done');
    expect(ended.written).toMatchObject({ created: ended.plan?.counts.creates, updated: ended.plan?.counts.updates, failed: 0, pending: 0 });
    await expectSyncedOnce(store, run.id);
    expect(activity).toEqual([1, 0]);
    expect(await manager.view(run.id)).toMatchObject({ running: false, progress: null });
  });

  it('refuses a mapping the collection no longer fits before reading a record', async () => {
    const { manager, input } = await startWorker();
    const devices = collectionNamed(sandbox.world.assetPanda, 'Devices');
    const model = devices.columns.findIndex((column) => column.displayName === 'Model');
    devices.deletedColumns.push(...devices.columns.splice(model, 1));
    sandbox.requests.length = 0;
    await expect(manager.start(input.mapping.id, 'sync', 'manual')).rejects.toThrow(/cannot run: The Asset Panda field "Model" .* no longer exists/);
    expect(sandbox.requests.filter((request) => request.path.includes('search'))).toEqual([]);
  });

  it('goes on with the run a dead worker left applying, without duplicates', async () => {
    const { store, runId } = await deadWorker();
    expect((await store.loadRun(runId))?.status).toBe('applying');
    const { manager, settledRun } = await startWorker(store);
    await manager.resumeInterrupted();
    expect(await manager.view(runId)).toMatchObject({ running: true });
    expect((await settledRun(runId)).status).toBe('done');
    await expectSyncedOnce(store, runId);
  });

  it('pauses an interrupted run it cannot resume now, saying why, and continues it once the passphrase is given', async () => {
    const { store, runId } = await deadWorker();
    const { manager, settledRun, failure } = await startWorker(store);
    failure.connect = new AssetPandaError('locked', LOCKED_MESSAGE);
    await manager.resumeInterrupted();
    expect(await settledRun(runId)).toMatchObject({ status: 'paused', pause: { code: 'asset-panda-locked', message: expect.stringContaining('Unlock with your passphrase') } });
    expect((await store.loadRun(runId))?.status).toBe('paused');

    delete failure.connect;
    const resumed = settledRun(runId);
    await manager.continuePaused('asset-panda-locked');
    expect((await resumed).status).toBe('done');
    await expectSyncedOnce(store, runId);
  });

  it('cancels a running sync after the requests in flight, freeing the mapping; what was written stays', async () => {
    const { manager, input, store, harness, settledRun } = await startWorker();
    const run = await manager.start(input.mapping.id, 'sync', 'manual');
    harness.onSend((request) => {
      if (isCreate(request)) void manager.cancel(run.id);
    });
    const ended = await settledRun(run.id);
    expect(ended.status).toBe('cancelled');
    expect(ended.written.created).toBeLessThan(ended.plan!.counts.creates);
    expect(recordWrites(sandbox.requests).length).toBeLessThanOrEqual(3);
    expect(await store.holder(input.mapping.id)).toBeUndefined();
  });

  it('ends a preview a dead worker left (a preview is not checkpointed: the admin previews again)', async () => {
    const { store, runId } = await deadWorker('preview', (harness) => harness.dieAt((request) => request.host === 'graph.microsoft.com'));
    const { manager, settledRun } = await startWorker(store);
    await manager.resumeInterrupted();
    expect((await settledRun(runId)).status).toBe('cancelled');
  });
});
