import type { Collection, Column, ColumnReference, FieldType } from './state.ts';
import { columnExtras, columnsEnvelope, type AnswerStyle } from './unpublished-shapes.ts';

const DATATYPE_PREFIX = 'ap://system/datatype/';

function datatypeUri(type: FieldType): string {
  return `${DATATYPE_PREFIX}${type}`;
}

export interface ColumnSpec {
  displayName: string;
  type: FieldType;
  required?: boolean;
  unique?: boolean;
  options?: string[];
  references?: ColumnReference;
}

/**
 * Adds a column with a published-style id, `<collectionId>_<n>_<name>_<type>`: the name is the
 * display name squeezed to lower-case letters and digits, `n` tells apart columns that squeeze alike.
 */
export function addColumn(collection: Collection, spec: ColumnSpec): Column {
  const name = spec.displayName.toLowerCase().replace(/[^a-z0-9]/g, '');
  const clashes = [...collection.columns, ...collection.deletedColumns].filter((c) => c.id.endsWith(`_${name}_${spec.type}`)).length;
  const column: Column = {
    id: `${collection.id}_${clashes}_${name}_${spec.type}`,
    type: spec.type,
    displayName: spec.displayName,
    required: spec.required ?? false,
    unique: spec.unique ?? false,
    ...(spec.options ? { options: spec.options } : {}),
    ...(spec.references ? { references: spec.references } : {}),
  };
  collection.columns.push(column);
  return column;
}

/** A column pulled through a reference: derived from the linked record, never written. */
export function isPulled(column: Column): boolean {
  return column.references !== undefined && !column.references.primary;
}

/** For tests: deletes a column; its values are no longer read, and writing it is refused like an unknown column. */
export function deleteColumn(collection: Collection, columnId: string): void {
  const column = collection.columns.find((candidate) => candidate.id === columnId);
  if (!column) throw new Error(`No column ${columnId} in ${collection.name}`);
  collection.columns = collection.columns.filter((candidate) => candidate !== column);
  collection.deletedColumns.push(column);
}

/** GET /collection-columns: the published item shape plus the extras of unpublished-shapes.ts, in the world's answer style. */
export function columnListing(collection: Collection, style: AnswerStyle) {
  return columnsEnvelope(collection.columns.map(listedColumn), collection.deletedColumns.map(listedColumn), style);
}

function listedColumn(column: Column) {
  return {
    id: column.id,
    type: datatypeUri(column.type),
    displayName: column.displayName,
    ...columnExtras(column),
    ...(column.references ? { references: { ...column.references } } : {}),
  };
}
