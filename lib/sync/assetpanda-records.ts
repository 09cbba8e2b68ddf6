import type { AssetPandaClient } from '../assetpanda/client';
import { AssetPandaError, NotUniqueError } from '../assetpanda/errors';
import { DELETE_LIMIT, UPDATE_LIMIT } from '../assetpanda/published';
import type { AssetRecord, CollectionRef, Tenant } from '../assetpanda/types';
import { CREATE_LIMIT } from '../assetpanda/unpublished';
import { PortError, type RecordReader, type RecordWriter, type WriteOutcome } from './ports';

/**
 * The engine's RecordReader and RecordWriter over the Asset Panda client: the one place that knows
 * the client's answers and errors. Each write is one request (the engine batches within `limits`).
 */
export function assetPandaRecords(client: AssetPandaClient, tenant: Tenant): { reader: RecordReader; writer: RecordWriter } {
  const collection = (collectionId: string): CollectionRef => ({ ...tenant, collectionId });

  const reader: RecordReader = {
    async page(collectionId, cursor) {
      try {
        const page = await client.searchRecords(collection(collectionId), undefined, { from: cursor === undefined ? 0 : Number(cursor) });
        return { items: page.records, total: page.total, ...(page.next === undefined ? {} : { next: String(page.next) }) };
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
        return (await client.createRecords(collection(collectionId), records)).map((record) => ({ ok: true, recordId: record.id }));
      } catch (error) {
        return refusedRecords(error, records.length) ?? throwWriteFailure(error, 'create');
      }
    },
    async update(collectionId, updates) {
      try {
        await client.updateRecords(collection(collectionId), updates);
        return updates.map((update) => ({ ok: true, recordId: update.recordId }));
      } catch (error) {
        return refusedRecords(error, updates.length) ?? throwWriteFailure(error, 'update');
      }
    },
    async delete(collectionId, recordIds) {
      try {
        await client.deleteRecords(collection(collectionId), recordIds);
      } catch (error) {
        // Asked to delete one record that is not there: it is gone already (a repeat of a delete whose answer was lost).
        if (!(error instanceof AssetPandaError && error.kind === 'not-found' && recordIds.length === 1)) throwWriteFailure(error, 'delete');
      }
      return recordIds.map((recordId) => ({ ok: true, recordId }));
    },
  };

  return { reader, writer };
}

/**
 * A write Asset Panda refused naming the records at fault (ASSUMED all or nothing, see
 * lib/assetpanda/unpublished.ts): those fail, the others were held back only and may go again.
 */
function refusedRecords(error: unknown, count: number): WriteOutcome[] | undefined {
  if (!(error instanceof NotUniqueError)) return undefined;
  const named = error.violations.every((violation) => violation.recordIndex !== undefined);
  if (!named && count > 1) return undefined;
  return Array.from({ length: count }, (_, index): WriteOutcome => {
    const own = error.violations.filter((violation) => !named || violation.recordIndex === index);
    if (own.length === 0) return { ok: false, retryable: true, reason: 'Not written: Asset Panda refused another record of the same request.' };
    return { ok: false, retryable: false, reason: new NotUniqueError(own, error.status ?? 422).message, notUniqueFields: own.map((violation) => violation.fieldId) };
  });
}

function throwWriteFailure(error: unknown, verb: 'create' | 'update' | 'delete'): never {
  if (!(error instanceof AssetPandaError)) throw error;
  switch (error.kind) {
    case 'server':
    case 'network':
    case 'unexpected-answer':
      throw new PortError('unconfirmed', error.message, 'asset-panda-unavailable', undefined, { cause: error });
    case 'rejected':
    case 'invalid-input':
    case 'not-unique':
      throw new PortError('refused', error.message, 'unexpected', undefined, { cause: error });
    case 'not-found':
      // An update or delete naming a record that is gone; a create's collection that is gone.
      throw new PortError(verb === 'create' ? 'systemic' : 'refused', error.message, 'collection-missing', undefined, { cause: error });
    default:
      throw commonFailure(error);
  }
}

function readFailure(error: unknown): unknown {
  if (!(error instanceof AssetPandaError)) return error;
  switch (error.kind) {
    case 'server':
    case 'network':
      return commonFailure(error);
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
    case 'not-connected':
      return port('systemic', 'asset-panda-locked');
    default:
      // 'locked' (the secret is locked in this browser) and any kind added later: the message says what to do.
      return port('systemic', String(error.kind) === 'locked' ? 'asset-panda-locked' : 'unexpected');
  }
}
