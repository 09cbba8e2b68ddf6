import type { DirectoryGroup, DirectoryUser } from '../directory.ts';
import { pickExistingAssets } from './assets.ts';
import { makeDevice } from './device.ts';
import { type Hardware, makeHardware, makeWhiteboxHardware } from './hardware.ts';
import type { ManagedDevice } from './managed-device.ts';
import { planFleet } from './plan.ts';
import { makeGroups, makeUsers } from './people.ts';
import { Prng } from './prng.ts';
import { startOfUtcDay } from './time.ts';

export type { ManagedDevice } from './managed-device.ts';

// The Fleet interface is the contract between the generator, the Graph imitation and the Asset
// Panda imitation: keep its fields.
export interface Fleet {
  /** Graph v1.0 managedDevice objects, every property present, as GET /managedDevices/{id} returns them. */
  devices: ManagedDevice[];
  /** Primary users of the devices (the directory adds the admins). */
  users: DirectoryUser[];
  groups: DirectoryGroup[];
  /**
   * Devices already tracked in Asset Panda before any sync: some carry the Intune device ID,
   * some only the serial number (the duplicates a naive sync would create).
   */
  existingAssets: ExistingAsset[];
}

export interface ExistingAsset {
  serialNumber: string;
  intuneDeviceId: string | null;
  deviceName: string;
  manufacturer: string | null;
  model: string | null;
}

export interface FleetOptions {
  /** Managed devices, 10 to 100 000. */
  size: number;
  seed: number;
  tenantDomain: string;
  /**
   * The present (epoch ms), default Date.now(). Timestamps count back from the start of its UTC
   * day, so the same seed gives the same fleet all day long.
   */
  now?: number;
}

const MIN_FLEET_SIZE = 10;
const MAX_FLEET_SIZE = 100_000;

/** A deterministic Intune tenant: same options, same fleet. */
export function generateFleet(options: FleetOptions): Fleet {
  const { size, seed, tenantDomain } = options;
  if (!Number.isInteger(size) || size < MIN_FLEET_SIZE || size > MAX_FLEET_SIZE) {
    throw new RangeError(`Fleet size must be an integer from ${MIN_FLEET_SIZE} to ${MAX_FLEET_SIZE}, got ${size}`);
  }
  const prng = new Prng(seed);
  const anchor = startOfUtcDay(options.now ?? Date.now());
  // Fewer users than devices: many people carry a laptop and a phone.
  const users = makeUsers(prng, Math.max(4, Math.round(size * 0.7)), tenantDomain);
  const groups = makeGroups(prng);
  const plan = planFleet(prng, size);

  const hardware: Hardware[] = plan.platforms.map((platform, i) => {
    const junkSerial = plan.junkSerials.get(i);
    return junkSerial === undefined ? makeHardware(prng, platform) : makeWhiteboxHardware(prng, junkSerial);
  });
  for (const [original, copy] of plan.duplicatePairs) hardware[copy] = hardware[original] as Hardware;

  const endUsers = users.filter((u) => !u.intuneRole);
  const devices = hardware.map((machine, i) => {
    const shared = plan.userless[i] === true || machine.formFactor === 'rugged';
    const ownership = plan.ownership[i] ?? 'company';
    return makeDevice(
      prng,
      machine,
      {
        ownership,
        user: shared && ownership !== 'personal' ? null : prng.pick(endUsers),
        compliance: plan.compliance[i] ?? 'compliant',
        stale: plan.stale[i] === true,
      },
      anchor,
    );
  });

  return { devices, users, groups, existingAssets: pickExistingAssets(prng, devices, plan.duplicatePairs) };
}
