import { describe, expect, it, vi } from 'vitest';
import { collectionNamed } from '../../tests/sandbox/assetpanda-api/tenant';
import { transientFaults } from '../../tests/sandbox/transient-faults';
import {
  conflictedDevices,
  createSyncHarness,
  devicesNotExactlyOnce,
  sentInsideRetryAfter,
  withoutUniqueFields,
} from '../../tests/support/sync-harness';
import { useSandbox } from '../../tests/support/use-sandbox';
import { recordWrites } from '../../tests/support/writes';
import { SyncBusyError } from './engine';
import type { SyncProgress } from './progress';

const sandbox = useSandbox({ fleetSize: 2000 });
// Each test syncs hundreds or thousands of records through the sandbox: seconds, not milliseconds.
vi.setConfig({ testTimeout: 60_000 });

/** A smaller tenant for the tests that need no 2 000 devices. */
function smallFleet() {
  sandbox.reset({ fleetSize: 300 });
  return createSyncHarness(sandbox);
}
const GRAPH = 'graph.microsoft.com';
const API = 'api.assetpanda.app';

describe('a sync of 2 000 devices', () => {
  it('through failing services ends with every device in Asset Panda exactly once and every change written, nothing sent inside a Retry-After window', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    withoutUniqueFields(sandbox.world);
    sandbox.world.graph.pageSize = 100;
    sandbox.randomFaults({ host: GRAPH, rate: 0.3, seed: 11, effects: transientFaults('graph', 2) });
    sandbox.randomFaults({ host: API, rate: 0.1, seed: 12, effects: transientFaults('assetPanda', 3) });
    const seedTime = collectionNamed(sandbox.world.assetPanda, 'Devices').records.values().next().value?.updatedAt;

    const run = await harness.engine().sync(input);

    expect(run.pause).toBeUndefined();
    expect(run.status).toBe('done');
    expect(run.written).toMatchObject({ failed: 0, pending: 0 });
    expect(run.written.created).toBe(run.plan?.counts.creates);
    expect(run.written.updated).toBe(run.plan?.counts.updates);
    const failures = (host: string) => sandbox.requests.filter((r) => r.host === host && (r.status >= 400 || r.lost)).length;
    expect(failures(GRAPH)).toBeGreaterThan(3);
    expect(failures(API)).toBeGreaterThan(20);
    expect(sandbox.requests.some((request) => request.lost && request.method === 'POST' && request.path === '/collection-records')).toBe(true);

    const conflicted = await conflictedDevices(harness.store, run.id);
    expect(conflicted.size).toBeGreaterThan(0);
    expect(devicesNotExactlyOnce(sandbox.world, conflicted)).toEqual([]);
    const conflictRecords = (await harness.store.loadPlan(run.id))!.entries.flatMap((entry) => (entry.kind === 'conflict' ? entry.records.map((r) => r.id) : []));
    const records = collectionNamed(sandbox.world.assetPanda, 'Devices').records;
    expect(conflictRecords.map((id) => records.get(id)?.updatedAt)).toEqual(conflictRecords.map(() => seedTime));

    expect(sentInsideRetryAfter(sandbox.requests, harness.throttlesSeen)).toEqual([]);

    sandbox.faults.clear();
    const check = await harness.engine().preview(input);
    expect(check.plan?.counts).toMatchObject({ creates: 0, updates: 0, devices: 2000 });
  });

  it('run again with nothing changed writes nothing', async () => {
    const harness = smallFleet();
    const input = await harness.mapping();
    const first = await harness.engine().sync(input);
    expect(first.written.created).toBeGreaterThan(200);
    const writesBefore = recordWrites(sandbox.requests).length;

    const second = await harness.engine().sync({ ...input, trigger: 'schedule' });

    expect(second.status).toBe('done');
    expect(second.plan?.counts).toMatchObject({ creates: 0, updates: 0, unchanged: first.plan!.counts.creates + first.plan!.counts.updates + first.plan!.counts.unchanged });
    expect(second.written).toEqual({ created: 0, found: 0, updated: 0, marked: 0, deleted: 0, failed: 0, pending: 0 });
    expect(recordWrites(sandbox.requests)).toHaveLength(writesBefore);
  });

  it('works the same with Asset Panda answering as a working client saw it (results per record, no new ids), answers lost and all', async () => {
    const harness = smallFleet();
    sandbox.world.assetPanda.answerStyle = 'observed';
    withoutUniqueFields(sandbox.world);
    const input = await harness.mapping();
    sandbox.randomFaults({ host: API, rate: 0.1, seed: 21, effects: transientFaults('assetPanda', 2) });

    const run = await harness.engine().sync(input);

    expect(run.status).toBe('done');
    expect(run.written).toMatchObject({ failed: 0, pending: 0, created: run.plan?.counts.creates });
    expect(devicesNotExactlyOnce(sandbox.world, await conflictedDevices(harness.store, run.id))).toEqual([]);
    sandbox.faults.clear();
    expect((await harness.engine().sync(input)).written).toMatchObject({ created: 0, updated: 0, failed: 0 });
  });

  it('reads the whole collection when Asset Panda pages by fewer records than asked, without a total: nothing is created twice', async () => {
    const harness = smallFleet();
    sandbox.world.assetPanda.answerStyle = 'observed';
    withoutUniqueFields(sandbox.world);
    const input = await harness.mapping();
    const first = await harness.engine().sync(input);
    expect(first.status).toBe('done');

    sandbox.world.assetPanda.searchLimits.pageCap = 25;
    const again = await harness.engine().sync(input);

    expect(again.plan?.counts).toMatchObject({ creates: 0, records: first.plan!.counts.records + first.written.created });
    expect(again.written.created).toBe(0);
    expect(devicesNotExactlyOnce(sandbox.world, await conflictedDevices(harness.store, again.id))).toEqual([]);
  });

  it('pauses with what to report when Asset Panda repeats records from page to page (it ignores `from`), writing nothing', async () => {
    const harness = smallFleet();
    const input = await harness.mapping();
    await harness.engine().sync(input);
    sandbox.world.assetPanda.searchLimits.ignoresFrom = true;
    const writesBefore = recordWrites(sandbox.requests).length;

    const run = await harness.engine().sync(input);

    expect(run.status).toBe('paused');
    expect(run.pause).toMatchObject({ code: 'asset-panda-answer', message: expect.stringContaining('listed record') });
    expect(recordWrites(sandbox.requests)).toHaveLength(writesBefore);
  });

  it('previews without writing, reporting its progress as it reads', async () => {
    const harness = smallFleet();
    const input = await harness.mapping();
    sandbox.world.graph.pageSize = 100;
    const reports: SyncProgress[] = [];

    const run = await harness.engine().preview(input, { onProgress: (progress) => reports.push(progress) });

    expect(run.status).toBe('previewed');
    expect(recordWrites(sandbox.requests)).toEqual([]);
    expect(run.plan?.counts).toMatchObject({ devices: 300, creates: expect.any(Number), updates: expect.any(Number) });
    const plan = await harness.store.loadPlan(run.id);
    expect(plan?.entries.filter((entry) => entry.kind === 'create')).toHaveLength(run.plan!.counts.creates);
    expect([...new Set(reports.map((report) => report.phase))]).toEqual(['records', 'lookups', 'devices']);
    expect(reports.filter((report) => report.phase === 'devices').map((report) => report.done)).toEqual([0, 100, 200, 300]);
  });

  it('reports the writes done out of the writes planned, for a time-left estimate', async () => {
    const harness = smallFleet();
    const reports: SyncProgress[] = [];

    const run = await harness.engine().sync(await harness.mapping(), { onProgress: (progress) => reports.push(progress) });

    const writing = reports.filter((report) => report.phase === 'writing');
    const planned = run.plan!.counts.creates + run.plan!.counts.updates;
    expect(writing.every((report) => report.total === planned && report.plan?.creates === run.plan?.counts.creates)).toBe(true);
    expect(writing.map((report) => report.done)).toEqual(writing.map((report) => report.done).toSorted((a, b) => a - b));
    expect(writing.at(-1)).toMatchObject({ done: planned, written: { created: run.plan?.counts.creates, pending: 0 } });
  });

  it('renews the Graph sign-in silently when the token expires during the run', async () => {
    const harness = smallFleet();
    const input = await harness.mapping();
    sandbox.world.graph.pageSize = 30;
    let pages = 0;
    harness.onAnswer((request) => {
      if (request.host === GRAPH && ++pages === 5) sandbox.world.advanceClock(2 * 3_600_000);
    });

    const run = await harness.engine().sync(input);

    expect(run.status).toBe('done');
    expect(harness.tokensIssued).toBe(2);
    expect(sandbox.requests.filter((request) => request.host === GRAPH).map((request) => request.status)).toEqual(Array(10).fill(200));
  });

  it('refuses politely a second run of the mapping while one runs, and stops at a cancel with what was written kept', async () => {
    const harness = smallFleet();
    const input = await harness.mapping();
    const cancel = new AbortController();
    let writes = 0;
    harness.onSend((request) => {
      if (request.method === 'POST' && request.path === '/collection-records' && ++writes === 10) cancel.abort();
    });
    const running = harness.engine().sync(input, { signal: cancel.signal });

    await expect(harness.engine().sync(input)).rejects.toThrow(SyncBusyError);
    await expect(harness.engine().sync(input)).rejects.toThrow(/already running/);
    const cancelled = await running;

    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.written.created).toBeGreaterThanOrEqual(50);
    expect(cancelled.written.created).toBeLessThan(cancelled.plan!.counts.creates);
    const next = await harness.engine().sync(input);
    expect(next.status).toBe('done');
    expect(devicesNotExactlyOnce(sandbox.world, await conflictedDevices(harness.store, next.id))).toEqual([]);
  });
});

describe('Retry-After', () => {
  it('holds back every request to the service, those in flight aside, until the window closes', async () => {
    const harness = smallFleet();
    const input = await harness.mapping();
    sandbox.randomFaults({ host: API, method: 'POST', path: '/collection-records', rate: 0.5, seed: 3, effects: [transientFaults('assetPanda', 5)[0]!] });

    const run = await harness.engine({ concurrency: 4 }).sync(input);

    expect(run.status).toBe('done');
    expect(harness.throttlesSeen.get(API)?.length).toBeGreaterThan(20);
    expect(sentInsideRetryAfter(sandbox.requests, harness.throttlesSeen)).toEqual([]);
  });
});
