import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN } from '../../tests/sandbox/directory.ts';
import { accessToken, ADMIN_SCOPES } from '../../tests/sandbox/graph/harness.ts';
import { useSandbox } from '../../tests/support/use-sandbox.ts';
import { createGraphClient } from '../graph/client';
import { CountCancelledError, countMatchingDevices, type CountProgress } from './device-count';
import { FiltersSchema } from './schema';

const sandbox = useSandbox({ fleetSize: 2500 });

function graph() {
  const token = accessToken(sandbox, SANDBOX_ADMIN, ADMIN_SCOPES);
  return createGraphClient({ cloud: 'global', getAccessToken: async () => token, fetch: sandbox.fetch, now: () => sandbox.world.now() });
}

const devicesRead = () => sandbox.requests.filter((request) => request.host === 'graph.microsoft.com' && request.path.includes('/managedDevices'));

describe('how many Intune devices a mapping selects', () => {
  it('lets Graph count when Graph can apply every filter', async () => {
    const filters = FiltersSchema.parse({ deviceTypes: ['windows'], complianceStates: ['noncompliant'] });
    const expected = sandbox.world.graph.devices.filter((device) => device.operatingSystem === 'Windows' && device.complianceState === 'noncompliant').length;
    expect(expected).toBeGreaterThan(0);

    expect(await countMatchingDevices(graph(), filters, { now: sandbox.world.now() })).toEqual({ count: expected, method: 'server' });
    expect(devicesRead().map((request) => request.path)).toEqual(['/v1.0/deviceManagement/managedDevices/$count']);
  });

  it('reads only the filtered properties and checks each device itself when Graph cannot filter ownership, with progress', async () => {
    const filters = FiltersSchema.parse({ deviceTypes: ['windows', 'macOS'], configuration: 'companyOwned' });
    const all = sandbox.world.graph.devices;
    const desktops = all.filter((device) => device.operatingSystem === 'Windows' || device.operatingSystem === 'macOS');
    const expected = desktops.filter((device) => device.managedDeviceOwnerType === 'company').length;
    expect(expected).toBeLessThan(desktops.length);
    const progress: CountProgress[] = [];

    const counted = await countMatchingDevices(graph(), filters, { now: sandbox.world.now(), onProgress: (step) => progress.push(step) });

    expect(counted).toEqual({ count: expected, method: 'client' });
    expect(progress.at(-1)).toEqual({ seen: desktops.length, total: desktops.length });
    expect(progress.length).toBe(Math.ceil(desktops.length / 1000));
    for (const request of devicesRead()) expect(request.query.$select?.split(',').toSorted()).toEqual(['id', 'managedDeviceOwnerType', 'operatingSystem']);
  });

  it('stops reading when a newer count replaces it', async () => {
    const controller = new AbortController();
    const counting = countMatchingDevices(graph(), FiltersSchema.parse({ configuration: 'companyOwned' }), {
      now: sandbox.world.now(),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(counting).rejects.toBeInstanceOf(CountCancelledError);
    expect(devicesRead()).toHaveLength(1);
  });
});
