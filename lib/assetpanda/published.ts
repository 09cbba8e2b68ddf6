import { z } from 'zod';
import { published } from './expectations';
import type { CollectionRef, FieldValues, RecordUpdate, Tenant } from './types';

/** Authentication: two static headers holding the key pair from Settings → API Configuration. */
export const ACCESS_KEY_ID_HEADER = 'Access-Key-Id';
export const ACCESS_KEY_SECRET_HEADER = 'Access-Key-Secret';

/**
 * What docs.api.assetpanda.app publishes, followed to the letter (project reference
 * asset-panda-and-peers.md §1.1 and §1.1a). Everything the docs leave open is in unpublished.ts.
 */

export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** With `{param}` placeholders; also the operation's name in errors and diagnostics. */
  path: string;
  /** Reads may be retried after any transient failure, writes only after a 429. */
  effect: 'read' | 'write';
}

/** The endpoints of the API reference index that the client uses. */
export const ENDPOINTS = {
  accounts: { method: 'GET', path: '/accounts', effect: 'read' },
  modules: { method: 'GET', path: '/modules', effect: 'read' },
  collections: { method: 'GET', path: '/collections', effect: 'read' },
  columns: { method: 'GET', path: '/collection-columns', effect: 'read' },
  search: { method: 'POST', path: '/collection-records/search', effect: 'read' },
  record: { method: 'GET', path: '/collection-record/{recordId}', effect: 'read' },
  create: { method: 'POST', path: '/collection-records', effect: 'write' },
  update: { method: 'PUT', path: '/collection-records', effect: 'write' },
  delete: { method: 'DELETE', path: '/collection-records', effect: 'write' },
} as const satisfies Record<string, Endpoint>;

/** "can process at most 5 records per request" — PUT and DELETE /collection-records. */
export const UPDATE_LIMIT = 5;
export const DELETE_LIMIT = 5;

/** `GET /collections?accountId=&moduleId=`. */
export function collectionsQuery({ accountId, moduleId }: Tenant): Record<string, string> {
  return { accountId, moduleId };
}

/** `GET /collection-record/{recordId}` takes `collectionId`, `accountId` and `moduleId`. */
export function recordQuery({ collectionId, accountId, moduleId }: CollectionRef): Record<string, string> {
  return { collectionId, accountId, moduleId };
}

/** The envelope of every record request: `{ tenant: { accountId, moduleId }, collectionId }`. */
export function envelope({ accountId, moduleId, collectionId }: CollectionRef) {
  return { tenant: { accountId, moduleId }, collectionId };
}

/** `POST /collection-records`: each record is its values keyed directly by column id. */
export function createBody(collection: CollectionRef, records: readonly FieldValues[]) {
  return { ...envelope(collection), records: records.map((values) => ({ ...values })) };
}

/** `PUT /collection-records`: the same, and "every record should contain recordId". */
export function updateBody(collection: CollectionRef, updates: readonly RecordUpdate[]) {
  return { ...envelope(collection), records: updates.map(({ recordId, values }) => ({ ...values, recordId })) };
}

/** `POST /collection-records/search`, as in the "Search Collection Records" guide. */
export function searchBody(
  collection: CollectionRef,
  filters: ReadonlyArray<{ field: string; operator: string; value: string }>,
  pagination: { from: number; size: number },
) {
  return {
    ...envelope(collection),
    searchInput: { selection: { matchType: 'All', filters: [...filters] } },
    pagination,
  };
}

/** A column id is `<collectionId>_<n>_<name>_<type>`, the collection id a 26-character ULID. */
export const COLUMN_ID = /^[0-9A-HJKMNP-TV-Z]{26}_\d+_\S+$/;

const DATATYPE = /^ap:\/\/system\/datatype\/([\w-]+)$/;

const ColumnSchema = z.looseObject({
  id: z.string().regex(COLUMN_ID, 'a column id looks like <collectionId>_<n>_<name>_<type>'),
  type: z.string().regex(DATATYPE, 'a column type looks like ap://system/datatype/<type>'),
  displayName: z.string(),
  references: z
    .object({
      primary: z.boolean(),
      entityType: z.string(),
      entityId: z.string(),
      columnId: z.string(),
      pullFromId: z.string(),
    })
    .optional(),
});
export type PublishedColumn = z.infer<typeof ColumnSchema>;

export const COLUMN_LISTING = published(
  'column-listing',
  'Fetch Collection Columns answers { columns: { all: [ { id, type: "ap://system/datatype/<type>", displayName, references? } ] } }.',
  z.object({ columns: z.object({ all: z.array(ColumnSchema) }) }).transform((body) => body.columns.all),
);

/** `ap://system/datatype/text` → `text`. */
export function datatypeOf(column: PublishedColumn): string {
  return DATATYPE.exec(column.type)?.[1] ?? column.type;
}
