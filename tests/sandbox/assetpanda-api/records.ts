import { isPulled } from './columns.ts';
import { asObject } from './json-object.ts';
import type { AssetPandaState, Collection, Column, FieldValue, StoredRecord } from './state.ts';
import { collectionNamed, columnNamed, findCollection, problem, success, type Outcome } from './tenant.ts';
import { apiRecord, newRecordId, uniquenessKey, type ApiFailure, type ApiRecord, type FieldError } from './unpublished-shapes.ts';
import { isEmptyValue, valueProblem } from './values.ts';

/** Every column's value for a record, pulled columns resolved through their reference. */
export function recordValues(state: AssetPandaState, collection: Collection, record: StoredRecord): Record<string, FieldValue> {
  return Object.fromEntries(collection.columns.map((column) => [column.id, columnValue(state, collection, record, column)]));
}

export function readRecord(state: AssetPandaState, collection: Collection, record: StoredRecord): ApiRecord {
  return apiRecord(collection.id, record, recordValues(state, collection, record));
}

/** One column's value for a record, a pulled column resolved through its reference. */
export function columnValue(state: AssetPandaState, collection: Collection, record: StoredRecord, column: Column): FieldValue {
  const reference = column.references;
  if (!reference || reference.primary) return record.values[column.id] ?? null;
  const link = collection.columns.find((c) => c.references?.primary && c.references.pullFromId === reference.pullFromId);
  const linked = link ? referencedRecord(state, link, record.values[link.id] ?? null) : undefined;
  return linked?.values[reference.columnId] ?? null;
}

/** The record a primary reference column's value points at, in the referenced collection. */
function referencedRecord(state: AssetPandaState, link: Column, value: FieldValue): StoredRecord | undefined {
  const key = uniquenessKey(value);
  const target = link.references && findCollection(state, link.references.entityId);
  if (key === undefined || !target || !link.references) return undefined;
  const columnId = link.references.columnId;
  for (const candidate of target.records.values()) {
    if (uniquenessKey(candidate.values[columnId] ?? null) === key) return candidate;
  }
  return undefined;
}

/** One record's change within a write request. */
interface Change {
  index: number;
  /** The record being updated; undefined for a new record. */
  existing?: StoredRecord;
  provided: Record<string, FieldValue>;
}

/** POST /collection-records: all records or none (any invalid value rejects the whole request). */
export function createRecords(state: AssetPandaState, collection: Collection, inputs: unknown[], nowMs: number): Outcome<StoredRecord[]> {
  const changes: Change[] = [];
  const errors: FieldError[] = [];
  inputs.forEach((item, index) => {
    const input = asObject(item);
    if (!input) {
      errors.push({ recordIndex: index, message: 'Each record must be an object of values keyed by column id.' });
      return;
    }
    const provided = checkValues(state, collection, index, input, errors);
    errors.push(...requiredErrors(collection, index, provided, 'all'));
    changes.push({ index, provided });
  });
  errors.push(...uniquenessErrors(collection, changes));
  if (errors.length > 0) return problem(422, 'The records are not valid.', errors);
  const now = new Date(nowMs).toISOString();
  const created = changes.map(({ provided }) => {
    const record: StoredRecord = { id: newRecordId(state.ids.ulid, nowMs), createdAt: now, updatedAt: now, values: provided };
    collection.records.set(record.id, record);
    return record;
  });
  return success(created);
}

/** PUT /collection-records: each record names its `recordId`; only the given columns change. */
export function updateRecords(state: AssetPandaState, collection: Collection, inputs: unknown[], nowMs: number): Outcome<StoredRecord[]> {
  const changes: Array<Change & { existing: StoredRecord }> = [];
  const errors: FieldError[] = [];
  for (const [index, item] of inputs.entries()) {
    const input = asObject(item);
    const recordId = input?.recordId;
    if (!input || typeof recordId !== 'string' || recordId === '') {
      return problem(400, 'Every record must contain recordId.', [{ recordIndex: index, field: 'recordId', message: 'recordId is required.' }]);
    }
    const existing = collection.records.get(recordId);
    if (!existing) return problem(404, `Record ${recordId} not found in collection ${collection.id}.`, [{ recordIndex: index, field: 'recordId', value: recordId, message: 'Record not found.' }]);
    const values = { ...input };
    delete values.recordId;
    const provided = checkValues(state, collection, index, values, errors);
    errors.push(...requiredErrors(collection, index, provided, 'provided'));
    changes.push({ index, existing, provided });
  }
  errors.push(...uniquenessErrors(collection, changes));
  if (errors.length > 0) return problem(422, 'The records are not valid.', errors);
  const now = new Date(nowMs).toISOString();
  return success(
    changes.map(({ existing, provided }) => {
      Object.assign(existing.values, provided);
      existing.updatedAt = now;
      return existing;
    }),
  );
}

/** The observed answer style: each record written on its own, in order; what refused each one, if anything. */
export function writeEach(inputs: unknown[], write: (records: unknown[]) => Outcome<StoredRecord[]>): Array<ApiFailure | undefined> {
  return inputs.map((input) => {
    const outcome = write([input]);
    return outcome.ok ? undefined : outcome.problem;
  });
}

/** DELETE /collection-records: every id must exist, or nothing is deleted. */
export function deleteRecords(collection: Collection, recordIds: string[]): Outcome<string[]> {
  const missing = recordIds.find((id) => !collection.records.has(id));
  if (missing !== undefined) return problem(404, `Record ${missing} not found in collection ${collection.id}.`);
  for (const id of recordIds) collection.records.delete(id);
  return success(recordIds);
}

/**
 * For tests and seeds: creates one record from values keyed by column display name, through the
 * same validation as the API; throws when the record is not valid.
 */
export function seedRecord(
  state: AssetPandaState,
  collectionName: string,
  valuesByDisplayName: Record<string, FieldValue>,
  nowMs = Date.now(),
): StoredRecord {
  const collection = collectionNamed(state, collectionName);
  const values = Object.fromEntries(
    Object.entries(valuesByDisplayName).map(([name, value]) => [columnNamed(collection, name).id, value]),
  );
  const outcome = createRecords(state, collection, [values], nowMs);
  if (!outcome.ok) throw new Error(`Cannot seed ${collectionName}: ${JSON.stringify(outcome.problem.errors)}`);
  const [record] = outcome.value;
  if (!record) throw new Error('createRecords returned no record');
  return record;
}

/** The accepted values of one record; every rejected value adds an error. */
function checkValues(
  state: AssetPandaState,
  collection: Collection,
  index: number,
  input: Record<string, unknown>,
  errors: FieldError[],
): Record<string, FieldValue> {
  const accepted: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(input)) {
    const column = collection.columns.find((c) => c.id === field);
    const reject = (message: string) => errors.push({ recordIndex: index, field, value, message });
    if (!column) reject(`Unknown column ${field} in collection ${collection.name}.`);
    else if (isPulled(column)) reject(`${column.displayName} is pulled from another collection and cannot be written.`);
    else {
      const typeProblem = valueProblem(column, value);
      if (typeProblem) reject(typeProblem);
      else if (column.references && !isEmptyValue(value) && !referencedRecord(state, column, value as FieldValue)) {
        reject(`${column.displayName} "${String(value)}" matches no record in the referenced collection.`);
      } else accepted[field] = value as FieldValue;
    }
  }
  return accepted;
}

/** Required columns left empty: of all columns (a new record) or of those the request provides (an update). */
function requiredErrors(collection: Collection, index: number, provided: Record<string, FieldValue>, scope: 'all' | 'provided'): FieldError[] {
  return collection.columns
    .filter((column) => column.required && (scope === 'all' || column.id in provided) && isEmptyValue(provided[column.id]))
    .map((column) => ({ recordIndex: index, field: column.id, message: `${column.displayName} is required.` }));
}

/**
 * Unique columns across the collection after the changes: a provided value clashing with a record
 * the request leaves alone, or with another record of the same request, is rejected.
 */
function uniquenessErrors(collection: Collection, changes: Change[]): FieldError[] {
  const errors: FieldError[] = [];
  const touched = new Set(changes.flatMap((c) => (c.existing ? [c.existing.id] : [])));
  for (const column of collection.columns.filter((c) => c.unique)) {
    const taken = new Set<string>();
    const take = (value: FieldValue | undefined) => {
      const key = uniquenessKey(value ?? null);
      if (key !== undefined) taken.add(key);
    };
    for (const record of collection.records.values()) if (!touched.has(record.id)) take(record.values[column.id]);
    for (const change of changes) if (!(column.id in change.provided)) take(change.existing?.values[column.id]);
    for (const change of changes) {
      if (!(column.id in change.provided)) continue;
      const value = change.provided[column.id] ?? null;
      const key = uniquenessKey(value);
      if (key === undefined) continue;
      if (taken.has(key)) {
        errors.push({ recordIndex: change.index, field: column.id, value, message: `${column.displayName} "${String(value)}" is not unique.` });
      }
      taken.add(key);
    }
  }
  return errors;
}
