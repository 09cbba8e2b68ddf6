import type { Column } from './state.ts';
import { ISO_DATE } from './unpublished-shapes.ts';

/** Why the column rejects this value, or undefined when it fits its type. Null always fits (it clears). */
export function valueProblem(column: Column, value: unknown): string | undefined {
  if (value === null) return undefined;
  const label = `${column.displayName} (${column.type})`;
  switch (column.type) {
    case 'text':
      return typeof value === 'string' ? undefined : `${label} expects a string, got ${describe(value)}.`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `${label} expects a number, got ${describe(value)}.`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${label} expects true or false, got ${describe(value)}.`;
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : `${label} expects an ISO 8601 date, got ${describe(value)}.`;
    case 'list':
    case 'status': {
      const options = column.options ?? [];
      if (typeof value === 'string' && options.includes(value)) return undefined;
      return `${label} expects one of ${options.map((o) => JSON.stringify(o)).join(', ')}, got ${describe(value)}.`;
    }
  }
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
