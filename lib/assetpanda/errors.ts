import { UserFacingError } from '../errors';

export type AssetPandaErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'not-unique'
  | 'rejected'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'redirected'
  | 'unexpected-answer'
  | 'invalid-input'
  | 'not-connected'
  /** The saved key is behind a passphrase not yet given in this browser session: check for it before any call (scheduled sync waits). */
  | 'locked';

/** One entry of the `errors` list of an Asset Panda error answer (ERROR_BODY in unpublished.ts). */
export interface ErrorDetail {
  message: string;
  field?: string;
  value?: unknown;
  /** Position of the record in the request's `records`. */
  recordIndex?: number;
}

/** A failure of an Asset Panda call, worded for the admin: what happened and what to do next. */
export class AssetPandaError extends UserFacingError {
  constructor(
    readonly kind: AssetPandaErrorKind,
    message: string,
    readonly status?: number,
    /** The `errors` of Asset Panda's error answer, when it gave them in the assumed shape. */
    readonly details?: readonly ErrorDetail[],
  ) {
    super(`assetpanda-${kind}`, message);
    this.name = 'AssetPandaError';
  }
}

/** A value that a unique field already holds in another record. */
export interface UniqueViolation {
  fieldId: string;
  /** The field's display name, when the client could look it up. */
  fieldName?: string;
  value: unknown;
  /** Position of the record in the caller's list. */
  recordIndex?: number;
}

export class NotUniqueError extends AssetPandaError {
  constructor(
    readonly violations: UniqueViolation[],
    status?: number,
    details?: readonly ErrorDetail[],
  ) {
    super('not-unique', violations.map(describeViolation).join(' '), status, details);
    this.name = 'NotUniqueError';
  }
}

export function describeViolation({ fieldId, fieldName, value }: UniqueViolation): string {
  const field = fieldName ?? `The field ${fieldId}`;
  const shown = value === undefined ? 'this value' : `"${String(value)}"`;
  return `${field} ${shown} is already used by another record, and ${fieldName ?? 'this field'} must be unique in the collection. Change the value, or update the record that already has it.`;
}

/**
 * A bulk write stopped part way: `completed` holds what became of the records sent before `cause`
 * (for creates and updates, one outcome each); the records after them were not sent.
 */
export class PartialWriteError<T> extends AssetPandaError {
  constructor(
    readonly completed: T[],
    readonly total: number,
    override readonly cause: AssetPandaError,
    verb: string,
  ) {
    super(cause.kind, `${completed.length} of ${total} records were ${verb} before Asset Panda stopped: ${cause.message}`, cause.status);
    this.name = 'PartialWriteError';
  }
}

/**
 * A write whose fate is unknown: no answer came, Asset Panda failed (5xx), or it answered in a shape
 * the extension cannot read. Some or all of the records may have been written, so look them up
 * (by their unique field) before sending them again. Kind, status and message are the cause's.
 */
export class UnconfirmedWriteError extends AssetPandaError {
  constructor(override readonly cause: AssetPandaError) {
    super(cause.kind, cause.message, cause.status, cause.details);
    this.name = 'UnconfirmedWriteError';
  }
}

/** Failures after which a write may or may not have happened; any other failure means it did not. */
const UNCONFIRMED_KINDS: ReadonlySet<AssetPandaErrorKind> = new Set(['network', 'server', 'unexpected-answer']);

/** The error a failed write request throws: marked unconfirmed when the records may have been written. */
export function writeFailure(error: unknown): unknown {
  return error instanceof AssetPandaError && !(error instanceof UnconfirmedWriteError) && UNCONFIRMED_KINDS.has(error.kind)
    ? new UnconfirmedWriteError(error)
    : error;
}
