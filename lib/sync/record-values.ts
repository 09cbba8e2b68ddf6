import type { Field, FieldValue, FieldValues } from '../assetpanda/types';
import type { ManagedDevice } from '../graph/device-schema';
import { sourceField } from '../mapping/entities';
import type { Mapping } from '../mapping/schema';
import { applyTransform, isEmptyValue, sameValue } from '../mapping/transform';
import { matchKeyValue } from './match-key';

/** One mapped field's new value for a record, as a sync or "Sync this record" would write it. */
export interface FieldChange {
  fieldId: string;
  fieldName: string;
  /** What Asset Panda holds now (undefined: the field is empty or the record is new). */
  before: FieldValue | undefined;
  after: FieldValue;
}

/**
 * The value each mapped field gets from one device, by field id: transformed for the field, null
 * where Intune holds nothing. A lookup's value is still the value to look up in the linked collection.
 * A field that holds a match key never receives a placeholder ("Default string", "0"): it would
 * identify nothing, and in a unique field it would clash with every other such device.
 */
export function deviceValues(mapping: Mapping, fields: ReadonlyMap<string, Field>, device: ManagedDevice): Map<string, FieldValue> {
  return deviceValueReader(mapping, fields)(device);
}

/** `deviceValues` for many devices: the mapping is read once. */
export function deviceValueReader(mapping: Mapping, fields: ReadonlyMap<string, Field>): (device: ManagedDevice) => Map<string, FieldValue> {
  const keySources = new Set(mapping.matchKeys);
  const readers = mapping.fields.flatMap((entry) => {
    const source = sourceField(mapping.entity, entry.source);
    const field = fields.get(entry.target.id);
    return source && field ? [{ source, field, transform: entry.transform, isKey: keySources.has(entry.source) }] : [];
  });
  return (device) => {
    const values = new Map<string, FieldValue>();
    for (const { source, field, transform, isKey } of readers) {
      const value = applyTransform(transform, source.read(device), field);
      values.set(field.id, isKey && matchKeyValue(value) === undefined ? null : value);
    }
    return values;
  };
}

/**
 * The changes that bring a record in line with its device: changed fields only, and never an empty
 * value over a filled one where the mapping says "never overwrite with an empty value".
 */
export function recordChanges(
  mapping: Mapping,
  fields: ReadonlyMap<string, Field>,
  next: ReadonlyMap<string, FieldValue>,
  stored: FieldValues,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const entry of mapping.fields) {
    const field = fields.get(entry.target.id);
    if (!field || !next.has(field.id)) continue;
    const after = next.get(field.id) ?? null;
    if (isEmptyValue(after) && entry.keepWhenEmpty) continue;
    const before = stored[field.id];
    if (!sameValue(field, before, after)) changes.push({ fieldId: field.id, fieldName: field.name, before: isEmptyValue(before) ? undefined : before, after });
  }
  return changes;
}

/** The values of a new record: every mapped field Intune fills. */
export function newRecordValues(next: ReadonlyMap<string, FieldValue>): FieldValues {
  const values: FieldValues = {};
  for (const [fieldId, value] of next) if (!isEmptyValue(value)) values[fieldId] = value;
  return values;
}
