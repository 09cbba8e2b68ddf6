import { inBatches } from './batches';
import { createShapeLog } from './diagnostics';
import { AssetPandaError, NotUniqueError } from './errors';
import { readAnswer, type Expectation } from './expectations';
import {
  collectionsQuery,
  COLUMN_LISTING,
  createBody,
  datatypeOf,
  DELETE_LIMIT,
  ENDPOINTS,
  recordQuery,
  searchBody,
  UPDATE_LIMIT,
  updateBody,
} from './published';
import { createTransport, type Call, type TransportOptions } from './transport';
import type { AssetRecord, CollectionRef, Field, FieldMatch, FieldValues, Named, RecordPage, RecordUpdate, Tenant } from './types';
import {
  ACCOUNT_LIST,
  COLLECTION_LIST,
  COLUMN_FLAGS,
  columnsQuery,
  CREATE_LIMIT,
  DELETE_RESULT,
  deleteBody,
  EXACT_MATCH_OPERATOR,
  MODULE_LIST,
  modulesQuery,
  RECORD_READ,
  SEARCH_PAGE_SIZE,
  SEARCH_RESULT,
  WRITE_RESULT,
  writeProbeBody,
} from './unpublished';

/** Everything the extension does with Asset Panda Pro records, in the client's own terms. */
export interface AssetPandaClient {
  listAccounts(): Promise<Named[]>;
  listModules(accountId: string): Promise<Named[]>;
  listCollections(tenant: Tenant): Promise<Named[]>;
  listFields(collection: CollectionRef): Promise<Field[]>;
  /** One page of the records whose field holds the value (every record without a match); `from` and `size` as the API pages. */
  searchRecords(collection: CollectionRef, match: FieldMatch | undefined, page?: { from?: number; size?: number }): Promise<RecordPage>;
  /** Every record whose field holds the value, page after page. */
  searchAllRecords(collection: CollectionRef, match: FieldMatch): AsyncGenerator<AssetRecord>;
  getRecord(collection: CollectionRef, recordId: string): Promise<AssetRecord>;
  createRecord(collection: CollectionRef, values: FieldValues): Promise<AssetRecord>;
  /** Created in requests of at most CREATE_LIMIT records; the answer keeps the input's order. */
  createRecords(collection: CollectionRef, records: readonly FieldValues[]): Promise<AssetRecord[]>;
  updateRecord(collection: CollectionRef, update: RecordUpdate): Promise<AssetRecord>;
  /** Updated in requests of at most 5 records (the Pro cap). */
  updateRecords(collection: CollectionRef, updates: readonly RecordUpdate[]): Promise<AssetRecord[]>;
  deleteRecord(collection: CollectionRef, recordId: string): Promise<void>;
  /** Deleted in requests of at most 5 records (the Pro cap). */
  deleteRecords(collection: CollectionRef, recordIds: readonly string[]): Promise<void>;
  /** Whether the key may write records in the module; asks without changing anything. */
  canWriteRecords(target: Tenant & { collectionId?: string }): Promise<boolean>;
}

export function createAssetPandaClient(options: TransportOptions): AssetPandaClient {
  const send = createTransport(options);
  const log = options.log ?? createShapeLog();
  const read = async <T>(expectation: Expectation<T>, call: Call) => readAnswer(expectation, await send(call), log);
  /** Field lists by collection, to name the field in a uniqueness error. */
  const fieldLists = new Map<string, Field[]>();

  async function listFields(collection: CollectionRef): Promise<Field[]> {
    const call: Call = { endpoint: ENDPOINTS.columns, query: columnsQuery(collection), subject: `collection ${collection.collectionId}` };
    const answer = await send(call);
    const columns = readAnswer(COLUMN_LISTING, answer, log);
    const flags = readAnswer(COLUMN_FLAGS, answer, log);
    const fields = columns.map((column, index): Field => {
      const { required, unique, options: allowed } = flags[index] ?? { required: false, unique: false };
      const reference = column.references;
      return {
        id: column.id,
        name: column.displayName,
        type: datatypeOf(column),
        required,
        unique,
        ...(allowed ? { options: allowed } : {}),
        ...(reference ? { reference: { collectionId: reference.entityId, fieldId: reference.columnId, primary: reference.primary } } : {}),
      };
    });
    fieldLists.set(collection.collectionId, fields);
    return fields;
  }

  /** Rewords a uniqueness error with the fields' names and the values the batch sent. */
  async function explained(error: unknown, collection: CollectionRef, batch: ReadonlyArray<FieldValues>, offset: number): Promise<unknown> {
    if (!(error instanceof NotUniqueError)) return error;
    let fields: Field[] = [];
    try {
      fields = fieldLists.get(collection.collectionId) ?? (await listFields(collection));
    } catch {
      // Without the names the error still names the field by its id.
    }
    return new NotUniqueError(
      error.violations.map((violation) => {
        const sent = violation.recordIndex === undefined ? undefined : batch[violation.recordIndex]?.[violation.fieldId];
        const name = fields.find((field) => field.id === violation.fieldId)?.name;
        return {
          ...violation,
          ...(name ? { fieldName: name } : {}),
          value: violation.value ?? sent,
          ...(violation.recordIndex === undefined ? {} : { recordIndex: violation.recordIndex + offset }),
        };
      }),
      error.status ?? 422,
    );
  }

  const client: AssetPandaClient = {
    listAccounts: () => read(ACCOUNT_LIST, { endpoint: ENDPOINTS.accounts, subject: 'the accounts of this API key' }),

    listModules: (accountId) => read(MODULE_LIST, { endpoint: ENDPOINTS.modules, query: modulesQuery(accountId), subject: `account ${accountId}` }),

    listCollections: (tenant) =>
      read(COLLECTION_LIST, {
        endpoint: ENDPOINTS.collections,
        query: collectionsQuery(tenant),
        subject: `module ${tenant.moduleId} of account ${tenant.accountId}`,
      }),

    listFields,

    async searchRecords(collection, match, page = {}) {
      const from = page.from ?? 0;
      const size = Math.min(page.size ?? SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE);
      const filters = match ? [{ field: match.fieldId, operator: EXACT_MATCH_OPERATOR, value: match.value }] : [];
      const { data, total } = await read(SEARCH_RESULT, {
        endpoint: ENDPOINTS.search,
        body: searchBody(collection, filters, { from, size }),
        subject: `collection ${collection.collectionId}`,
      });
      const reached = from + data.length;
      return { records: data, total, ...(data.length > 0 && reached < total ? { next: reached } : {}) };
    },

    async *searchAllRecords(collection, match) {
      let from: number | undefined = 0;
      while (from !== undefined) {
        const page: RecordPage = await client.searchRecords(collection, match, { from });
        yield* page.records;
        from = page.next;
      }
    },

    getRecord: (collection, recordId) =>
      read(RECORD_READ, { endpoint: ENDPOINTS.record, params: { recordId }, query: recordQuery(collection), subject: `record ${recordId}` }),

    async createRecord(collection, values) {
      return single(await client.createRecords(collection, [values]), 'create');
    },

    createRecords: (collection, records) =>
      inBatches(records, CREATE_LIMIT, 'created', async (batch, offset) => {
        try {
          const created = await read(WRITE_RESULT, {
            endpoint: ENDPOINTS.create,
            body: createBody(collection, batch),
            subject: `the new records in collection ${collection.collectionId}`,
          });
          return sameCount(created, batch.length, 'create');
        } catch (error) {
          throw await explained(error, collection, batch, offset);
        }
      }),

    async updateRecord(collection, update) {
      return single(await client.updateRecords(collection, [update]), 'update');
    },

    updateRecords: (collection, updates) =>
      inBatches(updates, UPDATE_LIMIT, 'updated', async (batch, offset) => {
        try {
          const updated = await read(WRITE_RESULT, {
            endpoint: ENDPOINTS.update,
            body: updateBody(collection, batch),
            subject: `the records to update in collection ${collection.collectionId}`,
          });
          return sameCount(updated, batch.length, 'update');
        } catch (error) {
          throw await explained(error, collection, batch.map((update) => update.values), offset);
        }
      }),

    async deleteRecord(collection, recordId) {
      await client.deleteRecords(collection, [recordId]);
    },

    async deleteRecords(collection, recordIds) {
      await inBatches(recordIds, DELETE_LIMIT, 'deleted', (batch) =>
        read(DELETE_RESULT, {
          endpoint: ENDPOINTS.delete,
          body: deleteBody(collection, batch),
          subject: `the records to delete in collection ${collection.collectionId}`,
        }),
      );
    },

    async canWriteRecords(target) {
      try {
        await send({ endpoint: ENDPOINTS.update, body: writeProbeBody(target), subject: 'an empty update (the write-permission check)' });
        return true;
      } catch (error) {
        if (!(error instanceof AssetPandaError) || (error.kind !== 'forbidden' && error.kind !== 'rejected')) throw error;
        return error.kind === 'rejected';
      }
    },
  };
  return client;
}

/** A write answered for a different number of records than it sent: the assumed shape does not hold. */
function sameCount(records: AssetRecord[], expected: number, verb: string): AssetRecord[] {
  if (records.length === expected) return records;
  throw new AssetPandaError(
    'unexpected-answer',
    `Asset Panda answered the ${verb} of ${expected} records with ${records.length}, so the extension cannot tell which record is which. ` +
      'Use "Export diagnostics" on the options page to report it.',
  );
}

function single(records: AssetRecord[], verb: string): AssetRecord {
  const [record] = records;
  if (!record) throw new AssetPandaError('unexpected-answer', `Asset Panda's answer to the ${verb} held no record.`);
  return record;
}
