/**
 * The shapes of Asset Panda's answers as the client saw them — field names and value types, never
 * values or keys — so an admin can report where the real API differs from what the client assumes.
 */

/** A value's shape: a type name, `[element]` for arrays, or an object of field shapes (`name?` when not always present). */
export type Shape = string | Shape[] | { [field: string]: Shape };

export interface ShapeObservation {
  /** Method and path template, e.g. `GET /collection-record/{recordId}`: no ids. */
  operation: string;
  status: number;
  /** Which expectation the answer was read against (see published.ts and unpublished.ts). */
  expectation: string;
  matched: boolean;
  /** Where the answer differed: paths and reasons, no values. */
  problems: string[];
  shape: Shape;
  seenAt: string;
}

export interface ShapeLog {
  record(observation: Omit<ShapeObservation, 'seenAt'>): void;
  /** Adds observations kept from before (e.g. a previous service worker), behind the ones seen since. */
  restore(observations: readonly ShapeObservation[]): void;
  entries(): ShapeObservation[];
}

const MAX_DEPTH = 8;
const MAX_FIELDS = 300;
/** Elements of an array described and merged: enough to see the shape, not a cost on every search page. */
const MAX_ELEMENTS = 20;

/**
 * Keeps the latest `limit` distinct shapes. `onNewShape` lets the owner persist them; it is only
 * called for a shape not seen before, so a long sync does not write on every answer.
 */
export function createShapeLog(options: { limit?: number; onNewShape?: (entries: ShapeObservation[]) => void } = {}): ShapeLog {
  const limit = options.limit ?? 60;
  let byKey = new Map<string, ShapeObservation>();
  const trim = () => {
    for (const oldest of byKey.keys()) {
      if (byKey.size <= limit) break;
      byKey.delete(oldest);
    }
  };
  return {
    record(observation) {
      const key = observationKey(observation);
      const known = byKey.delete(key);
      byKey.set(key, { ...observation, seenAt: new Date().toISOString() });
      trim();
      if (!known) options.onNewShape?.([...byKey.values()]);
    },
    restore(observations) {
      const restored = new Map(observations.map((entry) => [observationKey(entry), entry]));
      for (const [key, entry] of byKey) {
        restored.delete(key);
        restored.set(key, entry);
      }
      byKey = restored;
      trim();
    },
    entries: () => [...byKey.values()],
  };
}

function observationKey(o: Omit<ShapeObservation, 'seenAt'>): string {
  return JSON.stringify([o.operation, o.status, o.expectation, o.matched, o.problems, o.shape]);
}

/** The shape of a parsed JSON value; the (first) elements of an array are merged into one shape. */
export function describeShape(value: unknown, depth = 0): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return 'array';
    const elements = value.slice(0, MAX_ELEMENTS).map((element) => describeShape(element, depth + 1));
    const [first, ...rest] = elements;
    return first === undefined ? [] : [rest.reduce(mergeShapes, first)];
  }
  if (typeof value === 'object') {
    if (depth >= MAX_DEPTH) return 'object';
    const entries = Object.entries(value as Record<string, unknown>).slice(0, MAX_FIELDS);
    return Object.fromEntries(entries.map(([field, inner]) => [field, describeShape(inner, depth + 1)]));
  }
  return typeof value;
}

function mergeShapes(a: Shape, b: Shape): Shape {
  if (isObjectShape(a) && isObjectShape(b)) {
    const merged: Record<string, Shape> = {};
    for (const field of new Set([...Object.keys(a).map(bare), ...Object.keys(b).map(bare)])) {
      const left = a[field] ?? a[`${field}?`];
      const right = b[field] ?? b[`${field}?`];
      // Present in every element only when neither side has it missing or optional.
      const always = field in a && field in b;
      const shape = left && right ? mergeShapes(left, right) : (left ?? right);
      if (shape !== undefined) merged[always ? field : `${field}?`] = shape;
    }
    return merged;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const [left] = a;
    const [right] = b;
    if (left === undefined) return b;
    return right === undefined ? a : [mergeShapes(left, right)];
  }
  const names = new Set([...typeNames(a), ...typeNames(b)]);
  return [...names].toSorted().join(' | ');
}

function isObjectShape(shape: Shape): shape is { [field: string]: Shape } {
  return typeof shape === 'object' && !Array.isArray(shape);
}

function bare(field: string): string {
  return field.endsWith('?') ? field.slice(0, -1) : field;
}

function typeNames(shape: Shape): string[] {
  if (typeof shape === 'string') return shape.split(' | ');
  return [Array.isArray(shape) ? 'array' : 'object'];
}
