/**
 * Every Asset Panda Pro API shape the public docs do NOT publish, in one place, so that it can be
 * compared with the extension's adapter (lib/assetpanda) and corrected from a live probe later.
 * Everything outside this file follows docs.api.assetpanda.app to the letter.
 *
 * Where the evidence disagrees, the world's `answerStyle` picks the shapes: 'assumed' (the default)
 * answers as first guessed from the docs and a third-party preset; 'observed' answers as a working
 * third-party client saw the live API answer (project reference asset-panda-and-peers.md §1.1b):
 * the column listing wrapped in `data` and listing deleted columns, list items named by
 * `displayName`, collections flagged `isActive` and `deleted`, search records under `data.records`,
 * and writes answered per record inside a 2xx answer.
 */

export type AnswerStyle = 'assumed' | 'observed';

// ---- Behaviour (no shape to build, so only written down here) ----------------------------------
// ASSUMPTION (unpublished): checks run in this order: key headers (401), the key's rate window
//   (429), the route (404), the key's permission (403), the body and its tenant (400, 404), the
//   records (400, 404 for an unknown recordId), their values (422).
// ASSUMPTION (unpublished): a `tenant` whose account, module or collection does not match answers 404.
// ASSUMPTION (unpublished, 'assumed' style): writes are all or nothing: one bad record rejects the
//   whole request, and every bad value of every record is listed in `errors`.
// OBSERVED (§1.1b, 'observed' style): each record succeeds or fails on its own, in request order, as
//   if written alone after the ones before it; the answer is 2xx even when records failed. A request
//   the API cannot read at all (no tenant, no records, over the cap) is still refused as a whole.
// ASSUMPTION (unpublished): POST /collection-records has no per-request cap (only PUT and DELETE
//   publish one); updates are partial (unlisted columns keep their values); required columns must be
//   non-empty on create and cannot be emptied by an update.
// ASSUMPTION (unpublished): search returns records in creation order; without `searchInput` (or
//   without `matchType`) it matches every record, with matchType All.
// ASSUMPTION (unpublished): columns pulled through a reference (`references.primary: false`) are
//   read-only (422 on write) and read the linked record's value.

import { json, type SandboxResponse } from '../http.ts';
import type { Account, Collection, Column, FieldValue, Module, RateLimitPolicy, SearchLimits, StoredRecord } from './state.ts';

// ---- Envelopes ---------------------------------------------------------------------------------

// ASSUMPTION (unpublished): list endpoints (GET /accounts, /modules, /collections) answer
// { data: [...], total } — a third-party preset reads Asset Panda Pro items from `$.data`.
// OBSERVED (§1.1b): { data: [...] }; the working client reads no total.
export function listEnvelope(items: readonly object[], style: AnswerStyle): { data: readonly object[]; total?: number } {
  return style === 'assumed' ? { data: items, total: items.length } : { data: items };
}

// ASSUMPTION (unpublished): single-item endpoints (GET /account/{id}, /module/{id}, /collection/{id},
// /collection-record/{id}) answer { data: item }.
export function itemEnvelope<T>(item: T): { data: T } {
  return { data: item };
}

// ---- Columns -----------------------------------------------------------------------------------

// OBSERVED (§1.1b): list items "may carry" their flags (a column `deleted`, a collection `isActive`
// and `deleted`). A flag that says something (`deleted: true`, `isActive: false`) is always there;
// one that says nothing new (`deleted: false`, `isActive: true`) is left off every other item, the
// first, third, … (deterministic), so that a reader meets items with and without it.
const carriesQuietFlags = (index: number) => index % 2 === 1;

// ASSUMPTION (unpublished): deleted columns are not listed (the published listing shows none).
// OBSERVED (§1.1b): the listing is wrapped in `data` and lists deleted columns with `deleted: true`.
export function columnsEnvelope<T extends object>(live: T[], deleted: T[], style: AnswerStyle) {
  if (style === 'assumed') return { columns: { all: live } };
  const flagged = [
    ...live.map((column, index) => (carriesQuietFlags(index) ? { ...column, deleted: false } : column)),
    ...deleted.map((column) => ({ ...column, deleted: true })),
  ];
  return { data: { columns: { all: flagged } } };
}

// ASSUMPTION (unpublished): besides the published id/type/displayName/references, each column says
// whether it is `required` and `unique` (Asset Panda fields can be "marked unique"), and list and
// status columns carry their allowed values as `options` (plain labels).
export function columnExtras(column: Column): { required: boolean; unique: boolean; options?: string[] } {
  return {
    required: column.required,
    unique: column.unique,
    ...(column.options ? { options: [...column.options] } : {}),
  };
}

// ---- Records -----------------------------------------------------------------------------------

// ASSUMPTION (unpublished): record ids are ULIDs like collection ids, timed at creation.
export function newRecordId(ulid: (atMs: number) => string, nowMs: number): string {
  return ulid(nowMs);
}

export type ApiRecord = Record<string, FieldValue>;

// ASSUMPTION (unpublished): a record reads back the way it is written (values keyed directly by
// column id, every column present, null when empty), plus id, collectionId, createdAt, updatedAt.
// Column ids start with the collection's ULID, so they never collide with those four keys.
export function apiRecord(collectionId: string, record: StoredRecord, values: Record<string, FieldValue>): ApiRecord {
  return { id: record.id, collectionId, createdAt: record.createdAt, updatedAt: record.updatedAt, ...values };
}

// ASSUMPTION (unpublished): list and status values are written and read as the option label;
// dates as ISO 8601 date or date-time strings; a primary reference column holds the value of the
// referenced column (e.g. the Location's name) and must name an existing record there.
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

// ASSUMPTION (unpublished): uniqueness ignores case and surrounding blanks; empty values never clash.
export function uniquenessKey(value: FieldValue): string | undefined {
  if (value === null) return undefined;
  const key = String(value).trim().toLowerCase();
  return key === '' ? undefined : key;
}

// ---- Search ------------------------------------------------------------------------------------

// ASSUMPTION (unpublished): `filters[].field` is a column id (the same ids the writes use).
// ASSUMPTION (unpublished): operator names and meaning. Every operator compares the value's text
// form, ignoring case and surrounding blanks; an empty value reads as ''.
export const SEARCH_OPERATORS: Record<string, (actual: string, expected: string) => boolean> = {
  equals: (actual, expected) => actual === expected,
  notEquals: (actual, expected) => actual !== expected,
  contains: (actual, expected) => actual.includes(expected),
  notContains: (actual, expected) => !actual.includes(expected),
  startsWith: (actual, expected) => actual.startsWith(expected),
  isEmpty: (actual) => actual === '',
  isNotEmpty: (actual) => actual !== '',
};

export function searchText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim().toLowerCase();
}

// ASSUMPTION (unpublished): without `pagination` a search returns the first 10 records (the
// published example asks for size 10); `size` may be 1..100; like an Elasticsearch index (which
// from/size paging suggests) a search cannot reach past from + size = 10 000. The live API may page
// otherwise (a smaller cap on `size`, `from` ignored): `searchLimits.pageCap` and `ignoresFrom` say so.
export const DEFAULT_PAGINATION = { from: 0, size: 10 } as const;
export const DEFAULT_SEARCH_LIMITS: SearchLimits = { maxSize: 100, maxResultWindow: 10_000 };

// ASSUMPTION (unpublished): the search answer.
// OBSERVED (§1.1b): records under `data.records`, no total; `pagination` is still honoured (the
// working client sends none, so how the live API pages is unknown).
export function searchEnvelope(data: ApiRecord[], total: number, from: number, size: number, style: AnswerStyle) {
  return style === 'assumed' ? { data, total, from, size } : { data: { records: data } };
}

// ---- Writes ------------------------------------------------------------------------------------

// ASSUMPTION (unpublished): create answers 201, update 200, both with the records as read back
// (in the observed style, with the per-record results, whether or not records failed).
export const CREATED = 201;
export function writeEnvelope(records: ApiRecord[]): { data: ApiRecord[] } {
  return { data: records };
}

// OBSERVED (§1.1b): one result per record, { success, errors, index }, in request order; `index` is
// the record's position (from 0). The errors' format was not recorded: here each is an object like
// the error body's entries, without `recordIndex`. A success names no record id (none was recorded).
export function recordResults(failures: Array<ApiFailure | undefined>) {
  return {
    data: {
      records: failures.map((problem, index) => ({
        success: problem === undefined,
        errors: problem ? recordErrors(problem) : [],
        index,
      })),
    },
  };
}

function recordErrors(problem: ApiFailure): Array<Omit<FieldError, 'recordIndex'>> {
  if (problem.errors.length === 0) return [{ message: problem.message }];
  return problem.errors.map(({ recordIndex: _position, ...error }) => error);
}

// ASSUMPTION (unpublished): DELETE /collection-records takes the update envelope with
// `records: [ { recordId } ]` and answers 200 listing what it deleted.
export function deletedRecordId(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const id = (item as { recordId?: unknown }).recordId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
export function deleteEnvelope(recordIds: string[]) {
  return { data: recordIds.map((recordId) => ({ recordId, deleted: true })) };
}

// ---- Errors ------------------------------------------------------------------------------------

// ASSUMPTION (unpublished): every error answers { message, errors: [ { field?, value?, recordIndex?,
// message } ] } (Classic's docs: "all API errors contain a message parameter"). A request the API
// cannot read answers 400; values a column rejects (unknown column, wrong type, value not among the
// options, missing required, not unique) answer 422 — as Classic answers "is not unique".
export interface FieldError {
  /** Position of the record in the request's `records`. */
  recordIndex?: number;
  /** The column id (or the request key) at fault. */
  field?: string;
  value?: unknown;
  message: string;
}

export interface ApiFailure {
  status: 400 | 401 | 403 | 404 | 422 | 429;
  message: string;
  errors: FieldError[];
}

export function failure(status: ApiFailure['status'], message: string, errors: FieldError[] = []): ApiFailure {
  return { status, message, errors };
}

export function errorBody(problem: ApiFailure): { message: string; errors: FieldError[] } {
  return { message: problem.message, errors: problem.errors };
}

// ASSUMPTION (unpublished): when the API is down, the gateway in front of it answers 502 with its own
// HTML page instead of the API's JSON error body, as gateways do (no Asset Panda outage was recorded).
export function gatewayDown(): SandboxResponse {
  return { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
}

// ---- Auth and limits ---------------------------------------------------------------------------

// ASSUMPTION (unpublished): key id and secret formats (the docs only name them "API key (also
// called client ID)" and "API Secret (client secret)").
export const SANDBOX_API_KEYS = {
  readWrite: { name: 'Intune Companion', keyId: 'apk_01J8Z3Q5N2C4V7B9M1K3H5G7F9', secret: 'aps_7fQ2kLm9Xv4Rt8Wz1Yb6Nc3Hd5Jg0Ps2Ue7Ia4Ko' },
  readOnly: { name: 'Reporting (read only)', keyId: 'apk_01J8Z3R0T6Y2U4I8O0P2A4S6D8', secret: 'aps_3Ms8Qn1Bv6Cx0Zl5Kj9Hg2Fd7Sa4Pq8Wr3Et6Yu' },
} as const;

// ASSUMPTION (unpublished): a fixed window per API key with Classic's published budget (400 calls
// per three minutes); over it the API answers 429 with Retry-After in seconds.
export const DEFAULT_RATE_LIMIT: RateLimitPolicy = { limit: 400, windowMs: 180_000 };

/** The answer over the rate limit: 429 with the API's error body, and Retry-After in seconds. */
export function rateLimited(retryAfterSeconds: number): SandboxResponse {
  return json(429, errorBody(failure(429, 'Too many requests. Retry after the rate-limit window resets.')), { 'retry-after': String(retryAfterSeconds) });
}

// ---- Tenant objects ----------------------------------------------------------------------------

// ASSUMPTION (unpublished): the fields of an account, a module and a collection (the docs name the
// endpoints and the `CollectionsResponse` schema but not their bodies).
export function apiAccount(account: Account) {
  return { id: account.id, name: account.name, organizationId: account.organizationId };
}
export function apiModule(module: Module) {
  return { id: module.id, name: module.name, accountId: module.accountId };
}
export function apiCollection(collection: Collection) {
  return { id: collection.id, name: collection.name, accountId: collection.accountId, moduleId: collection.moduleId };
}

// OBSERVED (§1.1b): list items of modules and collections carry `displayName` (the working client
// reads them by displayName first, accounts by name first); collections may carry `isActive` and
// `deleted` (see carriesQuietFlags), the deleted ones still listed. ASSUMPTION: the 'assumed' style lists neither inactive
// nor deleted collections. Single items (GET /module/{id}, /collection/{id}) keep `name`.
export function listedModules(modules: Module[], style: AnswerStyle) {
  return modules.map((module) => (style === 'assumed' ? apiModule(module) : renamed(apiModule(module))));
}
export function listedCollections(live: Collection[], deleted: Collection[], style: AnswerStyle) {
  if (style === 'assumed') return live.filter((collection) => collection.active).map(apiCollection);
  const listed = [...live.map((collection) => [collection, false] as const), ...deleted.map((collection) => [collection, true] as const)];
  return listed.map(([collection, isDeleted], index) => {
    const quiet = !carriesQuietFlags(index);
    return {
      ...renamed(apiCollection(collection)),
      ...(collection.active && quiet ? {} : { isActive: collection.active }),
      ...(!isDeleted && quiet ? {} : { deleted: isDeleted }),
    };
  });
}
function renamed<T extends { name: string }>({ name, ...rest }: T) {
  return { ...rest, displayName: name };
}
