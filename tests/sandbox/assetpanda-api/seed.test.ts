import { describe, expect, it } from 'vitest';
import { generateFleet, type Fleet } from '../fleet/generate.ts';
import { recordValues } from './records.ts';
import { createAssetPandaState } from './state.ts';
import { collectionNamed, columnNamed } from './tenant.ts';

const fleet: Fleet = {
  devices: [],
  users: [],
  groups: [],
  existingAssets: [
    { serialNumber: 'PF3ABCD1', intuneDeviceId: '5a1b2c3d-0000-4000-8000-000000000001', deviceName: 'CONTOSO-LT-001', manufacturer: 'LENOVO', model: 'ThinkPad T14' },
    { serialNumber: 'C02ZZ0001', intuneDeviceId: null, deviceName: 'Megan’s MacBook', manufacturer: null, model: null },
    { serialNumber: 'c02zz0001', intuneDeviceId: null, deviceName: 'AP-00017', manufacturer: 'Apple', model: null },
  ],
};

const collectionIds = (state: ReturnType<typeof createAssetPandaState>) => state.collections.map((c) => c.id);

describe('the seeded Asset Panda tenant', () => {
  it('tracks the fleet’s existing assets in Devices, a unique value only once', () => {
    const state = createAssetPandaState(fleet);
    const devices = collectionNamed(state, 'Devices');
    const rows = [...devices.records.values()].map((record) => recordValues(state, devices, record));
    const value = (row: (typeof rows)[number], name: string) => row[columnNamed(devices, name).id];
    expect(rows.map((row) => [value(row, 'Name'), value(row, 'Serial Number'), value(row, 'Intune Device ID'), value(row, 'Manufacturer')])).toEqual([
      ['CONTOSO-LT-001', 'PF3ABCD1', '5a1b2c3d-0000-4000-8000-000000000001', 'LENOVO'],
      ['Megan’s MacBook', 'C02ZZ0001', null, null],
      ['AP-00017', null, null, 'Apple'],
    ]);
  });

  it('shows the same devices in Classic under 24-hex object ids', () => {
    const state = createAssetPandaState(fleet);
    const [entity] = state.classic.entities;
    expect(entity?.key).toBe('devices');
    const objects = [...(entity?.objects.values() ?? [])];
    expect(objects.map((o) => o.displayName)).toEqual(['CONTOSO-LT-001', 'Megan’s MacBook', 'AP-00017']);
    for (const object of objects) expect(object.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('hands out the same ids in every fresh state', () => {
    expect(collectionIds(createAssetPandaState(fleet))).toEqual(collectionIds(createAssetPandaState(fleet)));
  });

  it("keeps the fleet's people in Employees, linked from Devices' Assigned To by email", () => {
    const people = generateFleet({ size: 20, seed: 3, tenantDomain: 'contoso.onmicrosoft.com' });
    const state = createAssetPandaState(people);
    const employees = collectionNamed(state, 'Employees');
    const emails = [...employees.records.values()].map((record) => record.values[columnNamed(employees, 'Email').id]);
    const primaryUsers = people.devices.map((device) => device.emailAddress).filter(Boolean);
    expect(primaryUsers.length).toBeGreaterThan(0);
    for (const email of primaryUsers) expect(emails).toContain(email);

    const assignedTo = columnNamed(collectionNamed(state, 'Devices'), 'Assigned To');
    expect(assignedTo.references).toMatchObject({ primary: true, entityId: employees.id, columnId: columnNamed(employees, 'Email').id });
  });
});

