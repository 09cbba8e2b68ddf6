import type { AssetRecord, Field, FieldValues, RecordUpdate } from '../assetpanda/types';
import type { DeviceFieldKey } from '../graph/device-fields';
import type { ManagedDevice } from '../graph/device-schema';
import type { DeviceFilter } from '../graph/filter';
import type { PauseCode } from './pause';

/**
 * What the engine needs from Intune and Asset Panda, in its own narrow terms. The adapters
 * (graph-devices.ts, assetpanda-records.ts) build them over the clients; tests can build their own.
 * Each call is one request (retries inside a client are the client's business); the engine decides
 * what to do when one fails, from the PortError it throws.
 */

/** One page of a listing; `next` is where the following page starts (absent on the last). */
export interface Page<Item, Cursor = string> {
  items: Item[];
  next?: Cursor;
  /** How many items the whole listing holds, when the service says. */
  total?: number;
}

export interface DeviceQuery {
  /** The Graph properties to return (`id` always comes). */
  select: readonly DeviceFieldKey[];
  /** The server-side `$filter`, when the mapping's filters have one. */
  filter?: DeviceFilter;
}

/** What Intune says of a device id: it holds the device, it no longer does, or the value is no device id at all. */
export type DevicePresence = 'present' | 'gone' | 'not-an-id';

export interface DeviceSource {
  /** One page of the devices the query selects: the first without `cursor`, else the page at `cursor`. */
  page(query: DeviceQuery, cursor?: string): Promise<Page<ManagedDevice>>;
  /** Whether Intune still holds the device (a read of that one device). */
  presence(deviceId: string): Promise<DevicePresence>;
}

/**
 * Where a listing of records goes on. Opaque to the engine, which only hands back the `next` it was
 * given (again, after a failed page): the adapter keeps in it what it needs to check the listing.
 */
export type RecordCursor = unknown;

export interface RecordReader {
  /** One page of every record of the collection: the first without `cursor`, else the page at `cursor`. */
  page(collectionId: string, cursor?: RecordCursor): Promise<Page<AssetRecord, RecordCursor>>;
  /** The records whose field holds this value. */
  find(collectionId: string, fieldId: string, value: string): Promise<AssetRecord[]>;
  /** How long a record just written may take to be found by `find`: a lost create is looked for once more after it. */
  findCatchUpMs: number;
  /** The collection's fields as Asset Panda lists them now. */
  fields(collectionId: string): Promise<Field[]>;
}

/** What became of one record of a write, in the order the records were sent. */
export type WriteOutcome =
  | { ok: true; recordId?: string }
  | {
      ok: false;
      /** For the admin: what was wrong and what to do. */
      reason: string;
      /** Nothing was written and the record itself was not at fault (another one in the request was): safe to send again. */
      retryable: boolean;
      /** The unique fields whose value another record already holds. */
      notUniqueFields?: string[];
    };

export interface RecordWriter {
  /** The most records one request of each kind may carry. */
  limits: { create: number; update: number; delete: number };
  create(collectionId: string, records: readonly FieldValues[]): Promise<WriteOutcome[]>;
  update(collectionId: string, updates: readonly RecordUpdate[]): Promise<WriteOutcome[]>;
  delete(collectionId: string, recordIds: readonly string[]): Promise<WriteOutcome[]>;
}

/**
 * How a request failed as a whole:
 * - transient: nothing was done (throttled, a read that got no answer or a 5xx); try again later;
 * - unconfirmed: a write whose records may have been written (no answer, a 5xx, an unreadable answer);
 * - refused: a write refused as a whole without naming a record; nothing was written;
 * - systemic: nothing can go on until someone acts (signed out, key refused, collection gone).
 */
export type PortErrorKind = 'transient' | 'unconfirmed' | 'refused' | 'systemic';

export class PortError extends Error {
  constructor(
    readonly kind: PortErrorKind,
    message: string,
    /** The pause the run makes if this failure stops it: its own for a systemic one, the service's "unavailable" otherwise. */
    readonly pause: PauseCode,
    /** How long the service asked to wait (Retry-After), when it did. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PortError';
  }
}
