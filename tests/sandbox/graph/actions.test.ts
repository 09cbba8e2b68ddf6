import { describe, expect, it } from 'vitest';
import type { ManagedDevice } from '../fleet/managed-device.ts';
import { DEVICES, type GraphErrorBody, intuneInner, postJson, READ_WRITE, useGraphSandbox } from './harness.ts';

const graph = useGraphSandbox({ fleetSize: 200, seed: 5 });
const DAY = 86_400_000;

function world() {
  return graph.sandbox.world;
}

/** A device that checks in (synced within a few days) matching `test`. */
function reachable(test: (d: ManagedDevice) => boolean): ManagedDevice {
  const device = world().graph.devices.find((d) => test(d) && world().now() - Date.parse(d.lastSyncDateTime) < 4 * DAY);
  if (!device) throw new Error('No such device in the fleet');
  return device;
}

function post(device: ManagedDevice, action: string, body?: unknown) {
  return graph.call(`${DEVICES}/${device.id}/${action}`, body === undefined ? { method: 'POST' } : postJson(body));
}

describe('device actions', () => {
  it('queues a retire (204) and shows it pending on the device', async () => {
    const device = reachable((d) => d.operatingSystem === 'Windows');
    const res = await post(device, 'retire');
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const shown = await graph.json<ManagedDevice>(`${DEVICES}/${device.id}`);
    expect(shown.managementState).toBe('retirePending');
    expect(shown.deviceActionResults).toContainEqual(expect.objectContaining({ actionName: 'retire', actionState: 'pending' }));
    const result = shown.deviceActionResults.find((r) => r.actionName === 'retire');
    expect(result?.startDateTime).toBe(result?.lastUpdatedDateTime);
  });

  it('accepts the documented wipe parameters, also at the microsoft.graph.-qualified path', async () => {
    const mac = reachable((d) => d.operatingSystem === 'macOS');
    const body = { keepEnrollmentData: false, keepUserData: false, macOsUnlockCode: '123456', persistEsimDataPlan: null };
    const res = await graph.call(`${DEVICES}/${mac.id}/microsoft.graph.wipe`, postJson(body));
    expect(res.status).toBe(204);
    expect(mac.managementState).toBe('wipePending');
    expect(world().graph.requests).toEqual([
      expect.objectContaining({ action: 'wipe', deviceId: mac.id, body, status: 204, userPrincipalName: expect.stringContaining('@') }),
    ]);
  });

  it('refuses a wipe body with an unknown parameter or a wrong type', async () => {
    const device = reachable(() => true);
    for (const body of [{ keepUserData: true, erase: true }, { keepUserData: 'yes' }, { macOsUnlockCode: 123456 }]) {
      const res = await post(device, 'wipe', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as GraphErrorBody).error.code).toBe('BadRequest');
    }
    expect(device.managementState).toBe('managed');
  });

  it('answers remoteLock on Windows with Intune\'s 400, its details nested in the message', async () => {
    const pc = reachable((d) => d.operatingSystem === 'Windows');
    const res = await post(pc, 'remoteLock');
    expect(res.status).toBe(400);
    const body = (await res.json()) as GraphErrorBody;
    expect(body.error.code).toBe('BadRequest');
    const inner = intuneInner(body);
    expect(inner).toMatchObject({ _version: 3, Message: expect.stringContaining('remoteLock') });
    expect(body.error.message).toContain('\r\n');
    expect(world().graph.requests.map((r) => [r.action, r.status])).toEqual([['remoteLock', 400]]);
  });

  it('locks a phone and syncs any device', async () => {
    const phone = reachable((d) => d.operatingSystem === 'iOS');
    expect((await post(phone, 'remoteLock')).status).toBe(204);
    expect((await post(phone, 'syncDevice')).status).toBe(204);
    expect(phone.deviceActionResults.filter((r) => r.actionState === 'pending').map((r) => r.actionName).toSorted()).toEqual(['remoteLock', 'syncDevice']);
    expect(phone.managementState).toBe('managed');
  });

  it('needs PrivilegedOperations.All: ReadWrite alone gets Intune\'s 403', async () => {
    const device = reachable(() => true);
    const res = await graph.call(`${DEVICES}/${device.id}/syncDevice`, { method: 'POST', scopes: [READ_WRITE] });
    expect(res.status).toBe(403);
    expect(intuneInner((await res.json()) as GraphErrorBody).ErrorCode).toBe('Forbidden');
  });

  it('answers an unknown action or device with 400 and 404', async () => {
    const device = reachable(() => true);
    expect((await post(device, 'selfDestruct')).status).toBe(400);
    expect((await graph.call(`${DEVICES}/9d3a8a56-0000-4000-8000-000000000000/retire`, { method: 'POST' })).status).toBe(404);
  });
});

describe('pending actions over world time', () => {
  it('completes a sync on a device that checks in, updating its last sync', async () => {
    const device = reachable(() => true);
    await post(device, 'syncDevice');
    world().advanceClock(5 * 60_000);
    expect((await graph.json<ManagedDevice>(`${DEVICES}/${device.id}`)).deviceActionResults.find((r) => r.actionName === 'syncDevice')?.actionState).toBe('pending');
    world().advanceClock(20 * 60_000);
    const after = await graph.json<ManagedDevice>(`${DEVICES}/${device.id}`);
    expect(after.deviceActionResults.find((r) => r.actionName === 'syncDevice')?.actionState).toBe('done');
    expect(world().now() - Date.parse(after.lastSyncDateTime)).toBeLessThan(15 * 60_000);
  });

  it('removes a retired device from Intune once it checked in', async () => {
    const device = reachable((d) => d.operatingSystem === 'Android');
    await post(device, 'retire');
    world().advanceClock(60 * 60_000);
    expect((await graph.call(`${DEVICES}/${device.id}`)).status).toBe(404);
  });

  it('leaves the action pending on a device that stopped checking in', async () => {
    const stale = world().graph.devices.find((d) => world().now() - Date.parse(d.lastSyncDateTime) > 30 * DAY) as ManagedDevice;
    await post(stale, 'retire');
    world().advanceClock(3 * DAY);
    const shown = await graph.json<ManagedDevice>(`${DEVICES}/${stale.id}`);
    expect(shown.managementState).toBe('retirePending');
    expect(shown.deviceActionResults.find((r) => r.actionName === 'retire')?.actionState).toBe('pending');
  });
});
