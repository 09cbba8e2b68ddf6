import { AssetPandaError, describeViolation, NotUniqueError, type ErrorDetail } from './errors';
import type { Field, FieldValues, FailedRecord, RecordError, RecordOutcome, WrittenRecord } from './types';
import { isUniqueViolation, type RecordResult } from './unpublished';

/** What one batch sent: each record's values, and for an update its record id. */
export interface SentRecord {
  values: FieldValues;
  recordId?: string;
}

/** The record failed for reasons of its own, given by Asset Panda. */
function failedRecord(details: readonly ErrorDetail[], sent: SentRecord, fields: readonly Field[]): FailedRecord {
  const errors = details.map((detail) => recordError(detail, sent.values, fields));
  return { ok: false, reason: describeErrors(errors), errors, retryable: false };
}

/** The record was fine, but the request was refused as a whole because of the others. */
const HELD_BACK: FailedRecord = {
  ok: false,
  reason: 'Not written: Asset Panda refused the request because of other records in it. This record can be sent again.',
  errors: [],
  retryable: true,
};

/** Each record's outcome from a write answer; `results` and `sent` are in the same order. */
export function outcomesOf(results: readonly RecordResult[], sent: readonly SentRecord[], fields: readonly Field[]): RecordOutcome[] {
  return results.map((result, index): RecordOutcome => {
    const record = sent[index] ?? { values: {} };
    if (!result.written) return failedRecord(result.errors, record, fields);
    const recordId = result.recordId ?? record.recordId;
    return { ok: true, ...(recordId ? { recordId } : {}), ...(result.record ? { record: result.record } : {}) };
  });
}

/** Each record's outcome of a request refused as a whole, the records at fault named by position. */
export function outcomesOfRefusal(faults: ReadonlyMap<number, ErrorDetail[]>, sent: readonly SentRecord[], fields: readonly Field[]): RecordOutcome[] {
  return sent.map((record, index) => {
    const details = faults.get(index);
    return details ? failedRecord(details, record, fields) : HELD_BACK;
  });
}

/** For a single write: its outcome when written, the error to throw when not. */
export function writtenOrThrow(outcome: RecordOutcome | undefined, verb: string): WrittenRecord {
  if (!outcome) throw new AssetPandaError('unexpected-answer', `Asset Panda's answer to the ${verb} held no result.`);
  if (outcome.ok) return outcome;
  const violations = outcome.errors.flatMap((error) =>
    error.notUnique && error.fieldId ? [{ fieldId: error.fieldId, value: error.value, ...(error.fieldName ? { fieldName: error.fieldName } : {}) }] : [],
  );
  throw violations.length > 0 ? new NotUniqueError(violations) : new AssetPandaError('rejected', outcome.reason);
}

function recordError(detail: ErrorDetail, sent: FieldValues, fields: readonly Field[]): RecordError {
  const fieldId = detail.field;
  const fieldName = fieldId === undefined ? undefined : fields.find((field) => field.id === fieldId)?.name;
  const value = detail.value ?? (fieldId === undefined ? undefined : sent[fieldId]);
  return {
    message: detail.message,
    ...(fieldId === undefined ? {} : { fieldId }),
    ...(fieldName ? { fieldName } : {}),
    ...(value === undefined ? {} : { value }),
    notUnique: isUniqueViolation(detail),
  };
}

function describeErrors(errors: readonly RecordError[]): string {
  if (errors.length === 0) return 'Asset Panda did not write this record and gave no reason.';
  const notUnique = errors.filter((error) => error.notUnique && error.fieldId);
  const others = errors.filter((error) => !notUnique.includes(error)).map((error) => error.message.replace(/\.$/, ''));
  return [
    ...notUnique.map((error) => describeViolation({ fieldId: error.fieldId ?? '', value: error.value, ...(error.fieldName ? { fieldName: error.fieldName } : {}) })),
    ...(others.length > 0 ? [`Asset Panda refused this record: ${others.join(' — ')}.`] : []),
  ].join(' ');
}
