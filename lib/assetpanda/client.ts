import { inBatches } from './batches';
import { createShapeLog } from './diagnostics';
import { AssetPandaError, NotUniqueError, UnconfirmedWriteError, writeFailure } from './errors';
import { readAnswer, type Expectation } from './expectations';
import { collectionsQuery, createBody, datatypeOf, DELETE_LIMIT, ENDPOINTS, recordQuery, searchBody, UPDATE_LIMIT, updateBody, type Endpoint } from './published';
import { createTransport, type Call, type TransportOptions } from './transport';
import type { AssetRecord, CollectionRef, Field, FieldMatch, FieldValues, Named, RecordOutcome, RecordPage, RecordUpdate, Tenant, WrittenRecord } from './types';
import {
  ACCOUNT_LIST,
  COLLECTION_LIST,
  COLUMN_FLAG_SETS,
  COLUMN_LISTINGS,
  columnsQuery,
  CREATE_LIMIT,
  DELETE_RESULTS,
  deleteBody,
  EXACT_MATCH_OPERATOR,
  faultsByRecord,
  isGoneAlready,
  MODULE_LIST,
  modulesQuery,
  RECORD_READ,
  repeatedRecordMessage,
  SEARCH_PAGE_SIZE,
  SEARCH_RESULTS,
  WRITE_RESULTS,
  writeProbeBody,
  type DeleteAnswer,
  type RecordResult,
} from './unpublished';
import { outcomesOf, outcomesOfRefusal, writtenOrThrow, type SentRecord } from './write-outcomes';

/** Everything the extension does with Asset Panda Pro records, in the client's own terms. */
export interface AssetPandaClient {
  listAccounts(): Promise<Named[]>;
  listModules(accountId: string): Promise<Named[]>;
  /** The active collections of the module (inactive and deleted ones are left out). */
  listCollections(tenant: Tenant): Promise<Named[]>;
  /** The collection's fields (deleted ones are left out). */
  listFields(collection: CollectionRef): Promise<Field[]>;
  /**
   * One page of the records whose field holds the value (every record without a match); `from` and
   * `size` as the API pages. `seen` holds the ids of the listing's earlier pages: a page repeating
   * one fails as an unexpected answer (see repeatedRecordMessage), and its own ids are added.
   */
  searchRecords(collection: CollectionRef, match: FieldMatch | undefined, page?: { from?: number; size?: number; seen?: Set<string> }): Promise<RecordPage>;
  /** Every record whose field holds the value, page after page. */
  searchAllRecords(collection: CollectionRef, match: FieldMatch): AsyncGenerator<AssetRecord>;
  getRecord(collection: CollectionRef, recordId: string): Promise<AssetRecord>;
  /** One record; throws NotUniqueError or a 'rejected' AssetPandaError when Asset Panda does not write it. */
  createRecord(collection: CollectionRef, values: FieldValues): Promise<WrittenRecord>;
  /**
   * One outcome per record, in input order, sent in requests of at most CREATE_LIMIT records. A
   * record Asset Panda refuses is a failed outcome, not an error. Throws when a request fails as a
   * whole: UnconfirmedWriteError when its records may have been written (no answer, 5xx, unreadable
   * answer), another AssetPandaError when they were not (401, 403, 429, a refusal naming no record);
   * PartialWriteError, holding the outcomes so far, when that happens after a first request went through.
   */
  createRecords(collection: CollectionRef, records: readonly FieldValues[]): Promise<RecordOutcome[]>;
  updateRecord(collection: CollectionRef, update: RecordUpdate): Promise<WrittenRecord>;
  /** As `createRecords`, in requests of at most 5 records (the Pro cap). */
  updateRecords(collection: CollectionRef, updates: readonly RecordUpdate[]): Promise<RecordOutcome[]>;
  /** Throws when Asset Panda does not delete it; a record already gone counts as deleted (see isGoneAlready). */
  deleteRecord(collection: CollectionRef, recordId: string): Promise<void>;
  /** As `createRecords`, in requests of at most 5 records (the Pro cap); a record already gone counts as deleted. */
  deleteRecords(collection: CollectionRef, recordIds: readonly string[]): Promise<RecordOutcome[]>;
  /** Whether the key may write records in the module; asks without changing anything. */
  canWriteRecords(target: Tenant & { collectionId?: string }): Promise<boolean>;
}

export function createAssetPandaClient(options: TransportOptions): AssetPandaClient {
  const send = createTransport(options);
  const log = options.log ?? createShapeLog();
  const read = async <T>(expectation: Expectation<T>, call: Call) => readAnswer(expectation, await send(call), log);
  /** Field lists by collection, to name the fields in a write's errors. */
  const fieldLists = new Map<string, Field[]>();

  async function listFields(collection: CollectionRef): Promise<Field[]> {
    const call: Call = { endpoint: ENDPOINTS.columns, query: columnsQuery(collection), subject: `collection ${collection.collectionId}` };
    const answer = await send(call);
    const columns = readAnswer(COLUMN_LISTINGS, answer, log);
    const flags = readAnswer(COLUMN_FLAG_SETS, answer, log);
    const fields = columns.flatMap((column, index): Field[] => {
      const { required, unique, options: allowed, deleted } = flags[index] ?? { required: false, unique: false };
      if (deleted) return [];
      const reference = column.references;
      return [
        {
          id: column.id,
          name: column.displayName,
          type: datatypeOf(column),
          required,
          unique,
          ...(allowed ? { options: allowed } : {}),
          ...(reference ? { reference: { collectionId: reference.entityId, fieldId: reference.columnId, primary: reference.primary } } : {}),
        },
      ];
    });
    fieldLists.set(collection.collectionId, fields);
    return fields;
  }

  /** The collection's fields, to name them in errors; none when they cannot be had (the ids still name them). */
  async function namingFields(collection: CollectionRef, fieldIds: ReadonlyArray<string | undefined>): Promise<Field[]> {
    if (!fieldIds.some((id) => id !== undefined)) return [];
    try {
      return fieldLists.get(collection.collectionId) ?? (await listFields(collection));
    } catch {
      return [];
    }
  }

  /** Rewords a uniqueness error with the fields' names and the values the batch sent. */
  async function explained(error: NotUniqueError, collection: CollectionRef, batch: readonly SentRecord[], offset: number): Promise<NotUniqueError> {
    const fields = await namingFields(collection, error.violations.map((violation) => violation.fieldId));
    return new NotUniqueError(
      error.violations.map((violation) => {
        const sent = violation.recordIndex === undefined ? undefined : batch[violation.recordIndex]?.values[violation.fieldId];
        const name = fields.find((field) => field.id === violation.fieldId)?.name;
        return {
          ...violation,
          ...(name ? { fieldName: name } : {}),
          value: violation.value ?? sent,
          ...(violation.recordIndex === undefined ? {} : { recordIndex: violation.recordIndex + offset }),
        };
      }),
      error.status,
      error.details,
    );
  }

  /** Sends one create or update request and reads what became of each of its records. */
  async function writeBatch(endpoint: Endpoint, body: unknown, collection: CollectionRef, batch: SentRecord[], offset: number): Promise<RecordOutcome[]> {
    const verb = endpoint === ENDPOINTS.create ? 'create' : 'update';
    const subject = `the records to ${verb} in collection ${collection.collectionId}`;
    let results: RecordResult[];
    try {
      results = await read(WRITE_RESULTS, { endpoint, body, subject });
    } catch (error) {
      const faults = error instanceof AssetPandaError ? faultsByRecord(error.details, batch.length) : undefined;
      if (faults) return outcomesOfRefusal(faults, batch, await namingFields(collection, [...faults.values()].flat().map((detail) => detail.field)));
      throw writeFailure(error instanceof NotUniqueError ? await explained(error, collection, batch, offset) : error);
    }
    if (results.length !== batch.length) throw unpairable(verb, batch.length, results.length);
    const fieldIds = results.flatMap((result) => (result.written ? [] : result.errors.map((detail) => detail.field)));
    return outcomesOf(results, batch, await namingFields(collection, fieldIds));
  }

  /** Sends one delete request and reads what became of each of its records. */
  async function deleteBatch(collection: CollectionRef, batch: readonly string[]): Promise<RecordOutcome[]> {
    const subject = `the records to delete in collection ${collection.collectionId}`;
    let answer: DeleteAnswer;
    try {
      answer = await read(DELETE_RESULTS, { endpoint: ENDPOINTS.delete, body: deleteBody(collection, batch), subject });
    } catch (error) {
      if (!isGoneAlready(error)) throw writeFailure(error);
      if (batch.length === 1) return [{ ok: true, recordId: batch[0] as string }];
      const alone: RecordOutcome[] = [];
      for (const recordId of batch) alone.push(...(await deleteBatch(collection, [recordId])));
      return alone;
    }
    const sent = batch.map((recordId) => ({ values: {}, recordId }));
    if ('results' in answer) {
      if (answer.results.length !== batch.length) throw unpairable('delete', batch.length, answer.results.length);
      return outcomesOf(answer.results, sent, []);
    }
    // The answer names what it deleted: exactly the records sent, or the extension cannot tell what happened.
    const named = new Set(answer.deleted);
    if (named.size !== batch.length || batch.some((recordId) => !named.has(recordId))) {
      throw new UnconfirmedWriteError(
        new AssetPandaError(
          'unexpected-answer',
          `Asset Panda answered the delete of ${batch.length} records (${batch.join(', ')}) naming ${answer.deleted.length === 0 ? 'none' : answer.deleted.join(', ')}, ` +
            'so the extension cannot tell which were deleted. Use "Export diagnostics" on the options page to report it.',
        ),
      );
    }
    return batch.map((recordId): RecordOutcome => ({ ok: true, recordId }));
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
      const subject = `collection ${collection.collectionId}`;
      const { records, total } = await read(SEARCH_RESULTS, { endpoint: ENDPOINTS.search, body: searchBody(collection, filters, { from, size }), subject });
      if (page.seen) {
        const repeated = records.find((record) => page.seen?.has(record.id));
        if (repeated) throw new AssetPandaError('unexpected-answer', repeatedRecordMessage(repeated.id, subject, from));
        for (const record of records) page.seen.add(record.id);
      }
      const reached = from + records.length;
      // Without a total only an empty page ends the listing: a short one may be the API's own cap on `size`.
      const more = records.length > 0 && (total === undefined || reached < total);
      return { records, ...(total === undefined ? {} : { total }), ...(more ? { next: reached } : {}) };
    },

    async *searchAllRecords(collection, match) {
      const seen = new Set<string>();
      let from: number | undefined = 0;
      while (from !== undefined) {
        const page: RecordPage = await client.searchRecords(collection, match, { from, seen });
        yield* page.records;
        from = page.next;
      }
    },

    getRecord: (collection, recordId) =>
      read(RECORD_READ, { endpoint: ENDPOINTS.record, params: { recordId }, query: recordQuery(collection), subject: `record ${recordId}` }),

    async createRecord(collection, values) {
      return writtenOrThrow((await client.createRecords(collection, [values]))[0], 'create');
    },

    createRecords: (collection, records) =>
      inBatches(records, CREATE_LIMIT, 'sent', (batch, offset) =>
        writeBatch(
          ENDPOINTS.create,
          createBody(collection, batch),
          collection,
          batch.map((values) => ({ values })),
          offset,
        ),
      ),

    async updateRecord(collection, update) {
      return writtenOrThrow((await client.updateRecords(collection, [update]))[0], 'update');
    },

    updateRecords: (collection, updates) =>
      inBatches(updates, UPDATE_LIMIT, 'sent', (batch, offset) => writeBatch(ENDPOINTS.update, updateBody(collection, batch), collection, batch, offset)),

    async deleteRecord(collection, recordId) {
      writtenOrThrow((await client.deleteRecords(collection, [recordId]))[0], 'delete');
    },

    deleteRecords: (collection, recordIds) => inBatches(recordIds, DELETE_LIMIT, 'deleted', (batch) => deleteBatch(collection, batch)),

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

/** A write answered with another number of results than records sent: which record is which is unknown. */
function unpairable(verb: string, sent: number, results: number): UnconfirmedWriteError {
  return new UnconfirmedWriteError(
    new AssetPandaError(
      'unexpected-answer',
      `Asset Panda answered the ${verb} of ${sent} records with ${results} results, so the extension cannot tell which record is which. ` +
        'Use "Export diagnostics" on the options page to report it.',
    ),
  );
}
