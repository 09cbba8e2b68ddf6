import type { ExistingAsset } from './generate.ts';
import { JUNK_SERIALS } from './hardware.ts';
import type { ManagedDevice } from './managed-device.ts';
import { quota } from './plan.ts';
import { type Prng, UPPER_ALNUM } from './prng.ts';

const junk = new Set<string>(JUNK_SERIALS);

/**
 * What Asset Panda already tracks before the first sync: company devices linked by Intune device
 * ID, company devices entered by hand with only a serial (often under another name, sometimes
 * typed in lower case), a serial shared by a re-enrolled device, and assets Intune no longer knows.
 */
export function pickExistingAssets(prng: Prng, devices: readonly ManagedDevice[], duplicatePairs: ReadonlyArray<readonly [number, number]>): ExistingAsset[] {
  const company = prng.shuffle(devices.filter((d) => d.managedDeviceOwnerType === 'company'));
  const linkedCount = quota(company.length, 0.2, 1);
  const linked = company.slice(0, linkedCount);
  const byHand = company.slice(linkedCount).filter((d) => !junk.has(d.serialNumber ?? ''));
  const serialOnly = byHand.slice(0, quota(company.length, 0.15, 1));

  const assets: ExistingAsset[] = [
    ...linked.map((d) => assetOf(d, d.id, d.deviceName ?? '')),
    ...serialOnly.map((d) => {
      const serial = d.serialNumber ?? '';
      const typed = prng.chance(0.1) && /[A-Z]/.test(serial) ? serial.toLowerCase() : serial;
      return { ...assetOf(d, null, prng.chance(0.5) ? assetTag(prng) : (d.deviceName ?? '')), serialNumber: typed };
    }),
  ];

  // A serial held by two Intune records (the original and its re-enrolment) is ambiguous to match.
  const [firstPair] = duplicatePairs;
  const shared = firstPair && devices[firstPair[0]];
  if (shared && !assets.some((a) => a.serialNumber === shared.serialNumber)) assets.push(assetOf(shared, null, assetTag(prng)));

  const goneFromIntune = quota(devices.length, 0.01, 1);
  for (let i = 0; i < goneFromIntune; i++) {
    assets.push({
      serialNumber: prng.chars(7, UPPER_ALNUM),
      // Every other one still carries the ID of an Intune record that was deleted since.
      intuneDeviceId: i % 2 === 1 ? prng.guid() : null,
      deviceName: assetTag(prng),
      manufacturer: 'Dell Inc.',
      model: 'Latitude 5420',
    });
  }
  return prng.shuffle(assets);
}

function assetOf(device: ManagedDevice, intuneDeviceId: string | null, deviceName: string): ExistingAsset {
  return {
    serialNumber: device.serialNumber ?? '',
    intuneDeviceId,
    deviceName,
    manufacturer: device.manufacturer,
    model: device.model,
  };
}

function assetTag(prng: Prng): string {
  return `AP-${prng.digits(5)}`;
}
