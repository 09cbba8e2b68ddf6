import { collectionNamed, columnNamed } from '../sandbox/assetpanda-api/tenant.ts';
import type { Collection, StoredRecord } from '../sandbox/assetpanda-api/state.ts';
import type { ManagedDevice } from '../sandbox/fleet/managed-device.ts';
import type { World } from '../sandbox/world.ts';

/** A record of the seeded Devices collection, its page, and what Intune holds for it. */
interface DeviceRecord {
  url: string;
  collectionId: string;
  recordId: string;
  /** The record's Name, which the Pro app shows as its title. */
  title: string;
  /** The Intune devices its Intune Device ID, else its Serial Number, points at. */
  devices: ManagedDevice[];
}

const key = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : undefined);

function deviceRecords(world: World): DeviceRecord[] {
  const collection = collectionNamed(world.assetPanda, 'Devices');
  const column = (name: string) => columnNamed(collection, name).id;
  const [name, intuneId, serial] = [column('Name'), column('Intune Device ID'), column('Serial Number')];
  return [...collection.records.values()].map((record: StoredRecord) => {
    const byId = world.graph.devices.filter((d) => d.id === record.values[intuneId]);
    const bySerial = world.graph.devices.filter((d) => key(d.serialNumber) !== undefined && key(d.serialNumber) === key(record.values[serial]));
    return {
      url: `https://assetpanda.app/collections/${collection.id}/records/${record.id}`,
      collectionId: collection.id,
      recordId: record.id,
      title: String(record.values[name] ?? record.id),
      devices: byId.length > 0 ? byId : bySerial,
    };
  });
}

/** The first Devices record linked by Intune Device ID to one device that `accept` likes. */
export function linkedRecord(world: World, accept: (device: ManagedDevice) => boolean = () => true): DeviceRecord & { device: ManagedDevice } {
  const collection = collectionNamed(world.assetPanda, 'Devices');
  const intuneId = columnNamed(collection, 'Intune Device ID').id;
  for (const record of deviceRecords(world)) {
    const [device] = record.devices;
    const linkedById = collection.records.get(record.recordId)?.values[intuneId] === device?.id;
    if (device && record.devices.length === 1 && linkedById && accept(device)) return { ...record, device };
  }
  throw new Error('The sandbox fleet has no Devices record linked to such a device.');
}

/** A Devices record whose serial two Intune devices share (a re-enrolled device). */
export function ambiguousRecord(world: World): DeviceRecord {
  const found = deviceRecords(world).find((record) => record.devices.length > 1);
  if (!found) throw new Error('The sandbox fleet has no Devices record matching several devices.');
  return found;
}

/** A Devices record Intune no longer knows by either key. */
export function orphanRecord(world: World): DeviceRecord {
  const found = deviceRecords(world).find((record) => record.devices.length === 0);
  if (!found) throw new Error('The sandbox fleet has no Devices record without an Intune device.');
  return found;
}

/** A record's values by column name; a column the record holds no value in reads `absent`. */
export function valuesByColumnName(collection: Collection, record: StoredRecord, absent: null | undefined): Record<string, unknown> {
  return Object.fromEntries(collection.columns.map((column) => [column.displayName, record.values[column.id] === undefined ? absent : record.values[column.id]]));
}

/** The record's values by column name (null where it holds none), as Asset Panda holds them now (undefined once deleted). */
export function recordValues(world: World, recordId: string): Record<string, unknown> | undefined {
  const collection = collectionNamed(world.assetPanda, 'Devices');
  const record = collection.records.get(recordId);
  return record && valuesByColumnName(collection, record, null);
}
