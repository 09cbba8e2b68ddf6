import { describe, expect, it } from 'vitest';
import type { Field } from '../assetpanda/types';
import { checkMapping } from './check';
import { FiltersSchema, BehaviourSchema } from './schema';
import { proposedLabels, suggestMapping } from './suggest';

const field = (name: string, type: string, extra: Partial<Field> = {}): Field => ({
  id: `c_0_${name.toLowerCase().replace(/[^a-z0-9]/g, '')}_${type}`,
  name,
  type,
  required: false,
  unique: false,
  ...extra,
});

/** A Devices collection as an admin might have set it up before the integration. */
const devices: Field[] = [
  field('Name', 'text', { required: true }),
  field('Serial #', 'text', { unique: true }),
  field('Intune Device ID', 'text', { unique: true }),
  field('Make', 'text'),
  field('Compliance', 'status', { options: ['Compliant', 'Noncompliant', 'In Grace Period', 'Unknown'] }),
  field('Ownership', 'list', { options: ['Corporate', 'Personal'] }),
  field('OS', 'list', { options: ['Windows', 'macOS'] }),
  field('Primary User Email', 'text'),
  field('Last Check-in', 'date'),
  field('Storage Total', 'number'),
  field('Encrypted', 'text'),
  field('Purchase Price', 'number'),
  field('Assigned To', 'text', { reference: { collectionId: 'people', fieldId: 'people_email', primary: true } }),
  field('Assigned To-department', 'text', { reference: { collectionId: 'people', fieldId: 'people_department', primary: false } }),
  field('Location', 'text', { reference: { collectionId: 'places', fieldId: 'places_name', primary: true } }),
];
const lookupKeys = new Map([
  ['c_0_assignedto_text', 'Email'],
  ['c_0_location_text', 'Name'],
]);

const proposal = (current = suggestMapping({ entity: 'managedDevices', fields: devices, lookupKeys })) =>
  Object.fromEntries(current.fields.map((entry) => [entry.target.name, [entry.source, entry.transform.kind]]));

describe('Suggest mapping', () => {
  it('maps each Intune field onto the field that carries its name or a usual other name, with the transform its type needs', () => {
    expect(proposal()).toEqual({
      Name: ['deviceName', 'asIs'],
      'Serial #': ['serialNumber', 'asIs'],
      'Intune Device ID': ['id', 'asIs'],
      Make: ['manufacturer', 'asIs'],
      Compliance: ['complianceState', 'labels'],
      Ownership: ['managedDeviceOwnerType', 'labels'],
      'Primary User Email': ['emailAddress', 'asIs'],
      'Last Check-in': ['lastSyncDateTime', 'date'],
      'Storage Total': ['totalStorageSpaceInBytes', 'bytesToGB'],
      Encrypted: ['isEncrypted', 'yesNo'],
      'Assigned To': ['emailAddress', 'lookup'],
    });
  });

  it("proposes the guide's Unique Identifier, Intune Device ID then Serial Number, as far as they are mapped", () => {
    expect(suggestMapping({ entity: 'managedDevices', fields: devices }).matchKeys).toEqual(['id', 'serialNumber']);
    expect(suggestMapping({ entity: 'managedDevices', fields: devices.filter((f) => f.name !== 'Intune Device ID') }).matchKeys).toEqual(['serialNumber']);
  });

  it('looks people up by email, never a place by its name, and never writes a pulled field', () => {
    const targets = suggestMapping({ entity: 'managedDevices', fields: devices, lookupKeys }).fields.map((entry) => entry.target.name);
    expect(targets).not.toContain('Location');
    expect(targets).not.toContain('Assigned To-department');
  });

  it("keeps what the admin mapped and proposes only the rest", () => {
    const current = [{ source: 'userPrincipalName', target: { id: 'c_0_make_text', name: 'Make', type: 'text' }, transform: { kind: 'asIs' as const }, keepWhenEmpty: false }];
    const suggested = suggestMapping({ entity: 'managedDevices', fields: devices, lookupKeys, current });
    expect(suggested.fields[0]).toEqual(current[0]);
    expect(proposal(suggested).Make).toEqual(['userPrincipalName', 'asIs']);
    expect(suggested.fields.filter((entry) => entry.target.name === 'Make')).toHaveLength(1);
  });

  it('names enum values with the labels the field has', () => {
    expect(proposedLabels(['unknown', 'compliant', 'noncompliant', 'inGracePeriod', 'configManager'], ['Compliant', 'Not Compliant', 'In Grace Period'])).toEqual({
      compliant: 'Compliant',
      noncompliant: 'Not Compliant',
      inGracePeriod: 'In Grace Period',
    });
    expect(proposedLabels(['company', 'personal'], ['Corporate', 'Personal'])).toEqual({ company: 'Corporate', personal: 'Personal' });
  });

  it('proposes a mapping the live check accepts', () => {
    const suggested = suggestMapping({ entity: 'managedDevices', fields: devices, lookupKeys });
    const mapping = {
      id: 'm',
      name: 'Suggested',
      collection: { id: 'c', name: 'Devices' },
      entity: 'managedDevices' as const,
      ...suggested,
      filters: FiltersSchema.parse({}),
      behaviour: BehaviourSchema.parse({}),
      createdAt: '',
      updatedAt: '',
    };
    expect(checkMapping(mapping, devices).filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});
