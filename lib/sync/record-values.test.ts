import { describe, expect, it } from 'vitest';
import type { Field } from '../assetpanda/types';
import type { ManagedDevice } from '../graph/device-schema';
import { MappingSchema } from '../mapping/schema';
import { deviceValues, MappedValues, recordChanges, type UnconvertedValue } from './record-values';

const field = (id: string, type: string, extra: Partial<Field> = {}): Field => ({ id, name: id, type, required: false, unique: false, ...extra });
const fields = new Map(
  [field('serial', 'text'), field('owner', 'text'), field('storage', 'number'), field('compliance', 'status', { options: ['Compliant', 'Noncompliant'] })].map((f) => [f.id, f]),
);
const ref = (id: string) => ({ id, name: id, type: fields.get(id)!.type });

const mapping = MappingSchema.parse({
  id: 'm',
  name: 'Laptops',
  collection: { id: 'c', name: 'Devices' },
  entity: 'managedDevices',
  fields: [
    { source: 'serialNumber', target: ref('serial'), transform: { kind: 'asIs' } },
    { source: 'userPrincipalName', target: ref('owner'), transform: { kind: 'asIs' }, keepWhenEmpty: false },
    { source: 'totalStorageSpaceInBytes', target: ref('storage'), transform: { kind: 'bytesToGB' } },
    { source: 'complianceState', target: ref('compliance'), transform: { kind: 'labels', labels: { compliant: 'Compliant', noncompliant: 'Noncompliant' } } },
  ],
  matchKeys: ['serialNumber'],
  createdAt: '2026-11-30T00:00:00Z',
  updatedAt: '2026-11-30T00:00:00Z',
});

const device: ManagedDevice = { id: 'd1', serialNumber: 'PF3ABCD1', userPrincipalName: null, totalStorageSpaceInBytes: 0, complianceState: 'noncompliant' };

describe("a record's values from its device", () => {
  it('transforms each mapped field, empty where Intune holds nothing', () => {
    expect(Object.fromEntries(deviceValues(mapping, fields, device))).toEqual({ serial: 'PF3ABCD1', owner: null, storage: 0, compliance: 'Noncompliant' });
  });

  it('never writes a placeholder serial into a match-key field', () => {
    for (const junk of ['Default string', '0', 'To be filled by O.E.M.']) {
      expect(deviceValues(mapping, fields, { ...device, serialNumber: junk }).get('serial'), junk).toBeNull();
    }
  });

  it('writes only what changed, and no empty value over a filled one unless the mapping allows it', () => {
    const next = deviceValues(mapping, fields, { ...device, serialNumber: '' });
    const changes = recordChanges(mapping, fields, next, { serial: 'PF3ABCD1', owner: 'megan@contoso.com', storage: 0, compliance: 'Compliant' });
    expect(changes).toEqual([
      { fieldId: 'owner', fieldName: 'owner', before: 'megan@contoso.com', after: null },
      { fieldId: 'compliance', fieldName: 'compliance', before: 'Compliant', after: 'Noncompliant' },
    ]);
  });

  it('writes nothing when the record already says it all', () => {
    const next = deviceValues(mapping, fields, device);
    expect(recordChanges(mapping, fields, next, { serial: 'pf3abcd1 ', storage: '0', compliance: 'noncompliant' }).map((c) => c.fieldId)).toEqual(['serial']);
    expect(recordChanges(mapping, fields, next, { serial: 'PF3ABCD1', storage: 0, compliance: 'Noncompliant' })).toEqual([]);
  });

  it('creates a record from the filled values only', () => {
    const mapped = new MappedValues(mapping, fields);
    expect(mapped.newRecord(mapped.read(device))).toEqual({ serial: 'PF3ABCD1', storage: 0, compliance: 'Noncompliant' });
  });

  it('leaves a field as it is when its transform cannot convert what Intune holds, even where empty values overwrite', () => {
    const clearing = MappingSchema.parse({ ...mapping, fields: mapping.fields.map((entry) => ({ ...entry, keepWhenEmpty: false })) });
    // A compliance state Intune added after the mapping's labels were chosen; a size that is not a number.
    const changed = { ...device, complianceState: 'configManager', totalStorageSpaceInBytes: 'lots' } as unknown as ManagedDevice;
    const stored = { serial: 'PF3ABCD1', storage: 238, compliance: 'Compliant' };

    const next = deviceValues(clearing, fields, changed);
    expect(next.has('compliance')).toBe(false);
    expect(next.has('storage')).toBe(false);
    expect(recordChanges(clearing, fields, next, stored)).toEqual([]);

    const unconverted: UnconvertedValue[] = [];
    const mapped = new MappedValues(clearing, fields);
    const row = mapped.read(changed, undefined, [], unconverted);
    expect(unconverted).toEqual([
      { slot: 2, source: 'Total Storage Space', value: 'lots', reason: 'it is not a number of bytes' },
      { slot: 3, source: 'Compliance', value: 'configManager', reason: expect.stringContaining('the mapping gives no value for it') },
    ]);
    expect(mapped.newRecord(row)).toEqual({ serial: 'PF3ABCD1' });
  });
});
