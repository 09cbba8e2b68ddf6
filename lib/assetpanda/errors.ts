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

/** A failure of an Asset Panda call, worded for the admin: what happened and what to do next. */
export class AssetPandaError extends UserFacingError {
  constructor(
    readonly kind: AssetPandaErrorKind,
    message: string,
    readonly status?: number,
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
    status: number,
  ) {
    super('not-unique', violations.map(describeViolation).join(' '), status);
    this.name = 'NotUniqueError';
  }
}

function describeViolation({ fieldId, fieldName, value }: UniqueViolation): string {
  const field = fieldName ?? `The field ${fieldId}`;
  const shown = value === undefined ? 'this value' : `"${String(value)}"`;
  return `${field} ${shown} is already used by another record, and ${fieldName ?? 'this field'} must be unique in the collection. Change the value, or update the record that already has it.`;
}

/** A bulk write stopped part way: `completed` says what Asset Panda did take before `cause`. */
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
