import type { Collection, Column, ColumnReference, FieldType } from './state.ts';
import { columnExtras } from './unpublished-shapes.ts';

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
  const clashes = collection.columns.filter((c) => c.id.endsWith(`_${name}_${spec.type}`)).length;
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

/** GET /collection-columns, in the published shape plus the extras of unpublished-shapes.ts. */
export function columnListing(collection: Collection) {
  return {
    columns: {
      all: collection.columns.map((column) => ({
        id: column.id,
        type: datatypeUri(column.type),
        displayName: column.displayName,
        ...columnExtras(column),
        ...(column.references ? { references: { ...column.references } } : {}),
      })),
    },
  };
}
