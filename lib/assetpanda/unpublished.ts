import { z } from 'zod';
import type { UniqueViolation } from './errors';
import { assumed } from './expectations';
import { COLUMN_ID, envelope, recordQuery } from './published';
import type { AssetRecord, CollectionRef, FieldValues, Named, Tenant } from './types';

/**
 * Every Asset Panda Pro API format the public docs do NOT publish, in one place. Each is an
 * assumption, stated in its comment and in the expectation that checks it, so that an answer which
 * differs names the assumption it broke. Correct them here from a live probe.
 */

// ---- Discovery ---------------------------------------------------------------------------------

const NamedSchema = z.looseObject({ id: z.string().min(1), name: z.string() }).transform(({ id, name }): Named => ({ id, name }));

// ASSUMPTION: list endpoints answer { data: [...] } (a third-party preset for this API reads its
// items from `$.data`), possibly with a `total`, and hold every item in one answer: no paging.
function completeList<T>(item: z.ZodType<T>) {
  return z
    .object({ data: z.array(item), total: z.number().optional() })
    .refine((body) => body.total === undefined || body.total <= body.data.length, {
      message: 'total counts more items than the answer holds, so the list is paged',
    })
    .transform((body) => body.data);
}

// ASSUMPTION: an account, module and collection each carry at least `id` and `name`.
export const ACCOUNT_LIST = assumed(
  'account-list',
  'GET /accounts answers { data: [ { id, name } ] } holding every account of the API key, unpaged.',
  completeList(NamedSchema),
);

// ASSUMPTION: GET /modules ("by account") takes the account as `accountId`.
export function modulesQuery(accountId: string): Record<string, string> {
  return { accountId };
}

export const MODULE_LIST = assumed(
  'module-list',
  'GET /modules?accountId= answers { data: [ { id, name } ] } holding every module of the account, unpaged.',
  completeList(NamedSchema),
);

// ASSUMPTION: the unpublished `CollectionsResponse` is the same list envelope.
export const COLLECTION_LIST = assumed(
  'collection-list',
  'GET /collections answers { data: [ { id, name } ] } holding every collection of the module, unpaged.',
  completeList(NamedSchema),
);

// ---- Columns -----------------------------------------------------------------------------------

// ASSUMPTION: GET /collection-columns takes the record read's query parameters (collectionId,
// accountId, moduleId); the reference names the endpoint but not its parameters.
export const columnsQuery = recordQuery;

// ASSUMPTION: besides the published id, type, displayName and references, each column says whether
// it is `required` and `unique` (the web app lets a field be "marked unique"), and list and status
// columns carry their allowed values as `options`, plain labels.
export const COLUMN_FLAGS = assumed(
  'column-flags',
  'Each column in columns.all[] also carries required and unique as booleans, and list and status columns their options as strings.',
  z
    .object({
      columns: z.object({
        all: z.array(z.looseObject({ required: z.boolean(), unique: z.boolean(), options: z.array(z.string()).optional() })),
      }),
    })
    .transform((body) => body.columns.all),
);

// ---- Records -----------------------------------------------------------------------------------

const FieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

// ASSUMPTION: a record reads the way it is written — values keyed directly by column id — plus an
// `id`; any other key (timestamps and the like) is metadata. Values are strings, numbers, booleans
// or null, list and status values being their label.
const RecordSchema = z
  .looseObject({ id: z.string().min(1) })
  .superRefine((record, context) => {
    for (const [key, value] of Object.entries(record)) {
      if (COLUMN_ID.test(key) && !FieldValueSchema.safeParse(value).success) {
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

// ASSUMPTION: the search answers { data: [record…], total }, `total` counting every match.
export const SEARCH_RESULT = assumed(
  'search-result',
  `POST /collection-records/search answers { data: [record…], total } with total counting every match, ${RECORD_STATEMENT}.`,
  z.object({ data: z.array(RecordSchema), total: z.number().int().nonnegative() }),
);

// ---- Writes ------------------------------------------------------------------------------------

// ASSUMPTION: create has no published cap; keeping it to the update cap means no hidden one bites.
export const CREATE_LIMIT = 5;

// ASSUMPTION: create and update answer { data: [record…] }, the records as stored, in request order.
export const WRITE_RESULT = assumed(
  'write-result',
  `POST and PUT /collection-records answer { data: [record…] } in the order of the request, ${RECORD_STATEMENT}.`,
  z.object({ data: z.array(RecordSchema) }).transform((body) => body.data),
);

// ASSUMPTION: DELETE /collection-records takes the update's envelope with `records: [ { recordId } ]`.
export function deleteBody(collection: CollectionRef, recordIds: readonly string[]) {
  return { ...envelope(collection), records: recordIds.map((recordId) => ({ recordId })) };
}

// ASSUMPTION: the delete answers { data: [ { recordId } ] }, naming the records it deleted.
export const DELETE_RESULT = assumed(
  'delete-result',
  'DELETE /collection-records answers { data: [ { recordId } ] } naming the deleted records.',
  z.object({ data: z.array(z.looseObject({ recordId: z.string() })) }).transform((body) => body.data.map((item) => item.recordId)),
);

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
// "is not unique") with an `errors` entry whose `field` is the column id, `value` the value (when
// given) and whose message says "unique".
export function uniqueViolations(status: number, body: ErrorBody | undefined): UniqueViolation[] {
  if ((status !== 409 && status !== 422) || !body?.errors) return [];
  return body.errors.flatMap((error) =>
    error.field && /\bunique\b/i.test(error.message)
      ? [{ fieldId: error.field, value: error.value, ...(error.recordIndex === undefined ? {} : { recordIndex: error.recordIndex }) }]
      : [],
  );
}

/** Every assumed answer format, for the diagnostics report. */
export const UNPUBLISHED_EXPECTATIONS = [
  ACCOUNT_LIST,
  MODULE_LIST,
  COLLECTION_LIST,
  COLUMN_FLAGS,
  RECORD_READ,
  SEARCH_RESULT,
  WRITE_RESULT,
  DELETE_RESULT,
  ERROR_BODY,
];

// ---- Rate limits -------------------------------------------------------------------------------

// ASSUMPTION: over its budget (unpublished; Classic's is 400 calls per three minutes) the API
// answers 429, with Retry-After in seconds or as an HTTP date when it says how long to wait.
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
