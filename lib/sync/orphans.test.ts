import { describe, expect, it, vi } from 'vitest';
import { seedRecord } from '../../tests/sandbox/assetpanda-api/records';
import { collectionNamed, columnNamed } from '../../tests/sandbox/assetpanda-api/tenant';
import { graphError } from '../../tests/sandbox/graph/errors';
import { createSyncHarness } from '../../tests/support/sync-harness';
import { recordWrites } from '../../tests/support/writes';
import { useSandbox } from '../../tests/support/use-sandbox';
import type { MissingDevices } from '../mapping/schema';
import type { DeviceSource } from './ports';

const sandbox = useSandbox({ fleetSize: 200 });
vi.setConfig({ testTimeout: 60_000 });

/** The mapping's "devices that disappear from Intune": set Status to Retired, in the sandbox's Devices collection. */
function markRetired(harness: ReturnType<typeof createSyncHarness>, fields: Awaited<ReturnType<typeof harness.mapping>>['fields']): MissingDevices {
  const status = fields.find((field) => field.name === 'Status')!;
  return { action: 'setValue', set: { field: { id: status.id, name: status.name, type: status.type }, value: 'Retired' } };
}

function statusOf(recordId: string): unknown {
  const devices = collectionNamed(sandbox.world.assetPanda, 'Devices');
  return devices.records.get(recordId)?.values[columnNamed(devices, 'Status').id];
}

describe('records whose device Intune did not list', () => {
  it('are confirmed with Intune before they are marked, even when the listing was not filtered (Graph paging can skip a device)', async () => {
    const harness = createSyncHarness(sandbox);
    const { fields } = await harness.mapping();
    const input = await harness.mapping({ behaviour: { missingDevices: markRetired(harness, fields) } });
    const skipped = sandbox.world.graph.devices[5]!;
    const record = seedRecord(sandbox.world.assetPanda, 'Devices', { Name: 'PC-SKIPPED', 'Intune Device ID': skipped.id, Status: 'In Use' });
    // A listing that leaves one device out, as a page boundary shifting under the paging can.
    const skipping: DeviceSource = {
      page: async (query, cursor) => {
        const page = await harness.devices.page(query, cursor);
        return { ...page, items: page.items.filter((device) => device.id !== skipped.id) };
      },
      presence: (deviceId) => harness.devices.presence(deviceId),
    };

    const run = await harness.engine({ devices: skipping }).sync(input);

    expect(run.status).toBe('done');
    const plan = await harness.store.loadPlan(run.id);
    expect(plan?.entries.filter((entry) => entry.kind === 'missing' && entry.record.id === record.id)).toEqual([]);
    expect(statusOf(record.id)).toBe('In Use');
  });

  it('holding a value that is no Intune device id are reported, never marked, and pause nothing', async () => {
    const harness = createSyncHarness(sandbox);
    const { fields } = await harness.mapping();
    const input = await harness.mapping({ behaviour: { missingDevices: markRetired(harness, fields) } });
    const typo = seedRecord(sandbox.world.assetPanda, 'Devices', { Name: 'PC-TYPO', 'Intune Device ID': 'see ticket 4411', Status: 'In Use' });
    sandbox.fault({
      host: 'graph.microsoft.com',
      method: 'GET',
      path: `/v1.0/deviceManagement/managedDevices/${encodeURIComponent('see ticket 4411')}`,
      response: graphError(400, 'BadRequest', "Invalid key value: 'see ticket 4411' is not a valid Guid."),
    });

    const run = await harness.engine().sync(input);

    expect(run.pause).toBeUndefined();
    expect(run.status).toBe('done');
    const plan = await harness.store.loadPlan(run.id);
    const line = plan?.entries.find((entry) => entry.kind === 'orphan' && entry.record.id === typo.id);
    expect(line).toMatchObject({ kind: 'orphan', reason: expect.stringContaining('"see ticket 4411" is no Intune device id') });
    expect(statusOf(typo.id)).toBe('In Use');
  });

  it('pause the run in words about reading one device when Intune keeps failing those reads', async () => {
    const harness = createSyncHarness(sandbox);
    const { fields } = await harness.mapping();
    const input = await harness.mapping({ behaviour: { missingDevices: markRetired(harness, fields) } });
    seedRecord(sandbox.world.assetPanda, 'Devices', { Name: 'PC-GONE', 'Intune Device ID': '00000000-1111-4222-8333-444444444444' });
    sandbox.fault({ host: 'graph.microsoft.com', method: 'GET', path: /\/managedDevices\/[^/]+$/, times: 1_000, response: graphError(500, 'InternalServerError', 'Something broke.') });

    const run = await harness.engine().sync(input);

    expect(run.pause).toMatchObject({ code: 'intune-unavailable', message: expect.stringContaining('is not answering the read of one device') });
  });

  it('holding a value that is no Intune device id are never deleted', async () => {
    const harness = createSyncHarness(sandbox);
    const input = await harness.mapping({ behaviour: { missingDevices: { action: 'delete' } } });
    const typo = seedRecord(sandbox.world.assetPanda, 'Devices', { Name: 'PC-TYPO', 'Intune Device ID': 'old laptop 17' });
    sandbox.fault({ host: 'graph.microsoft.com', method: 'GET', path: /\/managedDevices\/old%20laptop%2017$/, response: graphError(400, 'BadRequest', 'Invalid key value.') });

    const run = await harness.engine().sync(input);

    expect(run.status).toBe('done');
    expect(sandbox.requests.filter((request) => request.path.endsWith('/old%20laptop%2017')).map((request) => request.status)).toEqual([400]);
    expect(collectionNamed(sandbox.world.assetPanda, 'Devices').records.has(typo.id)).toBe(true);
    expect(recordWrites(sandbox.requests).filter((request) => request.method === 'DELETE' && request.body.includes(typo.id))).toEqual([]);
  });
});
