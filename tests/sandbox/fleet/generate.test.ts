import { describe, expect, it } from 'vitest';
import { generateFleet, type Fleet } from './generate.ts';
import { JUNK_SERIALS } from './hardware.ts';
import { expectEach } from '../../support/expect-each.ts';

const DOMAIN = 'fabrikam.onmicrosoft.com';
const NOW = Date.parse('2026-03-15T13:45:00Z');
const DAY = 86_400_000;
const GUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const junk = new Set<string>(JUNK_SERIALS);

function fleet(size: number, seed = 42): Fleet {
  return generateFleet({ size, seed, tenantDomain: DOMAIN, now: NOW });
}

function countBy<T>(items: readonly T[], key: (item: T) => unknown): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('determinism', () => {
  it('makes the same fleet from the same seed and a different one from another seed', () => {
    expect(fleet(300, 7)).toEqual(fleet(300, 7));
    expect(fleet(300, 8).devices[0]?.id).not.toBe(fleet(300, 7).devices[0]?.id);
  });

  it('keeps the fleet the same all day: timestamps count back from the start of the UTC day', () => {
    const morning = generateFleet({ size: 50, seed: 3, tenantDomain: DOMAIN, now: Date.parse('2026-03-15T00:00:01Z') });
    const evening = generateFleet({ size: 50, seed: 3, tenantDomain: DOMAIN, now: Date.parse('2026-03-15T23:59:59Z') });
    expect(evening).toEqual(morning);
  });
});

describe('size', () => {
  it('accepts 10 to 100 000 devices, with unique GUIDs from the seed', () => {
    expect(fleet(10).devices).toHaveLength(10);
    const large = fleet(100_000);
    expect(large.devices).toHaveLength(100_000);
    expect(new Set(large.devices.map((d) => d.id)).size).toBe(100_000);
    expect(large.devices.filter((d) => !GUID_V4.test(d.id))).toEqual([]);
    // 100 000 devices take about 1.5 s alone; a busy 2-core machine can take several times that.
  }, 60_000);

  it.each([9, 100_001, 12.5])('refuses %s devices', (size) => {
    expect(() => fleet(size)).toThrow(RangeError);
  });
});

describe('the mix of a 2000-device fleet', () => {
  const { devices, users, groups } = fleet(2000);

  it('spans Windows, macOS, iOS, iPadOS and Android with platform-true hardware and OS versions', () => {
    const byOs = countBy(devices, (d) => d.operatingSystem);
    expect([...byOs.keys()].toSorted()).toEqual(['Android', 'Windows', 'iOS', 'iPadOS', 'macOS']);
    expect(byOs.get('Windows')).toBeGreaterThan(byOs.get('macOS') ?? Infinity);
    for (const device of devices) {
      const apple = device.manufacturer === 'Apple';
      expect(apple).toBe(['macOS', 'iOS', 'iPadOS'].includes(device.operatingSystem ?? ''));
      if (device.operatingSystem === 'Windows') expect(device.osVersion).toMatch(/^10\.0\.(19045|22621|22631|26100)\.\d+$/);
      if (device.operatingSystem === 'macOS') expect(device.osVersion).toMatch(/^\d{2}\.\d+(\.\d+)? \(\w+\)$/);
      if (device.operatingSystem === 'iOS') expect(device.model).toMatch(/^iPhone /);
      if (device.operatingSystem === 'iPadOS') expect(device.model).toMatch(/^iPad /);
      if (device.operatingSystem === 'Android') {
        expect(['samsung', 'Google', 'motorola', 'Zebra Technologies']).toContain(device.manufacturer);
        expect(device.androidSecurityPatchLevel).toMatch(/^\d{4}-\d{2}-01$/);
      } else {
        expect(device.androidSecurityPatchLevel).toBeNull();
      }
    }
  });

  it('has company and personal devices, and every compliance state the extension shows', () => {
    const owners = countBy(devices, (d) => d.managedDeviceOwnerType);
    expect(owners.get('company')).toBeGreaterThan(owners.get('personal') ?? Infinity);
    expect(owners.get('personal')).toBeGreaterThan(0);
    const states = countBy(devices, (d) => d.complianceState);
    for (const state of ['compliant', 'noncompliant', 'inGracePeriod', 'unknown']) expect(states.get(state)).toBeGreaterThan(0);
    expectEach(
      devices.filter((d) => d.complianceState === 'inGracePeriod'),
      (device) => expect(Date.parse(device.complianceGracePeriodExpirationDateTime)).toBeGreaterThan(NOW),
    );
  });

  it('has devices that stopped checking in weeks or months ago, and none that sync in the future', () => {
    const ages = devices.map((d) => (NOW - Date.parse(d.lastSyncDateTime)) / DAY);
    expect(ages.filter((age) => age > 21).length).toBeGreaterThan(devices.length * 0.05);
    expect(ages.filter((age) => age > 90).length).toBeGreaterThan(0);
    expect(ages.filter((age) => age < 3).length).toBeGreaterThan(devices.length * 0.5);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    for (const device of devices) expect(Date.parse(device.enrolledDateTime)).toBeLessThan(Date.parse(device.lastSyncDateTime));
  });

  it('reports the junk serials firmware gives, and a few serials held by two records', () => {
    const serials = countBy(devices, (d) => d.serialNumber);
    for (const value of JUNK_SERIALS) expect(serials.get(value)).toBeGreaterThan(0);
    const shared = [...serials].filter(([serial, count]) => count > 1 && !junk.has(serial as string));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.length).toBeLessThan(devices.length * 0.02);
  });

  it('leaves null where Graph does, and empty strings where Intune does', () => {
    const mac = devices.find((d) => d.operatingSystem === 'macOS');
    expect(mac?.meid).toBeNull();
    expect(mac?.imei).toBe('');
    expect(devices.some((d) => d.configurationManagerClientEnabledFeatures === null)).toBe(true);
    expect(devices.some((d) => d.configurationManagerClientEnabledFeatures !== null)).toBe(true);
    expect(devices.filter((d) => d.notes === null).length).toBeGreaterThan(devices.length / 2);
    expectEach(devices, (d) => expect(d.requireUserEnrollmentApproval).toBeNull());
  });

  it('draws primary users from the generated directory, and leaves shared devices without one', () => {
    const byId = new Map(users.map((u) => [u.id, u]));
    expectEach(
      devices.filter((d) => d.userId !== null),
      (device) => {
        const user = byId.get(device.userId ?? '');
        expect(user?.userPrincipalName).toBe(device.userPrincipalName);
        expect(user?.displayName).toBe(device.userDisplayName);
      },
    );
    const userless = devices.filter((d) => d.userId === null);
    expectEach(userless, (d) => expect([d.userPrincipalName, d.managedDeviceOwnerType === 'personal']).toEqual(['', false]));
  });

  it('makes directory users with GUIDs and unique UPNs at the tenant domain, and a few groups', () => {
    expectEach(users, (u) => {
      expect(u.id).toMatch(GUID_V4);
      expect(u.userPrincipalName.endsWith(`@${DOMAIN}`)).toBe(true);
    });
    expect(new Set(users.map((u) => u.userPrincipalName.toLowerCase())).size).toBe(users.length);
    expect(users.some((u) => u.intuneRole)).toBe(true);
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expectEach(groups, (g) => expect(g.id).toMatch(GUID_V4));
  });
});

describe('assets already in Asset Panda', () => {
  const { devices, existingAssets } = fleet(1000);
  const byId = new Map(devices.map((d) => [d.id, d]));

  it('links some to their Intune device by ID, with the same serial', () => {
    const linked = existingAssets.filter((a) => a.intuneDeviceId !== null && byId.has(a.intuneDeviceId));
    expect(linked.length).toBeGreaterThan(devices.length * 0.1);
    for (const asset of linked) expect(asset.serialNumber).toBe(byId.get(asset.intuneDeviceId ?? '')?.serialNumber);
  });

  it('tracks others by serial only, some under another name or typed in lower case', () => {
    const serialOnly = existingAssets.filter((a) => a.intuneDeviceId === null);
    const matching = serialOnly.flatMap((asset) => {
      const device = devices.find((d) => d.serialNumber?.toLowerCase() === asset.serialNumber.toLowerCase());
      return device ? [{ asset, device }] : [];
    });
    expect(matching.length).toBeGreaterThan(devices.length * 0.05);
    expect(matching.some(({ asset, device }) => asset.deviceName !== device.deviceName)).toBe(true);
    expect(matching.some(({ asset, device }) => asset.serialNumber !== device.serialNumber)).toBe(true);
  });

  it('includes a serial that two Intune records share, and assets Intune no longer knows', () => {
    const bySerial = countBy(devices, (d) => d.serialNumber);
    expect(existingAssets.some((a) => !junk.has(a.serialNumber) && (bySerial.get(a.serialNumber) ?? 0) > 1)).toBe(true);
    const unknown = existingAssets.filter((a) => !devices.some((d) => d.serialNumber === a.serialNumber));
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.some((a) => a.intuneDeviceId !== null && !byId.has(a.intuneDeviceId))).toBe(true);
  });
});

describe('a 10-device fleet', () => {
  it.each([1, 2, 3, 4, 5])('still holds every case (seed %i)', (seed) => {
    const { devices, existingAssets } = fleet(10, seed);
    expect(new Set(devices.map((d) => d.operatingSystem)).size).toBe(5);
    expect(new Set(devices.map((d) => d.complianceState))).toEqual(new Set(['compliant', 'noncompliant', 'inGracePeriod', 'unknown']));
    expect(devices.some((d) => d.managedDeviceOwnerType === 'personal')).toBe(true);
    expect(devices.some((d) => junk.has(d.serialNumber ?? ''))).toBe(true);
    expect(devices.some((d) => d.userId === null)).toBe(true);
    expect(devices.some((d) => NOW - Date.parse(d.lastSyncDateTime) > 21 * DAY)).toBe(true);
    expect(existingAssets.some((a) => a.intuneDeviceId !== null)).toBe(true);
    expect(existingAssets.some((a) => a.intuneDeviceId === null)).toBe(true);
  });
});
