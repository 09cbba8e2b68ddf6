import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { indexedDbRunStore } from './idb-run-store';
import type { PlanEntry, WriteState } from './plan-types';
import type { RunRecord, StoredPlan } from './run-store';

let databases = 0;
const freshDatabase = () => openDatabase(`idb-run-store-test-${++databases}`);

function run(id: string, changes: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    mappingId: 'm1',
    mappingName: 'Intune laptops',
    mappingUpdatedAt: '2026-11-29T16:20:00.000Z',
    collectionId: 'c1',
    mode: 'sync',
    trigger: 'manual',
    status: 'done',
    startedAt: 1_000,
    updatedAt: 1_000,
    written: { created: 0, updated: 0, marked: 0, deleted: 0, failed: 0, pending: 0 },
    computeMs: 0,
    ...changes,
  };
}

const device = { id: 'd1', name: 'LAPTOP-1', serialNumber: 'SER1' };
const record = { id: 'r1', keys: [{ fieldName: 'Serial Number', value: 'SER1' }] };
const pending: WriteState = { status: 'pending', attempts: 0 };
const plan: StoredPlan = {
  entries: [
    { kind: 'create', device, values: { f1: 'LAPTOP-1' }, key: { fieldId: 'f2', value: 'd1' } },
    { kind: 'update', device, record, changes: [{ fieldId: 'f3', fieldName: 'Model', before: undefined, after: 'Latitude' }] },
    { kind: 'conflict', reason: 'Two devices', devices: [device], records: [record] },
  ] satisfies PlanEntry[],
  states: [pending, pending, undefined],
};

describe('runs in IndexedDB', () => {
  it('keeps a run, its plan and each write state as versioned documents, and tells no plan from a plan of no lines', async () => {
    const database = freshDatabase();
    const store = indexedDbRunStore(database);
    await store.saveRun(run('a', { status: 'applying' }));
    expect(await store.loadPlan('a')).toBeUndefined();
    await store.savePlan('a', plan);
    await store.saveStates('a', [[0, { status: 'written', attempts: 1, recordId: 'new-1' }]]);

    expect(await store.loadRun('a')).toEqual(run('a', { status: 'applying' }));
    expect(await store.loadPlan('a')).toEqual({ ...plan, states: [{ status: 'written', attempts: 1, recordId: 'new-1' }, pending, undefined] });
    expect(await (await database).get('syncRuns', 'a')).toMatchObject({ schemaVersion: 1, data: { id: 'a' } });
    expect(await (await database).get('syncItems', ['a', 1])).toMatchObject({ schemaVersion: 1, data: { entry: { kind: 'update' }, state: pending } });

    await store.savePlan('a', { entries: [], states: [] });
    expect(await store.loadPlan('a')).toEqual({ entries: [], states: [] });
  });

  it('stores write states all or none', async () => {
    const store = indexedDbRunStore(freshDatabase());
    await store.saveRun(run('a', { status: 'applying' }));
    await store.savePlan('a', plan);
    await expect(store.saveStates('a', [[0, { status: 'sending', attempts: 1 }], [7, { status: 'sending', attempts: 1 }]])).rejects.toThrow(/Line 7/);
    expect((await store.loadPlan('a'))?.states[0]).toEqual(pending);
  });

  it("holds a mapping's lock for one run at a time, again for the same run, until that run frees it", async () => {
    const store = indexedDbRunStore(freshDatabase());
    expect(await store.lock('m1', 'a')).toEqual({ ok: true });
    expect(await store.lock('m1', 'a')).toEqual({ ok: true });
    expect(await store.lock('m1', 'b')).toEqual({ ok: false, holder: 'a' });
    expect(await store.lock('m2', 'b')).toEqual({ ok: true });
    await store.unlock('m1', 'b');
    expect(await store.holder('m1')).toBe('a');
    await store.unlock('m1', 'a');
    expect(await store.holder('m1')).toBeUndefined();
    expect(await store.lock('m1', 'b')).toEqual({ ok: true });
  });

  it('keeps the newest finished runs of each kind, deleting the older ones with their lines, and never an unfinished run', async () => {
    const database = freshDatabase();
    const store = indexedDbRunStore(database, { sync: 3, preview: 1 });
    await store.saveRun(run('paused', { status: 'paused', startedAt: 0 }));
    await store.savePlan('paused', plan);
    for (let at = 1; at <= 5; at++) {
      await store.saveRun(run(`sync-${at}`, { startedAt: at }));
      await store.savePlan(`sync-${at}`, plan);
    }
    for (let at = 6; at <= 7; at++) await store.saveRun(run(`preview-${at}`, { mode: 'preview', status: 'previewed', startedAt: at }));
    // Saving a run again (a checkpoint) deletes nothing more.
    await store.saveRun(run('sync-5', { startedAt: 5, updatedAt: 9 }));

    const { runs } = await store.list();
    expect(runs.map((kept) => kept.id)).toEqual(['preview-7', 'sync-5', 'sync-4', 'sync-3', 'paused']);
    expect(await store.loadPlan('sync-2')).toBeUndefined();
    expect(await (await database).count('syncItems')).toBe(3 * (plan.entries.length + 1) + plan.entries.length + 1);
    expect(await store.loadPlan('paused')).toEqual(plan);
  });

  it('lists a stored run that no longer reads as unreadable, and keeps it', async () => {
    const database = freshDatabase();
    const store = indexedDbRunStore(database);
    await store.saveRun(run('a'));
    await (await database).put('syncRuns', { schemaVersion: 9, data: {} }, 'future');
    expect(await store.list()).toMatchObject({ runs: [{ id: 'a' }], unreadable: 1 });
    await expect(store.loadRun('future')).rejects.toThrow(/newer version/);
    expect(await (await database).get('syncRuns', 'future')).toBeDefined();
  });
});
