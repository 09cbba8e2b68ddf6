import type { AssetPandaClient } from '../assetpanda/client';
import { AssetPandaError, UnconfirmedWriteError } from '../assetpanda/errors';
import { DELETE_LIMIT, UPDATE_LIMIT } from '../assetpanda/published';
import type { AssetRecord, CollectionRef, RecordOutcome, Tenant } from '../assetpanda/types';
import { CREATE_LIMIT, SEARCH_CATCH_UP_MS } from '../assetpanda/unpublished';
import { PortError, type RecordReader, type RecordWriter, type WriteOutcome } from './ports';

/** Where a listing of records goes on (the engine's RecordCursor): the next `from`, and the ids read so far. */
interface Listing {
  from: number;
  seen: Set<string>;
}

/**
 * The engine's RecordReader and RecordWriter over the Asset Panda client: the one place that knows
 * the client's answers and errors. Each write is one request (the engine batches within `limits`);
 * the client already gives one outcome per record, a refusal naming records included.
 */
export function assetPandaRecords(client: AssetPandaClient, tenant: Tenant): { reader: RecordReader; writer: RecordWriter } {
  const collection = (collectionId: string): CollectionRef => ({ ...tenant, collectionId });

  const reader: RecordReader = {
    async page(collectionId, cursor) {
      // The listing's records so far go along with it, so that a page repeating one fails (the client checks).
      const listing = (cursor as Listing | undefined) ?? { from: 0, seen: new Set<string>() };
      try {
        const page = await client.searchRecords(collection(collectionId), undefined, listing);
        const next: Listing | undefined = page.next === undefined ? undefined : { from: page.next, seen: listing.seen };
        return { items: page.records, ...(page.total === undefined ? {} : { total: page.total }), ...(next ? { next } : {}) };
      } catch (error) {
        throw readFailure(error);
      }
    },
    async find(collectionId, fieldId, value) {
      try {
        const found: AssetRecord[] = [];
        for await (const record of client.searchAllRecords(collection(collectionId), { fieldId, value })) found.push(record);
        return found;
      } catch (error) {
        throw readFailure(error);
      }
    },
    findCatchUpMs: SEARCH_CATCH_UP_MS,
    async fields(collectionId) {
      try {
        return await client.listFields(collection(collectionId));
      } catch (error) {
        throw readFailure(error);
      }
    },
  };

  const writer: RecordWriter = {
    limits: { create: CREATE_LIMIT, update: UPDATE_LIMIT, delete: DELETE_LIMIT },
    async create(collectionId, records) {
      try {
        return (await client.createRecords(collection(collectionId), records)).map(outcomeOf);
      } catch (error) {
        throw writeFailure(error, 'create');
      }
    },
    async update(collectionId, updates) {
      try {
        return (await client.updateRecords(collection(collectionId), updates)).map(outcomeOf);
      } catch (error) {
        throw writeFailure(error, 'update');
      }
    },
    async delete(collectionId, recordIds) {
      try {
        return (await client.deleteRecords(collection(collectionId), recordIds)).map(outcomeOf);
      } catch (error) {
        throw writeFailure(error, 'delete');
      }
    },
  };

  return { reader, writer };
}

/** The client's outcome of one record in the engine's terms. */
function outcomeOf(outcome: RecordOutcome): WriteOutcome {
  if (outcome.ok) return { ok: true, ...(outcome.recordId === undefined ? {} : { recordId: outcome.recordId }) };
  const notUniqueFields = outcome.errors.flatMap((error) => (error.notUnique && error.fieldId ? [error.fieldId] : []));
  return { ok: false, reason: outcome.reason, retryable: outcome.retryable, ...(notUniqueFields.length > 0 ? { notUniqueFields } : {}) };
}

/** A write request that failed as a whole (the client turns the refusal of named records into outcomes). */
function writeFailure(error: unknown, verb: 'create' | 'update' | 'delete'): unknown {
  if (!(error instanceof AssetPandaError)) return error;
  const port = (kind: PortError['kind'], code: PortError['pause']) => new PortError(kind, error.message, code, undefined, { cause: error });
  if (error instanceof UnconfirmedWriteError) return port('unconfirmed', 'asset-panda-unavailable');
  switch (error.kind) {
    case 'server':
    case 'network':
    case 'unexpected-answer':
      return port('unconfirmed', 'asset-panda-unavailable');
    case 'rejected':
    case 'invalid-input':
    case 'not-unique':
      return port('refused', 'unexpected');
    case 'not-found':
      // An update or delete naming a record that is gone; a create's collection that is gone.
      return port(verb === 'create' ? 'systemic' : 'refused', 'collection-missing');
    default:
      return commonFailure(error);
  }
}

/** A failed read (or a failed setup call: opening the connection, listing fields) as the engine sees it. */
export function readFailure(error: unknown): unknown {
  if (!(error instanceof AssetPandaError)) return error;
  switch (error.kind) {
    case 'unexpected-answer':
      return new PortError('systemic', error.message, 'asset-panda-answer', undefined, { cause: error });
    case 'not-found':
      return new PortError('systemic', error.message, 'collection-missing', undefined, { cause: error });
    default:
      return commonFailure(error);
  }
}

/** What reads and writes share: throttling passes; a refused key, a locked secret and anything else pause. */
function commonFailure(error: AssetPandaError): PortError {
  const port = (kind: PortError['kind'], code: PortError['pause']) => new PortError(kind, error.message, code, undefined, { cause: error });
  switch (error.kind) {
    case 'rate-limited':
    case 'server':
    case 'network':
      return port('transient', 'asset-panda-unavailable');
    case 'unauthorized':
    case 'forbidden':
      return port('systemic', 'asset-panda-key');
    case 'locked':
    case 'not-connected':
      return port('systemic', 'asset-panda-locked');
    default:
      return port('systemic', 'unexpected');
  }
}
