import type { Field, FieldValue } from '../assetpanda/types';
import type { SourceType } from './sources';
import type { DateFormat, Transform, TransformKind } from './transform-schema';

/** The parts of an Asset Panda field a transform depends on. */
export type TargetField = Pick<Field, 'type' | 'options' | 'reference'>;

/** Field types the extension knows how to write; any other type is not offered as a target. */
export const WRITABLE_TYPES = ['text', 'number', 'date', 'list', 'status', 'boolean'] as const;

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

/** The value to write, or null for "Intune holds nothing here". Lookups give the value to look up. */
export function applyTransform(transform: Transform, raw: unknown, target: TargetField): FieldValue {
  if (isEmptyValue(raw)) return null;
  switch (transform.kind) {
    case 'asIs':
      return asIs(raw, target.type);
    case 'date':
      return formatDate(raw, target.type === 'date' && transform.format !== 'ISO 8601 date and time' ? 'YYYY-MM-DD' : transform.format);
    case 'bytesToGB': {
      if (typeof raw !== 'number') return null;
      const gigabytes = Math.round((raw / 1024 ** 3) * 100) / 100;
      return target.type === 'number' ? gigabytes : `${gigabytes} GB`;
    }
    case 'yesNo':
      return typeof raw === 'boolean' ? (raw ? 'Yes' : 'No') : null;
    case 'labels':
      return transform.labels[String(raw)] ?? null;
    case 'lookup':
      return String(raw).trim();
  }
}

function asIs(raw: unknown, type: string): FieldValue {
  if (type === 'number') return typeof raw === 'number' ? raw : null;
  if (type === 'boolean') return typeof raw === 'boolean' ? raw : null;
  return String(raw).trim();
}

function formatDate(raw: unknown, format: DateFormat): FieldValue {
  const at = new Date(String(raw));
  if (Number.isNaN(at.getTime())) return null;
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
