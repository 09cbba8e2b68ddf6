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
  total: number;
  /** The `from` of the next page, when there is one. */
  next?: number;
}
