import type { Field } from '../../lib/assetpanda/types.ts';
import { MappingSchema, type FieldRef, type Mapping, type MappingInput } from '../../lib/mapping/schema.ts';
import type { Transform } from '../../lib/mapping/transform-schema.ts';

/** An Intune field onto the Devices field of that name, with its transform. */
export type FieldPairing = readonly [source: string, fieldName: string, transform: Transform];

/** The Devices collection's fields the sync tests write, in the guide's pairing of Intune and Asset Panda fields. */
const DEVICE_FIELD_MAPPING: readonly FieldPairing[] = [
  ['id', 'Intune Device ID', { kind: 'asIs' }],
  ['serialNumber', 'Serial Number', { kind: 'asIs' }],
  ['deviceName', 'Name', { kind: 'asIs' }],
  ['manufacturer', 'Manufacturer', { kind: 'asIs' }],
  ['model', 'Model', { kind: 'asIs' }],
  ['operatingSystem', 'OS', { kind: 'asIs' }],
  ['osVersion', 'OS Version', { kind: 'asIs' }],
  [
    'complianceState',
    'Compliance',
    {
      kind: 'labels',
      labels: { compliant: 'Compliant', noncompliant: 'Noncompliant', inGracePeriod: 'In Grace Period', conflict: 'Conflict', error: 'Error', unknown: 'Unknown' },
    },
  ],
  ['managedDeviceOwnerType', 'Ownership', { kind: 'labels', labels: { company: 'Corporate', personal: 'Personal', unknown: 'Unknown' } }],
  ['emailAddress', 'Primary User Email', { kind: 'asIs' }],
  ['totalStorageSpaceInBytes', 'Storage Total', { kind: 'bytesToGB' }],
  ['isEncrypted', 'Encrypted', { kind: 'asIs' }],
];

type NamedField = Pick<Field, 'id' | 'name' | 'type'>;

/** The field of this name, as a mapping refers to it; throws when the collection has none. */
export function fieldRef(fields: readonly NamedField[], name: string): FieldRef {
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`No field ${name}`);
  return { id: field.id, name: field.name, type: field.type };
}

/**
 * The tests' mapping of the sandbox's Devices collection, "Intune devices", matched by Intune Device
 * ID then Serial Number: `pairings` onto the fields of those names, `changes` over the rest.
 */
export function devicesMapping(
  fields: readonly NamedField[],
  collection: { id: string; name: string },
  changes: Partial<MappingInput> = {},
  pairings: readonly FieldPairing[] = DEVICE_FIELD_MAPPING,
): Mapping {
  return MappingSchema.parse({
    id: 'mapping-devices',
    name: 'Intune devices',
    collection: { id: collection.id, name: collection.name },
    entity: 'managedDevices',
    fields: pairings.map(([source, name, transform]) => ({ source, target: fieldRef(fields, name), transform })),
    matchKeys: ['id', 'serialNumber'],
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...changes,
  });
}
