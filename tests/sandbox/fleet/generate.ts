import type { DirectoryGroup, DirectoryUser } from '../directory.ts';

// STUB — replaced by the fleet generator. The Fleet interface is the contract between the
// generator, the Graph imitation and the Asset Panda imitation: keep its fields.
export interface Fleet {
  /** Graph v1.0 managedDevice objects, every property present, as GET /managedDevices/{id} returns them. */
  devices: Array<Record<string, unknown>>;
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

export function generateFleet(_options: { size: number; seed: number; tenantDomain: string }): Fleet {
  return { devices: [], users: [], groups: [], existingAssets: [] };
}
