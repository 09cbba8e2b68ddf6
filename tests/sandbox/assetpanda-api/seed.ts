import type { Fleet } from '../fleet/generate.ts';
import { addColumn, type ColumnSpec } from './columns.ts';
import type { AssetPandaState, Collection, FieldValue, Module } from './state.ts';
import { columnNamed } from './tenant.ts';
import { SANDBOX_API_KEYS, uniquenessKey } from './unpublished-shapes.ts';

/** When the seeded tenant was set up; the time part of its ULIDs. */
const SEED_TIME = Date.parse('2024-05-02T15:04:05.000Z');

/**
 * The tenant every sandbox starts with: organization Contoso, account "Contoso IT", module
 * "IT Assets" with Devices (the Intune guide's fields, a Location and an employee it is Assigned
 * To), Employees (the fleet's people) and Locations, the fleet's already-tracked devices, two API
 * keys, and the same devices in Classic.
 */
export function seedTenant(state: AssetPandaState, fleet: Fleet): void {
  const { ids } = state;
  const preload = preloader(state);
  state.organization = { id: ids.ulid(SEED_TIME), name: 'Contoso', subdomain: 'contoso' };
  const account = { id: ids.ulid(SEED_TIME), organizationId: state.organization.id, name: 'Contoso IT' };
  const module = { id: ids.ulid(SEED_TIME), accountId: account.id, name: 'IT Assets' };
  state.accounts.push(account);
  state.modules.push(module);
  state.apiKeys.push(
    { ...SANDBOX_API_KEYS.readWrite, permissions: { read: true, write: true } },
    { ...SANDBOX_API_KEYS.readOnly, permissions: { read: true, write: false } },
  );

  const locations = addCollection(state, module, 'Locations', [
    { displayName: 'Name', type: 'text', required: true, unique: true },
    { displayName: 'City', type: 'text' },
    { displayName: 'Country', type: 'text' },
  ]);
  preload(locations, { Name: 'Redmond HQ', City: 'Redmond', Country: 'United States' });
  preload(locations, { Name: 'London Office', City: 'London', Country: 'United Kingdom' });
  preload(locations, { Name: 'Remote', City: null, Country: null });

  const employees = addCollection(state, module, 'Employees', [
    { displayName: 'Name', type: 'text', required: true },
    { displayName: 'Email', type: 'text', unique: true },
    { displayName: 'Department', type: 'text' },
    { displayName: 'Job Title', type: 'text' },
    { displayName: 'Active', type: 'boolean' },
  ]);
  preload(employees, { Name: 'Megan Bowen', Email: 'megan.bowen@contoso.onmicrosoft.com', Department: 'IT', 'Job Title': 'Intune Administrator', Active: true });
  // The fleet's people, as HR keeps them: a device's primary user email finds its employee.
  for (const user of fleet.users) {
    preload(employees, { Name: user.displayName, Email: user.mail, 'Job Title': user.jobTitle, Active: true });
  }

  const pullFromId = ids.uuid();
  const link = { entityType: 'collection' as const, entityId: locations.id, pullFromId };
  const devices = addCollection(state, module, 'Devices', [
    { displayName: 'Name', type: 'text', required: true },
    { displayName: 'Serial Number', type: 'text', unique: true },
    { displayName: 'Intune Device ID', type: 'text', unique: true },
    { displayName: 'Manufacturer', type: 'text' },
    { displayName: 'Model', type: 'text' },
    { displayName: 'OS', type: 'text' },
    { displayName: 'OS Version', type: 'text' },
    { displayName: 'Compliance', type: 'status', options: ['Compliant', 'Noncompliant', 'In Grace Period', 'Conflict', 'Error', 'Unknown'] },
    { displayName: 'Ownership', type: 'list', options: ['Corporate', 'Personal', 'Unknown'] },
    { displayName: 'Primary User Name', type: 'text' },
    { displayName: 'Primary User Email', type: 'text' },
    { displayName: 'IMEI', type: 'text' },
    { displayName: 'Wi-Fi MAC', type: 'text' },
    { displayName: 'Last Sync', type: 'date' },
    { displayName: 'Storage Total', type: 'number' },
    { displayName: 'Storage Free', type: 'number' },
    { displayName: 'Encrypted', type: 'boolean' },
    { displayName: 'Status', type: 'status', options: ['Available', 'In Use', 'In Repair', 'Retired', 'Lost/Stolen'] },
    { displayName: 'Location', type: 'text', references: { ...link, primary: true, columnId: columnNamed(locations, 'Name').id } },
    { displayName: 'Location-city', type: 'text', references: { ...link, primary: false, columnId: columnNamed(locations, 'City').id } },
    {
      displayName: 'Assigned To',
      type: 'text',
      references: { entityType: 'collection', entityId: employees.id, pullFromId: ids.uuid(), primary: true, columnId: columnNamed(employees, 'Email').id },
    },
    { displayName: 'Notes', type: 'text' },
  ]);
  for (const asset of fleet.existingAssets) {
    preload(devices, {
      Name: asset.deviceName,
      'Serial Number': asset.serialNumber,
      'Intune Device ID': asset.intuneDeviceId,
      Manufacturer: asset.manufacturer,
      Model: asset.model,
      Status: 'In Use',
    });
  }
  seedClassic(state, fleet);
}

function addCollection(state: AssetPandaState, module: Module, name: string, columns: ColumnSpec[]): Collection {
  const collection: Collection = {
    id: state.ids.ulid(SEED_TIME),
    accountId: module.accountId,
    moduleId: module.id,
    name,
    active: true,
    columns: [],
    deletedColumns: [],
    records: new Map(),
  };
  for (const spec of columns) addColumn(collection, spec);
  state.collections.push(collection);
  return collection;
}

/**
 * Stores seed records without the API's checks (100 000 of them would take too long), except that
 * a unique column keeps its first holder: Asset Panda cannot hold two records with one unique value
 * (fleets repeat junk serials such as "0"), so later holders are stored without it.
 */
function preloader(state: AssetPandaState) {
  const at = new Date(SEED_TIME).toISOString();
  const claimed = new Map<string, Set<string>>();
  const claim = (columnId: string, value: FieldValue): boolean => {
    const keys = claimed.get(columnId) ?? new Set<string>();
    claimed.set(columnId, keys);
    const key = uniquenessKey(value);
    if (key === undefined || keys.has(key)) return false;
    keys.add(key);
    return true;
  };
  return (collection: Collection, valuesByName: Record<string, FieldValue>): void => {
    const values: Record<string, FieldValue> = {};
    for (const column of collection.columns) {
      const value = valuesByName[column.displayName];
      if (value === undefined || value === null || value === '') continue;
      if (column.unique && !claim(column.id, value)) continue;
      values[column.id] = value;
    }
    const id = state.ids.ulid(SEED_TIME);
    collection.records.set(id, { id, createdAt: at, updatedAt: at, values });
  };
}

function seedClassic(state: AssetPandaState, fleet: Fleet): void {
  const objects = new Map(
    fleet.existingAssets.map((asset) => {
      const id = state.ids.objectId();
      const values = {
        field_1: asset.deviceName,
        field_2: asset.serialNumber,
        field_3: asset.manufacturer,
        field_4: asset.model,
        field_5: asset.intuneDeviceId,
      };
      return [id, { id, displayName: asset.deviceName, values }] as const;
    }),
  );
  state.classic.entities.push({
    key: 'devices',
    name: 'Devices',
    fields: [
      { key: 'field_1', name: 'Name' },
      { key: 'field_2', name: 'Serial Number' },
      { key: 'field_3', name: 'Manufacturer' },
      { key: 'field_4', name: 'Model' },
      { key: 'field_5', name: 'Intune Device ID' },
    ],
    objects,
  });
}
