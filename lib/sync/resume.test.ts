import { beforeEach, describe, expect, it, vi } from 'vitest';
import { transientFaults } from '../../tests/sandbox/transient-faults';
import {
  conflictedDevices,
  createSyncHarness,
  devicesNotExactlyOnce,
  type SentRequest,
  type SyncHarness,
  withoutUniqueFields,
} from '../../tests/support/sync-harness';
import { useSandbox } from '../../tests/support/use-sandbox';
import { recordWrites } from '../../tests/support/writes';
import { openDatabase } from '../db/open';
import { SyncBusyError } from './engine';
import { indexedDbRunStore } from './idb-run-store';
import { createMemoryRunStore } from './memory-run-store';
import type { WriteState } from './plan-types';
import type { RunStore } from './run-store';

const sandbox = useSandbox({ fleetSize: 400 });
vi.setConfig({ testTimeout: 60_000 });
// Nothing but the engine stands between a lost answer and a duplicate record.
beforeEach(() => withoutUniqueFields(sandbox.world));

const isCreate = (request: SentRequest) => request.method === 'POST' && request.path === '/collection-records';
const isUpdate = (request: SentRequest) => request.method === 'PUT' && request.path === '/collection-records';
/** The nth request `which` picks. */
const nth = (which: (request: SentRequest) => boolean, n: number) => {
  let seen = 0;
  return (request: SentRequest) => which(request) && ++seen === n;
};

/**
 * Starts a sync in a worker that dies as `kill` says, then, as the browser does when it starts the
 * worker again, finds the run holding the mapping's lock in the store and resumes it with a fresh
 * engine. Returns the resumed run and the second worker's harness.
 */
async function killAndResume(newStore: () => RunStore, kill: (harness: SyncHarness) => void, concurrency = 3) {
  const first = createSyncHarness(sandbox, { store: newStore() });
  const input = await first.mapping();
  kill(first);
  // The worker dies: its run never settles, and nothing of it is awaited.
  void first.engine({ concurrency }).sync(input);
  await first.dead;

  const second = createSyncHarness(sandbox, { store: first.store });
  const engine = second.engine({ concurrency });
  await expect(engine.sync(input)).rejects.toThrow(SyncBusyError);
  const runId = await first.store.holder(input.mapping.id);
  expect(runId).toBeDefined();
  const interrupted = await first.store.loadRun(runId!);
  const resumed = await engine.resume(runId!, { ...input, trigger: 'resume' });
  return { input, interrupted, resumed, second };
}

async function expectFinishedWithoutDuplicates(harness: SyncHarness, runId: string, input: Awaited<ReturnType<SyncHarness['mapping']>>) {
  const run = await harness.store.loadRun(runId);
  expect(run?.status).toBe('done');
  expect(run?.written).toMatchObject({ failed: 0, pending: 0, created: run?.plan?.counts.creates, updated: run?.plan?.counts.updates });
  expect(devicesNotExactlyOnce(sandbox.world, await conflictedDevices(harness.store, runId))).toEqual([]);
  expect(await harness.store.holder(input.mapping.id)).toBeUndefined();
  const check = await harness.engine().preview(input);
  expect(check.plan?.counts).toMatchObject({ creates: 0, updates: 0 });
}

const states = async (harness: SyncHarness, runId: string): Promise<WriteState[]> =>
  ((await harness.store.loadPlan(runId))?.states ?? []).filter((state): state is WriteState => state !== undefined);

let databases = 0;
/** The same runs against the store the benchmark uses and the one the extension uses. */
const STORES: Array<[string, () => RunStore]> = [
  ['in memory', createMemoryRunStore],
  ['in IndexedDB', () => indexedDbRunStore(openDatabase(`resume-test-${++databases}`))],
];

describe.each(STORES)('a sync whose worker dies resumes from its checkpoint with no duplicates (runs %s)', (_where, newStore) => {
  it('when it dies before a create request goes out', async () => {
    const { interrupted, resumed, second, input } = await killAndResume(newStore, (harness) => harness.dieAt(nth(isCreate, 6)));
    expect(interrupted?.status).toBe('applying');
    expect(resumed.status).toBe('done');
    await expectFinishedWithoutDuplicates(second, resumed.id, input);
  });

  it('when it dies after Asset Panda created the records, before the answer came back', async () => {
    const { interrupted, resumed, second, input } = await killAndResume(newStore, (harness) => harness.dieAt(nth(isCreate, 6), true), 1);
    expect(interrupted?.status).toBe('applying');
    // Those five records exist, but the checkpoint says only that they were being sent: they are looked up, not created again.
    const lookups = second.sent.filter((request) => request.path === '/collection-records/search');
    expect(lookups).toHaveLength(5);
    expect(resumed.status).toBe('done');
    await expectFinishedWithoutDuplicates(second, resumed.id, input);
  });

  it('when it dies after the answer came back, before the checkpoint was stored', async () => {
    const { interrupted, resumed, second, input } = await killAndResume(newStore, (harness) =>
      harness.dieAtSave((changes) => changes.filter(([, state]) => state.status === 'written').length > 0 && Math.random() < 0.2),
    );
    expect(interrupted?.status).toBe('applying');
    expect(resumed.status).toBe('done');
    await expectFinishedWithoutDuplicates(second, resumed.id, input);
  });

  it('when it dies among the updates', async () => {
    const { resumed, second, input } = await killAndResume(newStore, (harness) => harness.dieAt(nth(isUpdate, 3), true));
    expect(resumed.status).toBe('done');
    await expectFinishedWithoutDuplicates(second, resumed.id, input);
  });

  it('when it dies while reading the devices (nothing written yet): the run plans again', async () => {
    sandbox.world.graph.pageSize = 100;
    const { interrupted, resumed, second, input } = await killAndResume(newStore, (harness) => harness.dieAt(nth((request) => request.host === 'graph.microsoft.com', 3)));
    expect(interrupted?.status).toBe('planning');
    expect(resumed.status).toBe('done');
    await expectFinishedWithoutDuplicates(second, resumed.id, input);
  });

  it('when it dies twice, in a run whose answers are sometimes lost', async () => {
    sandbox.randomFaults({ host: 'api.assetpanda.app', rate: 0.15, seed: 4, effects: transientFaults('assetPanda') });
    const first = createSyncHarness(sandbox, { store: newStore() });
    const input = await first.mapping();
    first.dieAt(nth(isCreate, 10), true);
    void first.engine().sync(input);
    await first.dead;
    const runId = (await first.store.holder(input.mapping.id))!;

    const second = createSyncHarness(sandbox, { store: first.store });
    second.dieAt(nth(isCreate, 10), true);
    void second.engine().resume(runId, input);
    await second.dead;
    expect((await states(second, runId)).some((state) => state.status === 'pending')).toBe(true);

    const third = createSyncHarness(sandbox, { store: first.store });
    const resumed = await third.engine().resume(runId, input);
    expect(resumed.status).toBe('done');
    sandbox.faults.clear();
    await expectFinishedWithoutDuplicates(third, runId, input);
    expect(recordWrites(sandbox.requests).length).toBeGreaterThan(0);
  });
});
