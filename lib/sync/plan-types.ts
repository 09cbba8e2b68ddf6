import type { FieldValues } from '../assetpanda/types';
import type { FieldChange } from './record-values';

/** An Intune device as a report names it. */
export interface DeviceRef {
  id: string;
  name: string | null;
  serialNumber: string | null;
}

/** An Asset Panda record as a report names it: its id and the identifying values it holds. */
export interface RecordRef {
  id: string;
  keys: Array<{ fieldName: string; value: string }>;
}

/** The match-key value a new record is found by again, when the answer to its create was lost. */
export interface RecordKey {
  fieldId: string;
  value: string;
}

/** What to do with a record whose device is gone from Intune (the mapping's choice). */
export type MissingAction = 'setValue' | 'clearField' | 'delete';

/**
 * One line of a plan. Writes: a record to create, a record to update (changed fields only), a
 * record whose device is gone to mark or delete. Reports: a conflict (never written), a device
 * not synced and why, a record whose device is gone but left alone (or whose Intune Device ID is no
 * id at all), `lookup`: a field of a device's record left as it is because its value could not be
 * had — a linked value no record holds, or an Intune value the transform cannot convert — and (in a
 * preview only, for the admin to see) a device whose record already matches it.
 */
export type PlanEntry =
  | { kind: 'create'; device: DeviceRef; values: FieldValues; key: RecordKey }
  | { kind: 'update'; device: DeviceRef; record: RecordRef; changes: FieldChange[] }
  | { kind: 'missing'; record: RecordRef; deviceId: string; action: MissingAction; changes: FieldChange[] }
  | { kind: 'conflict'; reason: string; devices: DeviceRef[]; records: RecordRef[] }
  | { kind: 'skipped'; device: DeviceRef; reason: string }
  | { kind: 'orphan'; record: RecordRef; deviceId: string; reason: string }
  | { kind: 'lookup'; device: DeviceRef; record?: RecordRef; fieldId: string; fieldName: string; value: string; reason: string }
  | { kind: 'unchanged'; device: DeviceRef; record: RecordRef };

export type WriteEntry = Extract<PlanEntry, { kind: 'create' | 'update' | 'missing' }>;

export function isWrite(entry: PlanEntry): entry is WriteEntry {
  return entry.kind === 'create' || entry.kind === 'update' || entry.kind === 'missing';
}

/**
 * Where one write stands. `sending` is written to the store before the request goes out, so a run
 * that dies mid-request knows the write may have happened and checks before sending it again.
 */
export interface WriteState {
  status: 'pending' | 'sending' | 'written' | 'failed';
  /** Requests that carried it so far. */
  attempts: number;
  /** The record written (a new record's id when Asset Panda named it). */
  recordId?: string;
  /** A create that found its record in Asset Panda already (someone else made it): nothing was written; `reason` says so. */
  found?: boolean;
  /** Why it failed, for the admin. */
  reason?: string;
}

export interface PlanCounts {
  /** Devices Graph returned that pass the mapping's filters. */
  devices: number;
  /** Records the collection holds. */
  records: number;
  creates: number;
  updates: number;
  unchanged: number;
  conflicts: number;
  skipped: number;
  /** Records whose device is gone from Intune: to mark or delete, or left alone. */
  orphans: number;
  /** Fields left as they are (`lookup` lines): a linked value no record holds, an Intune value the transform cannot convert. */
  lookupProblems: number;
}

export interface WriteCounts {
  created: number;
  /** Creates whose record someone else had made meanwhile: found, nothing written (the next sync updates it). */
  found?: number;
  updated: number;
  /** Records of devices gone from Intune, marked or cleared as the mapping says. */
  marked: number;
  deleted: number;
  failed: number;
  /** Not written yet. */
  pending: number;
}
