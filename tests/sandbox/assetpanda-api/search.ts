import type { AssetPandaState, Collection, Column, StoredRecord } from './state.ts';
import { asObject } from './json-object.ts';
import { columnValue } from './records.ts';
import { problem, success, type Outcome } from './tenant.ts';
import { DEFAULT_PAGINATION, SEARCH_OPERATORS, searchText } from './unpublished-shapes.ts';

/** A parsed `searchInput` plus `pagination`, in the published body shape. */
export interface SearchQuery {
  matchType: 'All' | 'Any';
  filters: Array<{ column: Column; test: (actual: string, expected: string) => boolean; expected: string }>;
  from: number;
  size: number;
}

export function parseSearch(state: AssetPandaState, collection: Collection, body: Record<string, unknown>): Outcome<SearchQuery> {
  const selection = asObject(asObject(body.searchInput)?.selection) ?? {};
  const matchType = selection.matchType ?? 'All';
  if (matchType !== 'All' && matchType !== 'Any') {
    return problem(400, 'matchType must be All or Any.', [{ field: 'searchInput.selection.matchType', value: matchType, message: 'Unknown matchType.' }]);
  }
  const rawFilters = selection.filters ?? [];
  if (!Array.isArray(rawFilters)) return problem(400, 'filters must be an array.', [{ field: 'searchInput.selection.filters', message: 'Not an array.' }]);
  const filters: SearchQuery['filters'] = [];
  for (const [index, raw] of rawFilters.entries()) {
    const filter = asObject(raw) ?? {};
    const at = `searchInput.selection.filters[${index}]`;
    const column = collection.columns.find((c) => c.id === filter.field);
    if (!column) return problem(400, `Unknown field ${String(filter.field)}.`, [{ field: `${at}.field`, value: filter.field, message: 'Unknown column id.' }]);
    const test = typeof filter.operator === 'string' ? SEARCH_OPERATORS[filter.operator] : undefined;
    if (!test) return problem(400, `Unknown operator ${String(filter.operator)}.`, [{ field: `${at}.operator`, value: filter.operator, message: `Use one of ${Object.keys(SEARCH_OPERATORS).join(', ')}.` }]);
    filters.push({ column, test, expected: searchText(filter.value) });
  }
  const pagination = asObject(body.pagination) ?? {};
  const from = pagination.from ?? DEFAULT_PAGINATION.from;
  const size = pagination.size ?? DEFAULT_PAGINATION.size;
  const { maxSize, maxResultWindow } = state.searchLimits;
  if (!isWholeNumber(from, 0, Number.MAX_SAFE_INTEGER)) {
    return problem(400, 'pagination.from must be a whole number of at least 0.', [{ field: 'pagination.from', value: from, message: 'Invalid from.' }]);
  }
  if (!isWholeNumber(size, 1, maxSize)) {
    return problem(400, `pagination.size must be a whole number from 1 to ${maxSize}.`, [{ field: 'pagination.size', value: size, message: 'Invalid size.' }]);
  }
  if (from + size > maxResultWindow) {
    return problem(400, `Result window is too large: from + size must be at most ${maxResultWindow}.`, [{ field: 'pagination', message: 'Narrow the search with filters.' }]);
  }
  return success({ matchType, filters, from, size });
}

/** One page of the matching records, in creation order, and how many match in all. */
export function runSearch(state: AssetPandaState, collection: Collection, query: SearchQuery): { page: StoredRecord[]; total: number } {
  const matches: StoredRecord[] = [];
  for (const record of collection.records.values()) {
    if (matchesQuery(state, collection, record, query)) matches.push(record);
  }
  const { pageCap, ignoresFrom } = state.searchLimits;
  const from = ignoresFrom ? 0 : query.from;
  return { page: matches.slice(from, from + Math.min(query.size, pageCap ?? query.size)), total: matches.length };
}

function matchesQuery(state: AssetPandaState, collection: Collection, record: StoredRecord, query: SearchQuery): boolean {
  if (query.filters.length === 0) return true;
  const hit = (filter: SearchQuery['filters'][number]) => filter.test(searchText(columnValue(state, collection, record, filter.column)), filter.expected);
  return query.matchType === 'All' ? query.filters.every(hit) : query.filters.some(hit);
}

function isWholeNumber(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
