import type { AssetRecord, Field } from '../assetpanda/types';
import { isEmptyValue } from '../mapping/transform';
import type { Mapping } from '../mapping/schema';

/**
 * A lookup (transform 'lookup'): the Intune value names a record of the collection the field links
 * to, by the linked field. The linked collection is read once per run into this table.
 */
export interface LookupTable {
  collectionId: string;
  linkedFieldId: string;
  /** The linked field's values as Asset Panda holds them, by their case-blind form. */
  values: Map<string, string>;
}

/** By the id of the field the mapping writes. */
export type LookupTables = ReadonlyMap<string, LookupTable>;

/** Empty tables for the mapping's lookups, to fill with `addLinkedRecords`. */
export function lookupTables(mapping: Mapping, fields: readonly Field[]): Map<string, LookupTable> {
  const tables = new Map<string, LookupTable>();
  for (const entry of mapping.fields) {
    const reference = fields.find((field) => field.id === entry.target.id)?.reference;
    if (entry.transform.kind === 'lookup' && reference) {
      tables.set(entry.target.id, { collectionId: reference.collectionId, linkedFieldId: reference.fieldId, values: new Map() });
    }
  }
  return tables;
}

export function addLinkedRecords(table: LookupTable, records: readonly AssetRecord[]): void {
  for (const record of records) {
    const value = record.values[table.linkedFieldId];
    if (!isEmptyValue(value)) table.values.set(String(value).trim().toLowerCase(), String(value));
  }
}
