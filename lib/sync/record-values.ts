import type { Field, FieldValue, FieldValues } from '../assetpanda/types';
import type { ManagedDevice } from '../graph/device-schema';
import { sourceField } from '../mapping/entities';
import type { Mapping } from '../mapping/schema';
import type { SourceField } from '../mapping/sources';
import { applyTransform, isEmptyValue, isUnconvertible, sameValue } from '../mapping/transform';
import type { Transform } from '../mapping/transform-schema';
import { matchKeyValue } from './match-key';

/** One mapped field's new value for a record, as a sync or "Sync this record" would write it. */
export interface FieldChange {
  fieldId: string;
  fieldName: string;
  /** What Asset Panda holds now (undefined: the field is empty or the record is new). */
  before: FieldValue | undefined;
  after: FieldValue;
}

/** Values in the order of `MappedValues.fields`; undefined where nothing is to be written (a lookup that found nothing, a value the transform cannot convert). */
export type ValueRow = Array<FieldValue | undefined>;

/** A mapped field left as it is because the transform cannot convert the device's value (see Unconvertible). */
export interface UnconvertedValue {
  /** Where it sits in the row. */
  slot: number;
  /** The Intune field, in the guide's words. */
  source: string;
  value: string;
  reason: string;
}

interface MappedField {
  field: Field;
  source: SourceField;
  transform: Transform;
  keepWhenEmpty: boolean;
  /** It holds a match key. */
  isKey: boolean;
}

/**
 * A mapping's fields, read once for many devices: a sync works on rows of values in `fields`
 * order rather than on one map per device. The rules are those of `deviceValues` and `recordChanges`.
 */
export class MappedValues {
  readonly fields: readonly Field[];
  private readonly mapped: readonly MappedField[];

  constructor(mapping: Mapping, fields: ReadonlyMap<string, Field>) {
    const keySources = new Set(mapping.matchKeys);
    this.mapped = mapping.fields.flatMap((entry) => {
      const source = sourceField(mapping.entity, entry.source);
      const field = fields.get(entry.target.id);
      return source && field ? [{ field, source, transform: entry.transform, keepWhenEmpty: entry.keepWhenEmpty, isKey: keySources.has(entry.source) }] : [];
    });
    this.fields = this.mapped.map((entry) => entry.field);
  }

  /**
   * The device's row, in `row` when given (a sync reuses one); `keys`, when given, receives each
   * match key's compared form at its field's slot; `unconverted`, when given, each value the
   * transform cannot convert (left undefined in the row: the field is not written).
   */
  read(device: ManagedDevice, keys?: Array<string | undefined>, row: ValueRow = [], unconverted?: UnconvertedValue[]): ValueRow {
    for (let i = 0; i < this.mapped.length; i++) {
      const { source, field, transform, isKey } = this.mapped[i] as MappedField;
      const value = applyTransform(transform, source.read(device), field);
      if (isUnconvertible(value)) {
        row[i] = undefined;
        if (keys) keys[i] = undefined;
        unconverted?.push({ slot: i, source: source.label, value: value.value, reason: value.reason });
        continue;
      }
      if (!isKey) {
        row[i] = value;
        continue;
      }
      const key = matchKeyValue(value);
      if (keys) keys[i] = key;
      row[i] = key === undefined ? null : value;
    }
    return row;
  }

  /** The changes from `stored` (a row of the record's values) to `next`. */
  changes(next: ValueRow, stored: ArrayLike<FieldValue | undefined>): FieldChange[] {
    let changes: FieldChange[] | undefined;
    for (let i = 0; i < this.mapped.length; i++) {
      const after = next[i];
      if (after === undefined) continue;
      const { field, keepWhenEmpty } = this.mapped[i] as MappedField;
      if (keepWhenEmpty && isEmptyValue(after)) continue;
      const before = stored[i];
      if (before !== after && !sameValue(field, before, after)) (changes ??= []).push({ fieldId: field.id, fieldName: field.name, before: isEmptyValue(before) ? undefined : before, after });
    }
    return changes ?? [];
  }

  /** The values of a new record: every mapped field Intune fills. */
  newRecord(next: ValueRow): FieldValues {
    const values: FieldValues = {};
    for (let i = 0; i < this.mapped.length; i++) {
      const value = next[i];
      if (value !== undefined && !isEmptyValue(value)) values[(this.mapped[i] as MappedField).field.id] = value;
    }
    return values;
  }
}

/**
 * The value each mapped field gets from one device, by field id: transformed for the field, null
 * where Intune holds nothing, absent where the transform cannot convert Intune's value (the field
 * is left as it is). A lookup's value is still the value to look up in the linked collection.
 * A field that holds a match key never receives a placeholder ("Default string", "0"): it would
 * identify nothing, and in a unique field it would clash with every other such device.
 */
export function deviceValues(mapping: Mapping, fields: ReadonlyMap<string, Field>, device: ManagedDevice): Map<string, FieldValue> {
  const mapped = new MappedValues(mapping, fields);
  const unconverted: UnconvertedValue[] = [];
  const row = mapped.read(device, undefined, [], unconverted);
  const skipped = new Set(unconverted.map((value) => value.slot));
  return new Map(mapped.fields.flatMap((field, i) => (skipped.has(i) ? [] : [[field.id, row[i] ?? null] as const])));
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
  const mapped = new MappedValues(mapping, fields);
  const row = mapped.fields.map((field) => (next.has(field.id) ? (next.get(field.id) ?? null) : undefined));
  return mapped.changes(row, mapped.fields.map((field) => stored[field.id]));
}
