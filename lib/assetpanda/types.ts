/** The client's own model of Asset Panda Pro; the wire formats live in published.ts and unpublished.ts. */

/** Where records live: an account's module (the API's `tenant`). */
export interface Tenant {
  accountId: string;
  moduleId: string;
}

export interface CollectionRef extends Tenant {
  collectionId: string;
}

/** An account, module or collection: what a picker shows. */
export interface Named {
  id: string;
  name: string;
}

export type FieldValue = string | number | boolean | null;

/** Values keyed by field (column) id. */
export type FieldValues = Record<string, FieldValue>;

export interface Field {
  /** The column id, `<collectionId>_<n>_<name>_<type>`. */
  id: string;
  name: string;
  /** The datatype, e.g. `text` from `ap://system/datatype/text`. */
  type: string;
  required: boolean;
  unique: boolean;
  /** The allowed values of list and status fields. */
  options?: string[];
  /** For a field taken from another collection: where from. */
  reference?: {
    collectionId: string;
    fieldId: string;
    /** The linking field itself; the others are pulled through it and cannot be written. */
    primary: boolean;
  };
}

export interface AssetRecord {
  id: string;
  values: FieldValues;
}

export interface RecordUpdate {
  recordId: string;
  /** Only the fields to change. */
  values: FieldValues;
}

/** Records whose field holds exactly this value. */
export interface FieldMatch {
  fieldId: string;
  value: string;
}

export interface RecordPage {
  records: AssetRecord[];
  /** How many records match in all, when the answer says (one evidenced shape does not). */
  total?: number;
  /** The `from` of the next page, when there may be one. */
  next?: number;
}

/** One reason Asset Panda gave for not writing a record. */
export interface RecordError {
  message: string;
  /** The field (column id) the reason is about, when the answer names it. */
  fieldId?: string;
  /** The field's display name, when the client could look it up. */
  fieldName?: string;
  /** The value refused: as the answer gives it, or as the request sent it. */
  value?: unknown;
  /** Another record already holds the value in a field that must be unique. */
  notUnique: boolean;
}

/** A record Asset Panda wrote. */
export interface WrittenRecord {
  ok: true;
  /** The update's record id, or the new record's when the answer names it (one evidenced shape does not). */
  recordId?: string;
  /** The record as stored, when the answer holds it. */
  record?: AssetRecord;
}

/** A record Asset Panda did not write. */
export interface FailedRecord {
  ok: false;
  /** For the admin: what was wrong and what to do. */
  reason: string;
  /** Empty when the record was only held back by the others (`retryable`). */
  errors: RecordError[];
  /**
   * True when the record itself was not at fault: Asset Panda refused the whole request because of
   * other records in it, so nothing was written and sending this record again is safe.
   */
  retryable: boolean;
}

/** What became of one record of a create or update; the outcomes keep the order of the input. */
export type RecordOutcome = WrittenRecord | FailedRecord;
