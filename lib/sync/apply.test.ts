import { describe, expect, it, vi } from 'vitest';
import { seedRecord } from '../../tests/sandbox/assetpanda-api/records';
import { collectionNamed } from '../../tests/sandbox/assetpanda-api/tenant';
import { conflictedDevices, createSyncHarness, devicesNotExactlyOnce, withoutUniqueFields } from '../../tests/support/sync-harness';
import { useSandbox } from '../../tests/support/use-sandbox';
import type { RecordReader } from './ports';

const sandbox = useSandbox({ fleetSize: 200 });
vi.setConfig({ testTimeout: 60_000 });
const API = 'api.assetpanda.app';

describe('a create whose answer was lost', () => {
  it('is looked for once more after a moment before it is sent again: search may not see a record just written', async () => {
    const harness = createSyncHarness(sandbox);
    withoutUniqueFields(sandbox.world);
    const input = await harness.mapping();
    // Asset Panda applies the first create request but its answer never arrives.
    sandbox.fault({ host: API, method: 'POST', path: '/collection-records', lose: true });
    // Search catches up with a write only after a while: the first look for each key finds nothing.
    const looked = new Set<string>();
    const lagging: RecordReader = {
      ...harness.reader,
      find: async (collectionId, fieldId, value) => {
        if (!looked.has(value)) {
          looked.add(value);
          return [];
        }
        return harness.reader.find(collectionId, fieldId, value);
      },
    };
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      sandbox.world.advanceClock(ms);
    };

    const run = await harness.engine({ records: lagging, sleep }).sync(input);

    expect(run.status).toBe('done');
    expect(looked.size).toBe(5);
    expect(waits).toContain(harness.reader.findCatchUpMs);
    expect(run.written).toMatchObject({ failed: 0, pending: 0, created: run.plan?.counts.creates });
    expect(devicesNotExactlyOnce(sandbox.world, await conflictedDevices(harness.store, run.id))).toEqual([]);
  });
});

describe('a create refused because another record holds its identifier', () => {
  it('counts as found, not created: nothing was written to the record someone else made meanwhile', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping();
    const devices = collectionNamed(sandbox.world.assetPanda, 'Devices');
    const preview = await harness.engine().preview(input);
    const toCreate = ((await harness.store.loadPlan(preview.id))?.entries ?? []).flatMap((entry) => (entry.kind === 'create' ? [entry.device.id] : []));
    let madeMeanwhile = 0;
    harness.onSend((request) => {
      if (request.method !== 'POST' || request.path !== '/collection-records' || madeMeanwhile > 0) return;
      // Someone adds the new devices by hand between the plan and its writes.
      for (const deviceId of toCreate) seedRecord(sandbox.world.assetPanda, 'Devices', { Name: `by hand ${deviceId}`, 'Intune Device ID': deviceId });
      madeMeanwhile = toCreate.length;
    });
    const recordsBefore = devices.records.size;

    const run = await harness.engine().sync(input);

    expect(run.status).toBe('done');
    const creates = run.plan!.counts.creates;
    expect(creates).toBe(toCreate.length);
    expect(creates).toBeGreaterThan(0);
    expect(run.written).toMatchObject({ created: 0, found: creates, failed: 0, pending: 0 });
    expect(devices.records.size).toBe(recordsBefore + madeMeanwhile);
    const plan = await harness.store.loadPlan(run.id);
    expect(plan?.states.filter((state) => state?.found)).toEqual(
      Array(creates).fill(expect.objectContaining({ status: 'written', recordId: expect.any(String), reason: expect.stringContaining('nothing was written') })),
    );
  });
});
