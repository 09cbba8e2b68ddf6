import type { Field, FieldValue } from '../assetpanda/types';
import type { SourceType } from './sources';
import type { DateFormat, Transform, TransformKind } from './transform-schema';

/** The parts of an Asset Panda field a transform depends on. */
export type TargetField = Pick<Field, 'type' | 'options' | 'reference'>;

/**
 * The transforms that turn an Intune value of this type into a value the field takes, the usual
 * one first; empty when the field cannot take it at all. A field pulled from another collection is
 * read-only; a field that links to another collection only takes a lookup by value.
 */
export function transformKinds(source: SourceType, target: TargetField): TransformKind[] {
  if (target.reference) return target.reference.primary && source === 'string' ? ['lookup'] : [];
  switch (target.type) {
    case 'text':
      return TEXT_TRANSFORMS[source];
    case 'number':
      return source === 'number' ? ['asIs', 'bytesToGB'] : [];
    case 'date':
      return source === 'dateTime' ? ['date'] : [];
    case 'boolean':
      return source === 'boolean' ? ['asIs'] : [];
    case 'list':
    case 'status':
      return source === 'dateTime' || source === 'number' ? [] : ['labels'];
    default:
      return [];
  }
}

const TEXT_TRANSFORMS: Record<SourceType, TransformKind[]> = {
  string: ['asIs'],
  number: ['asIs', 'bytesToGB'],
  boolean: ['yesNo'],
  dateTime: ['date'],
  enum: ['labels', 'asIs'],
};

/**
 * An Intune value the transform cannot turn into one the field takes: an enum member the labels do
 * not cover (Intune adds members), a value of another type. It is not "Intune holds nothing": the
 * field is left as it is, never cleared, and the sync reports it.
 */
export interface Unconvertible {
  unconvertible: true;
  /** The Intune value, as text. */
  value: string;
  /** Why, and what to do, for the admin. */
  reason: string;
}

export function isUnconvertible(value: unknown): value is Unconvertible {
  return typeof value === 'object' && value !== null && 'unconvertible' in value;
}

/** The value to write, null for "Intune holds nothing here", or Unconvertible. Lookups give the value to look up. */
export function applyTransform(transform: Transform, raw: unknown, target: TargetField): FieldValue | Unconvertible {
  if (isEmptyValue(raw)) return null;
  switch (transform.kind) {
    case 'asIs':
      if (target.type === 'number') return typeof raw === 'number' ? raw : unconvertible(raw, 'it is not a number');
      if (target.type === 'boolean') return typeof raw === 'boolean' ? raw : unconvertible(raw, 'it is not true or false');
      return String(raw).trim();
    case 'date':
      return formatDate(raw, target.type === 'date' && transform.format !== 'ISO 8601 date and time' ? 'YYYY-MM-DD' : transform.format) ?? unconvertible(raw, 'it is not a date');
    case 'bytesToGB': {
      if (typeof raw !== 'number') return unconvertible(raw, 'it is not a number of bytes');
      const gigabytes = Math.round((raw / 1024 ** 3) * 100) / 100;
      return target.type === 'number' ? gigabytes : `${gigabytes} GB`;
    }
    case 'yesNo':
      return typeof raw === 'boolean' ? (raw ? 'Yes' : 'No') : unconvertible(raw, 'it is not true or false');
    case 'labels':
      return transform.labels[String(raw)] ?? unconvertible(raw, 'the mapping gives no value for it (Intune may have added it since the mapping was made): choose one in the mapping');
    case 'lookup':
      return String(raw).trim();
  }
}

function unconvertible(raw: unknown, reason: string): Unconvertible {
  return { unconvertible: true, value: String(raw), reason };
}

function formatDate(raw: unknown, format: DateFormat): string | undefined {
  const at = new Date(String(raw));
  if (Number.isNaN(at.getTime())) return undefined;
  const iso = at.toISOString();
  const [year, month, day] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  switch (format) {
    case 'YYYY-MM-DD':
      return `${year}-${month}-${day}`;
    case 'MM/DD/YYYY':
      return `${month}/${day}/${year}`;
    case 'DD/MM/YYYY':
      return `${day}/${month}/${year}`;
    case 'ISO 8601 date and time':
      return iso.replace('.000Z', 'Z');
  }
}

/** Empty: nothing to write. Intune leaves many fields null, "" or, for dates, 0001-01-01. */
export function isEmptyValue(value: unknown): value is null | undefined | '' {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '' || value.startsWith('0001-01-01');
  return false;
}

/**
 * Whether the value Asset Panda holds already says what the sync would write, so that a re-run
 * writes nothing: numbers by value, booleans by meaning, dates by day (or instant), list, status and
 * linked values without regard to case, text exactly (surrounding blanks aside).
 */
export function sameValue(target: TargetField, stored: FieldValue | undefined, next: FieldValue): boolean {
  const storedEmpty = isEmptyValue(stored);
  if (storedEmpty || isEmptyValue(next)) return storedEmpty && isEmptyValue(next);
  if (target.reference || target.type === 'list' || target.type === 'status') {
    return String(stored).trim().toLowerCase() === String(next).trim().toLowerCase();
  }
  switch (target.type) {
    case 'number':
      return Number(stored) === Number(next);
    case 'boolean':
      return asBoolean(stored) === asBoolean(next);
    case 'date': {
      const a = String(stored);
      const b = String(next);
      return b.length === 10 ? a.slice(0, 10) === b : Date.parse(a) === Date.parse(b);
    }
    default:
      return String(stored).trim() === String(next).trim();
  }
}

function asBoolean(value: FieldValue | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', 'yes', '1'].includes(text)) return true;
  if (['false', 'no', '0'].includes(text)) return false;
  return undefined;
}

/** An enum member as words: "inGracePeriod" → "In Grace Period". */
export function humanize(member: string): string {
  const words = member.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
