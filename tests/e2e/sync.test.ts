import { readFile } from 'node:fs/promises';
import { collectionNamed } from '../sandbox/assetpanda-api/tenant.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { devicesNotExactlyOnce } from '../support/sync-harness.ts';
import { recordWrites } from '../support/writes.ts';
import { describe, expect, test } from './fixtures.ts';
import { connectAndMap } from './panel-setup.ts';
import { conflictedDeviceIds, emptyDevices, onlyMappingId, openSyncPart, recordOfDevice, runFromSyncPart, syncMapping } from './sync.ts';

const FLEET = 500;

const writesAfter = (sandbox: Sandbox, at: number) => recordWrites(sandbox.requests).filter((request) => request.at >= at);

describe('sync from the options page', () => {
  test('previews 500 devices for an empty collection, writing nothing, then syncs each exactly once with its fields', async ({ browser, sandbox }) => {
    sandbox.reset({ fleetSize: FLEET });
    emptyDevices(sandbox);
    const page = await connectAndMap(browser, sandbox, syncMapping(sandbox));
    await openSyncPart(page);

    const preview = await runFromSyncPart(page, 'Preview');
    const planned = preview.run.plan!.counts;
    expect(planned).toMatchObject({ devices: FLEET, records: 0, updates: 0, unchanged: 0 });
    expect(planned.creates + planned.skipped).toBeGreaterThan(FLEET * 0.9);
    expect(recordWrites(sandbox.requests)).toEqual([]);
    const part = page.getByTestId('sync-part');
    expect(await part.getByTestId('sync-plan-counts').textContent()).toContain(`${FLEET} devices · ${planned.creates} to create`);

    // The plan, record by record: filter by kind, search, the new record's values, and the CSV.
    await part.getByRole('button', { name: `Conflict (${planned.conflicts})` }).click();
    await expect.poll(() => part.getByTestId('sync-line').count()).toBe(Math.min(planned.conflicts, 50));
    const device = sandbox.world.graph.devices.find((candidate) => candidate.operatingSystem === 'Windows' && candidate.serialNumber && candidate.osVersion)!;
    await part.getByRole('button', { name: `Create (${planned.creates})` }).click();
    await part.getByLabel('Search').fill(device.deviceName!);
    const line = part.getByTestId('sync-line').filter({ hasText: device.serialNumber! });
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.textContent()).toContain(`OS Version: (empty) → ${device.osVersion}`);
    await part.getByLabel('Search').fill('');
    const download = page.waitForEvent('download');
    await part.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(planned.creates + 1);
    expect(csv).toContain(device.serialNumber!);

    const synced = await runFromSyncPart(page, 'Sync now');
    expect(synced.run.written).toMatchObject({ created: synced.run.plan!.counts.creates, updated: 0, failed: 0, pending: 0 });
    expect(devicesNotExactlyOnce(sandbox.world, await conflictedDeviceIds(page, synced.run.id))).toEqual([]);
    expect(recordOfDevice(sandbox, device.id)).toMatchObject({ Name: device.deviceName, 'Serial Number': device.serialNumber, OS: 'Windows', 'OS Version': device.osVersion, Model: device.model });
    expect(await part.getByTestId('sync-written').textContent()).toContain(`${synced.run.written.created} created`);
  });

  test('syncs into a collection with records, updating only what changed; a second run writes nothing', async ({ browser, sandbox }) => {
    sandbox.reset({ fleetSize: FLEET });
    const devices = collectionNamed(sandbox.world.assetPanda, 'Devices');
    const before = devices.records.size;
    const linked = sandbox.world.graph.devices.find((device) => device.osVersion && recordOfDevice(sandbox, device.id))!;
    const record = recordOfDevice(sandbox, linked.id)!;
    expect(record['OS Version']).toBeUndefined();
    const page = await connectAndMap(browser, sandbox, syncMapping(sandbox));
    await openSyncPart(page);

    const synced = await runFromSyncPart(page, 'Sync now');
    const { counts } = synced.run.plan!;
    expect(counts.records).toBe(before);
    expect(counts.updates).toBeGreaterThan(0);
    expect(synced.run.written).toMatchObject({ created: counts.creates, updated: counts.updates, failed: 0 });
    expect(devices.records.size).toBe(before + counts.creates);
    expect(recordOfDevice(sandbox, linked.id)).toMatchObject({ Name: linked.deviceName, 'OS Version': linked.osVersion, OS: linked.operatingSystem });
    expect(devicesNotExactlyOnce(sandbox.world, await conflictedDeviceIds(page, synced.run.id))).toEqual([]);
    const updates = recordWrites(sandbox.requests).filter((request) => request.method === 'PUT');
    expect(updates.length).toBe(Math.ceil(counts.updates / 5));

    const secondStarted = sandbox.world.now();
    const second = await runFromSyncPart(page, 'Sync now');
    expect(second.run.plan!.counts).toMatchObject({ creates: 0, updates: 0, unchanged: counts.creates + counts.updates + counts.unchanged });
    expect(second.run.written).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(writesAfter(sandbox, secondStarted)).toEqual([]);
    expect(await onlyMappingId(page)).toBe(second.run.mappingId);
  });
});
