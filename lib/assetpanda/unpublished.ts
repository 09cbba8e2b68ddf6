import { z } from 'zod';
import { AssetPandaError, type ErrorDetail, type UniqueViolation } from './errors';
import { assumed, eitherOf } from './expectations';
import { COLUMN_ID, COLUMN_LISTING, envelope, recordQuery } from './published';
import type { AssetRecord, CollectionRef, FieldValues, Named, Tenant } from './types';

/**
 * Every Asset Panda Pro API format the public docs do NOT publish, in one place. Each is an
 * assumption, stated in its comment and in the expectation that checks it, so that an answer which
 * differs names the assumption it broke. Correct them here from a live probe.
 */

// ---- Discovery ---------------------------------------------------------------------------------

// OBSERVED (§1.1b): list items carry `id` and their name as `name` or as `displayName`; a working
// client reads accounts by `name` first, modules and collections by `displayName` first.
const NAMED_ITEM = { id: z.string().min(1), name: z.string().optional(), displayName: z.string().optional() };
type NamedItem = { id: string; name?: string; displayName?: string };
const hasName = (item: NamedItem) => item.name !== undefined || item.displayName !== undefined;
const NAMELESS = { message: 'an item is named by name or displayName', path: ['name'] };

function named(item: NamedItem, first: 'name' | 'displayName'): Named {
  const name = first === 'name' ? (item.name ?? item.displayName) : (item.displayName ?? item.name);
  return { id: item.id, name: name ?? '' };
}

// ASSUMPTION: list endpoints answer { data: [...] } (a third-party preset for this API reads its
// items from `$.data`, and a working client reads them there), possibly with a `total`, and hold
// every item in one answer: no paging.
function completeList<T>(item: z.ZodType<T>) {
  return z
    .object({ data: z.array(item), total: z.number().optional() })
    .refine((body) => body.total === undefined || body.total <= body.data.length, {
      message: 'total counts more items than the answer holds, so the list is paged',
    })
    .transform((body) => body.data);
}

export const ACCOUNT_LIST = assumed(
  'account-list',
  'GET /accounts answers { data: [ { id, name or displayName } ] } holding every account of the API key, unpaged.',
  completeList(z.looseObject(NAMED_ITEM).refine(hasName, NAMELESS)).transform((items) => items.map((item) => named(item, 'name'))),
);

// ASSUMPTION: GET /modules ("by account") takes the account as `accountId` (as a working client sends it).
export function modulesQuery(accountId: string): Record<string, string> {
  return { accountId };
}

export const MODULE_LIST = assumed(
  'module-list',
  'GET /modules?accountId= answers { data: [ { id, displayName or name } ] } holding every module of the account, unpaged.',
  completeList(z.looseObject(NAMED_ITEM).refine(hasName, NAMELESS)).transform((items) => items.map((item) => named(item, 'displayName'))),
);

// ASSUMPTION: the unpublished `CollectionsResponse` is the same list envelope.
// OBSERVED (§1.1b): a collection may carry `isActive` and `deleted`; inactive and deleted ones are not offered.
export const COLLECTION_LIST = assumed(
  'collection-list',
  'GET /collections answers { data: [ { id, displayName or name, isActive?, deleted? } ] } holding every collection of the module, unpaged; ' +
    'those with isActive: false or deleted: true are left out.',
  completeList(z.looseObject({ ...NAMED_ITEM, isActive: z.boolean().optional(), deleted: z.boolean().optional() }).refine(hasName, NAMELESS)).transform(
    (items) => items.filter((item) => item.isActive !== false && item.deleted !== true).map((item) => named(item, 'displayName')),
  ),
);

// ---- Columns -----------------------------------------------------------------------------------

// ASSUMPTION: GET /collection-columns takes the record read's query parameters (collectionId,
// accountId, moduleId); the reference names the endpoint but not its parameters (a working client
// sends the same three).
export const columnsQuery = recordQuery;

// OBSERVED (§1.1b): the live API wraps the published listing in `data`.
const COLUMN_LISTING_IN_DATA = assumed(
  'column-listing-in-data',
  'Fetch Collection Columns answers the published listing wrapped in data, { data: { columns: { all: [ { id, type, displayName, references? } ] } } }, as a working client observed.',
  z.object({ data: COLUMN_LISTING.schema }).transform((body) => body.data),
);

/** The column listing in either evidenced shape. */
export const COLUMN_LISTINGS = eitherOf(COLUMN_LISTING, COLUMN_LISTING_IN_DATA);

// ASSUMPTION: besides the published id, type, displayName and references, each column says whether
// it is `required` and `unique` (the web app lets a field be "marked unique"), and list and status
// columns carry their allowed values as `options`, plain labels.
// OBSERVED (§1.1b): a column may carry `deleted: true`; such a column is no field to offer.
const ColumnFlagsSchema = z
  .object({
    columns: z.object({
      all: z.array(
        z.looseObject({ required: z.boolean(), unique: z.boolean(), options: z.array(z.string()).optional(), deleted: z.boolean().optional() }),
      ),
    }),
  })
  .transform((body) => body.columns.all);

const COLUMN_FLAGS = assumed(
  'column-flags',
  'Each column in columns.all[] also carries required and unique as booleans, list and status columns their options as strings, and a deleted column deleted: true.',
  ColumnFlagsSchema,
);

const COLUMN_FLAGS_IN_DATA = assumed(
  'column-flags-in-data',
  'The same per-column flags in the listing wrapped in data (data.columns.all[]).',
  z.object({ data: ColumnFlagsSchema }).transform((body) => body.data),
);

export const COLUMN_FLAG_SETS = eitherOf(COLUMN_FLAGS, COLUMN_FLAGS_IN_DATA);

// ---- Records -----------------------------------------------------------------------------------

/** A field value: a string, number, boolean or null (checked per value of every record, so without zod's overhead). */
function isFieldValue(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

// ASSUMPTION: a record reads the way it is written — values keyed directly by column id — plus an
// `id`; any other key (timestamps and the like) is metadata. Values are strings, numbers, booleans
// or null, list and status values being their label.
const RecordSchema = z
  .looseObject({ id: z.string().min(1) })
  .superRefine((record, context) => {
    for (const [key, value] of Object.entries(record)) {
      if (COLUMN_ID.test(key) && !isFieldValue(value)) {
        context.addIssue({ code: 'custom', path: [key], message: 'a field value should be a string, number, boolean or null' });
      }
    }
  })
  .transform((record): AssetRecord => ({
    id: record.id,
    values: Object.fromEntries(Object.entries(record).filter(([key]) => COLUMN_ID.test(key))) as FieldValues,
  }));

const RECORD_STATEMENT = 'a record being { id, …values keyed by column id } with string, number, boolean or null values';

// ASSUMPTION: the single read wraps the record as { data: record }.
export const RECORD_READ = assumed(
  'record-read',
  `GET /collection-record/{recordId} answers { data: record }, ${RECORD_STATEMENT}.`,
  z.object({ data: RecordSchema }).transform((body) => body.data),
);

// ---- Search ------------------------------------------------------------------------------------

// ASSUMPTION: `filters[].field` takes the column id — the ids the writes use — although the
// published example writes "fieldName".
// ASSUMPTION: operator `equals` matches the whole value; only `contains` appears in the docs.
export const EXACT_MATCH_OPERATOR = 'equals';

// ASSUMPTION: `pagination.size` may be up to 100 (the published example asks for 10).
export const SEARCH_PAGE_SIZE = 100;

// ASSUMPTION: a record just written may take a moment to be found by a search (from/size paging
// suggests a search index, refreshed about once a second, not the records themselves). A create
// whose answer was lost is looked for again after this long before it is sent again.
export const SEARCH_CATCH_UP_MS = 3_000;

interface SearchAnswer {
  records: AssetRecord[];
  /** Every match, when the answer counts them. */
  total?: number;
}

// ASSUMPTION: the search answers { data: [record…], total }, `total` counting every match.
const SEARCH_RESULT = assumed(
  'search-result',
  `POST /collection-records/search answers { data: [record…], total } with total counting every match, ${RECORD_STATEMENT}.`,
  z.object({ data: z.array(RecordSchema), total: z.number().int().nonnegative() }).transform((body): SearchAnswer => ({ records: body.data, total: body.total })),
);

// OBSERVED (§1.1b): the records come under `data.records`, with no total that a client reads.
const SEARCH_RECORDS = assumed(
  'search-records',
  'POST /collection-records/search answers { data: { records: [record…] } } (as a working client observed), without a total: ' +
    `the listing ends at the first empty page, ${RECORD_STATEMENT}.`,
  z.object({ data: z.object({ records: z.array(RecordSchema) }) }).transform((body): SearchAnswer => ({ records: body.data.records })),
);

export const SEARCH_RESULTS = eitherOf(SEARCH_RESULT, SEARCH_RECORDS);

// ASSUMPTION: the search pages by the published `pagination` ({ from, size }) over a stable order,
// so that no record comes twice. How the live API pages is not evidenced (the working client sends
// no pagination): it may cap `size` below what is asked (a default of 25, say) or give no total. So
// the client trusts neither the page size nor a short page: with a total it reads until `from`
// reaches it, without one until a page comes back empty. A page holding a record an earlier page
// held means `from` is not honoured (or the order moved under the listing): read on, it would never
// end or would count records twice, so the listing fails with this message instead.
export function repeatedRecordMessage(recordId: string, subject: string, from: number): string {
  return (
    `Asset Panda listed record ${recordId} of ${subject} again on the page from ${from}, so it does not page the search the way the extension ` +
    `assumes (pagination by from and size, each record once). The extension stopped reading rather than miss or double records; nothing was written. ` +
    'Use "Export diagnostics" on the options page to report it.'
  );
}

// ---- Writes ------------------------------------------------------------------------------------

// ASSUMPTION: create has no published cap; keeping it to the update cap means no hidden one bites.
export const CREATE_LIMIT = 5;

/** One record's result in a write answer, in the order of the request. */
export type RecordResult = { written: true; recordId?: string; record?: AssetRecord } | { written: false; errors: ErrorDetail[] };

// ASSUMPTION: create and update answer { data: [record…] }, the records as stored, in request order.
const WRITE_RESULT = assumed(
  'write-result',
  `POST and PUT /collection-records answer { data: [record…] } in the order of the request, ${RECORD_STATEMENT}.`,
  z.object({ data: z.array(RecordSchema) }).transform((body) => body.data.map((record): RecordResult => ({ written: true, recordId: record.id, record }))),
);

// OBSERVED (§1.1b): one result per record, { success, errors, index }, and a 2xx answer can hold
// failures (success: false: that record was not written). The working client pairs results with
// records by position and prints each error as text.
// ASSUMPTION: `index`, when given, is that position, counted from 0. An error is a text, or an
// object read like the error body's entries ({ message, field?, value? }). A result may name the
// written record by `id` (not observed: read when present; otherwise a new record's id is unknown).
const RecordResultSchema = z.looseObject({
  success: z.boolean(),
  errors: z.array(z.unknown()).nullish(),
  index: z.number().int().nonnegative().optional(),
  id: z.string().min(1).optional(),
});

/** One result per record, in request order, each `index` (when given) being its position. */
const RecordResultsSchema = z
  .object({
    data: z.object({
      records: z.array(RecordResultSchema).superRefine((results, context) => {
        results.forEach((result, position) => {
          if (result.index !== undefined && result.index !== position) {
            context.addIssue({ code: 'custom', path: [position, 'index'], message: `index ${result.index} is not the result's position ${position}` });
          }
        });
      }),
    }),
  })
  .transform((body) =>
    body.data.records.map((result): RecordResult =>
      result.success ? { written: true, ...(result.id ? { recordId: result.id } : {}) } : { written: false, errors: (result.errors ?? []).map(errorDetail) },
    ),
  );

const WRITE_RECORD_RESULTS = assumed(
  'write-record-results',
  'POST and PUT /collection-records answer { data: { records: [ { success, errors, index } ] } } (as a working client observed): one result per record, ' +
    'in the order of the request (index being its position from 0); success: false means that record was not written, errors saying why.',
  RecordResultsSchema,
);

/** A write answer in either evidenced shape. */
export const WRITE_RESULTS = eitherOf(WRITE_RESULT, WRITE_RECORD_RESULTS);

const ErrorObjectSchema = z.looseObject({ message: z.string().optional(), field: z.string().optional(), value: z.unknown().optional() });

function errorDetail(raw: unknown): ErrorDetail {
  if (typeof raw === 'string') return { message: raw };
  const parsed = ErrorObjectSchema.safeParse(raw);
  if (!parsed.success) return { message: String(raw) };
  const { message, field, value } = parsed.data;
  return { message: message ?? JSON.stringify(raw), ...(field ? { field } : {}), ...(value === undefined ? {} : { value }) };
}

// ASSUMPTION: a write answered with an error wrote nothing (all or nothing). When every entry of
// its `errors` names a record of the request by `recordIndex`, those records are at fault and the
// others were only held back by them; otherwise the request as a whole was refused.
export function faultsByRecord(details: readonly ErrorDetail[] | undefined, recordCount: number): Map<number, ErrorDetail[]> | undefined {
  if (!details || details.length === 0) return undefined;
  const byRecord = new Map<number, ErrorDetail[]>();
  for (const detail of details) {
    const index = detail.recordIndex;
    if (index === undefined || index >= recordCount) return undefined;
    byRecord.set(index, [...(byRecord.get(index) ?? []), detail]);
  }
  return byRecord;
}

// ASSUMPTION: DELETE /collection-records takes the update's envelope with `records: [ { recordId } ]`.
export function deleteBody(collection: CollectionRef, recordIds: readonly string[]) {
  return { ...envelope(collection), records: recordIds.map((recordId) => ({ recordId })) };
}

/** What a delete answer says: the records it names as deleted, or one result per record. */
export type DeleteAnswer = { deleted: string[] } | { results: RecordResult[] };

// ASSUMPTION: the delete answers { data: [ { recordId } ] }, naming the records it deleted.
const DELETE_RESULT = assumed(
  'delete-result',
  'DELETE /collection-records answers { data: [ { recordId } ] } naming the deleted records.',
  z.object({ data: z.array(z.looseObject({ recordId: z.string() })) }).transform((body): DeleteAnswer => ({ deleted: body.data.map((item) => item.recordId) })),
);

// ASSUMPTION: the delete may answer like the writes a working client observed (§1.1b), one result
// per record in request order, a 2xx answer holding the records it did not delete.
const DELETE_RECORD_RESULTS = assumed(
  'delete-record-results',
  'DELETE /collection-records answers { data: { records: [ { success, errors, index } ] } } like the writes: one result per record, in the order of the request.',
  RecordResultsSchema.transform((results): DeleteAnswer => ({ results })),
);

/** A delete answer in either shape. */
export const DELETE_RESULTS = eitherOf(DELETE_RESULT, DELETE_RECORD_RESULTS);

// ASSUMPTION: a delete naming a record that is no longer there answers 404 as a whole (nothing
// deleted). Alone in its request, that record is gone already, which is what the delete wanted:
// it counts as deleted (a delete sent again after a lost answer meets exactly this). In a request
// of several, which one is gone is not said: each is sent again alone.
export function isGoneAlready(error: unknown): boolean {
  return error instanceof AssetPandaError && error.kind === 'not-found';
}

// ASSUMPTION: the API checks the key's permission before it reads a write's body, so an update of
// no records changes nothing and answers 403 for a key without write permission, and a success or
// a "bad request" for a key that has it. An empty `records` keeps the check free of side effects.
export function writeProbeBody({ accountId, moduleId, collectionId }: Tenant & { collectionId?: string }) {
  return { tenant: { accountId, moduleId }, ...(collectionId ? { collectionId } : {}), records: [] };
}

// ---- Errors ------------------------------------------------------------------------------------

// ASSUMPTION: every error answers { message, errors?: [ { field?, value?, recordIndex?, message } ] }
// — Classic's API documents that "all API errors contain a message parameter".
export const ERROR_BODY = assumed(
  'error-body',
  'Errors answer { message, errors?: [ { field?, value?, recordIndex?, message } ] }.',
  z.looseObject({
    message: z.string(),
    errors: z
      .array(
        z.looseObject({
          field: z.string().optional(),
          value: z.unknown().optional(),
          recordIndex: z.number().int().nonnegative().optional(),
          message: z.string(),
        }),
      )
      .optional(),
  }),
);
export type ErrorBody = z.infer<typeof ERROR_BODY.schema>;

// ASSUMPTION: a value that a unique field already holds answers 409 or 422 (Classic answers 422
// "is not unique") — or fails that record inside a per-record answer — with an error whose `field`
// is the column id, `value` the value (when given) and whose message says "unique".
export function isUniqueViolation(detail: ErrorDetail): detail is ErrorDetail & { field: string } {
  return detail.field !== undefined && detail.field !== '' && /\bunique\b/i.test(detail.message);
}

export function uniqueViolations(status: number, body: ErrorBody | undefined): UniqueViolation[] {
  if ((status !== 409 && status !== 422) || !body?.errors) return [];
  return body.errors.flatMap((error) =>
    isUniqueViolation(error)
      ? [{ fieldId: error.field, value: error.value, ...(error.recordIndex === undefined ? {} : { recordIndex: error.recordIndex }) }]
      : [],
  );
}

/** Every assumed answer format, for the diagnostics report. */
export const UNPUBLISHED_EXPECTATIONS = [
  ACCOUNT_LIST,
  MODULE_LIST,
  COLLECTION_LIST,
  COLUMN_LISTING_IN_DATA,
  COLUMN_FLAGS,
  COLUMN_FLAGS_IN_DATA,
  RECORD_READ,
  SEARCH_RESULT,
  SEARCH_RECORDS,
  WRITE_RESULT,
  WRITE_RECORD_RESULTS,
  DELETE_RESULT,
  DELETE_RECORD_RESULTS,
  ERROR_BODY,
];

// ---- Rate limits -------------------------------------------------------------------------------

// ASSUMPTION: over its budget (unpublished; Classic's is 400 calls per three minutes) the API
// answers 429, with the standard Retry-After header (seconds or an HTTP date, read by lib/retry.ts)
// when it says how long to wait.
