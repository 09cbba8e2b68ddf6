import type { z } from 'zod';
import { DEVICE_FIELDS, isDeviceFieldKey, type DeviceFieldKey, type DeviceFields, type FilterOperator } from './device-fields';
import { InvalidRequestError } from './request-error';

/** A `$filter` for /deviceManagement/managedDevices, built only from operators Microsoft documents. */
export interface DeviceFilter {
  /** The `$filter` text, e.g. `serialNumber eq 'C02X''1'`. */
  readonly expression: string;
  /** The properties it tests (some may not be combined with `$count`). */
  readonly fields: readonly DeviceFieldKey[];
}

/** The properties for which Microsoft documents `operator`. */
export type FilterableBy<Operator extends FilterOperator> = {
  [Key in DeviceFieldKey]: Operator extends DeviceFields[Key]['filterOperators'][number] ? Key : never;
}[DeviceFieldKey];

/** What a comparison takes: dates as `Date`, everything else as the property's own type. */
export type FilterValue<Key extends DeviceFieldKey> = DeviceFields[Key]['type'] extends 'dateTime'
  ? Date
  : NonNullable<z.output<DeviceFields[Key]['schema']>>;

type Comparison = 'eq' | 'ne' | 'lt' | 'gt';

function comparison(key: string, operator: Comparison, value: unknown): DeviceFilter {
  const field = requireOperator(key, operator);
  return { expression: `${field} ${operator} ${literal(field, value)}`, fields: [field] };
}

/**
 * Typed builders. Each also checks at run time (values may come from stored settings), because Graph
 * answers an undocumented filter with an error or, for some properties, by ignoring it and returning
 * every device.
 */
export const deviceFilter = {
  eq: <Key extends FilterableBy<'eq'>>(key: Key, value: FilterValue<Key>) => comparison(key, 'eq', value),
  ne: <Key extends FilterableBy<'ne'>>(key: Key, value: FilterValue<Key>) => comparison(key, 'ne', value),
  lt: <Key extends FilterableBy<'lt'>>(key: Key, value: FilterValue<Key>) => comparison(key, 'lt', value),
  gt: <Key extends FilterableBy<'gt'>>(key: Key, value: FilterValue<Key>) => comparison(key, 'gt', value),

  contains<Key extends FilterableBy<'contains'>>(key: Key, value: string): DeviceFilter {
    const field = requireOperator(key, 'contains');
    return { expression: `contains(${field},${literal(field, value)})`, fields: [field] };
  },

  /** `key eq a or key eq b …`, for the properties documented with 'eq' and 'or'. */
  anyOf<Key extends FilterableBy<'or'>>(key: Key, values: readonly FilterValue<Key>[]): DeviceFilter {
    const field = requireOperator(key, 'or');
    if (values.length === 0) throw new InvalidRequestError(`A filter on ${field} needs at least one value.`);
    const terms = values.map((value) => `${field} eq ${literal(field, value)}`);
    return { expression: terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' or ')})`, fields: [field] };
  },

  /**
   * All of the filters. Microsoft documents operators per property but says nothing about `and`
   * across properties; it is standard OData and widely used against Intune, so it is allowed.
   */
  and(...filters: readonly DeviceFilter[]): DeviceFilter {
    if (filters.length === 0) throw new InvalidRequestError('An "and" filter needs at least one filter.');
    return {
      expression: filters.map((filter) => filter.expression).join(' and '),
      fields: [...new Set(filters.flatMap((filter) => filter.fields))],
    };
  },
};

function requireOperator(key: string, operator: FilterOperator): DeviceFieldKey {
  if (!isDeviceFieldKey(key)) throw new InvalidRequestError(`"${key}" is not a managedDevice property.`);
  const documented: readonly FilterOperator[] = DEVICE_FIELDS[key].filterOperators;
  if (!documented.includes(operator)) {
    const supported = documented.length > 0 ? `only ${documented.join(', ')}` : 'no $filter at all';
    throw new InvalidRequestError(`Intune does not support the $filter operator "${operator}" on ${key}: Microsoft documents ${supported} for it.`);
  }
  return key;
}

// Enum members are plain identifiers; anything else cannot be a member, old or future.
const ENUM_MEMBER = /^[A-Za-z][A-Za-z0-9]*$/;

/** The OData literal for `value` as a value of `key`. */
function literal(key: DeviceFieldKey, value: unknown): string {
  const { type } = DEVICE_FIELDS[key];
  const refuse = (expected: string) =>
    new InvalidRequestError(`A filter on ${key} needs ${expected}, not ${JSON.stringify(value) ?? String(value)}.`);
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw refuse('a string');
      return `'${value.replaceAll("'", "''")}'`;
    case 'enum':
      if (typeof value !== 'string' || !ENUM_MEMBER.test(value)) throw refuse('an enum member name');
      return `'${value}'`;
    case 'boolean':
      if (typeof value !== 'boolean') throw refuse('true or false');
      return String(value);
    case 'int64':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw refuse('a whole number');
      return String(value);
    case 'dateTime':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw refuse('a valid Date');
      return value.toISOString();
    case 'object':
    case 'collection':
      throw new InvalidRequestError(`${key} is a structured property and cannot be filtered.`);
  }
}
