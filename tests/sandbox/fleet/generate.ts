import type { DirectoryGroup, DirectoryUser } from '../directory.ts';

// STUB — replaced by the fleet generator.
export interface Fleet {
  devices: Array<Record<string, unknown>>;
  users: DirectoryUser[];
  groups: DirectoryGroup[];
}

export function generateFleet(_options: { size: number; seed: number; tenantDomain: string }): Fleet {
  return { devices: [], users: [], groups: [] };
}
