import type { FieldValue } from '../assetpanda/types';
import { toCsv, type CsvColumn } from '../csv';
import type { Mapping } from '../mapping/schema';
import type { DeviceRef, PlanEntry, RecordRef, WriteState } from '../sync/plan-types';
import type { StoredPlan } from '../sync/run-store';

/** The kinds of report line the admin filters by. Records whose device is gone count as `orphan`, marked or not. */
export const LINE_KINDS = ['create', 'update', 'unchanged', 'conflict', 'orphan', 'skipped', 'lookup'] as const;
export type LineKind = (typeof LINE_KINDS)[number];
/** A kind, every failed write, or everything. */
export type LineFilter = LineKind | 'failed' | 'all';

export const LINE_LABELS: Readonly<Record<LineKind, string>> = {
  create: 'Create',
  update: 'Update',
  unchanged: 'Unchanged',
  conflict: 'Conflict',
  orphan: 'Gone from Intune',
  skipped: 'Skipped',
  // A linked value no record holds, or an Intune value the mapping cannot convert: the field is left as it is.
  lookup: 'Field left as is',
};

export interface ReportLine {
  /** The line's place in the plan. */
  index: number;
  entry: PlanEntry;
  state: WriteState | undefined;
}

/** Field names by id, for values a create holds by id only. */
export type FieldNames = ReadonlyMap<string, string>;

export function lineKind(entry: PlanEntry): LineKind {
  return entry.kind === 'missing' ? 'orphan' : entry.kind;
}

/** The names of the fields a mapping writes, by id. */
export function fieldNamesOf(mapping: Mapping | undefined): FieldNames {
  const names = new Map<string, string>();
  for (const entry of mapping?.fields ?? []) names.set(entry.target.id, entry.target.name);
  const missing = mapping?.behaviour.missingDevices;
  if (missing?.action === 'setValue') names.set(missing.set.field.id, missing.set.field.name);
  if (missing?.action === 'clearField') names.set(missing.field.id, missing.field.name);
  return names;
}

export function valueText(value: FieldValue | undefined): string {
  return value === undefined || value === null || value === '' ? '(empty)' : String(value);
}

export function deviceText(device: DeviceRef): string {
  return device.name ?? device.id;
}

export function recordText(record: RecordRef): string {
  return record.keys.map((key) => `${key.fieldName} ${key.value}`).join(', ') || record.id;
}

/** One field's before → after, as a report line shows it. */
export interface ChangeView {
  fieldName: string;
  before: string;
  after: string;
}

const changeView = (fieldName: string, before: FieldValue | undefined, after: FieldValue): ChangeView => ({ fieldName, before: valueText(before), after: valueText(after) });

export function changesOf(entry: PlanEntry, names: FieldNames): ChangeView[] {
  switch (entry.kind) {
    case 'create':
      return Object.entries(entry.values).map(([fieldId, value]) => changeView(names.get(fieldId) ?? fieldId, undefined, value));
    case 'update':
    case 'missing':
      return entry.changes.map((change) => changeView(change.fieldName, change.before, change.after));
    default:
      return [];
  }
}

/** Why the line is there, in words, when the plan says. */
export function reasonOf(line: ReportLine): string {
  const { entry, state } = line;
  if (state?.status === 'failed') return state.reason ?? 'Not written.';
  if (entry.kind === 'missing') return entry.action === 'delete' ? `Intune no longer holds device ${entry.deviceId}: the record is deleted.` : `Intune no longer holds device ${entry.deviceId}: the record is marked.`;
  return 'reason' in entry ? entry.reason : '';
}

export function resultText(state: WriteState | undefined): string {
  switch (state?.status) {
    case undefined:
      return '';
    case 'written':
      return 'Written';
    case 'failed':
      return 'Failed';
    case 'sending':
      return 'Sent, answer not confirmed yet';
    case 'pending':
      return 'Not written yet';
  }
}

export const devicesOf = (entry: PlanEntry): DeviceRef[] => ('devices' in entry ? entry.devices : 'device' in entry ? [entry.device] : []);
export const recordsOf = (entry: PlanEntry): RecordRef[] => ('records' in entry ? entry.records : 'record' in entry && entry.record ? [entry.record] : []);

/** Everything a search looks through: names, serials, ids, record keys, fields and values, the reason. */
function searchText(line: ReportLine, names: FieldNames): string {
  const { entry } = line;
  const deviceId = 'deviceId' in entry ? [entry.deviceId] : [];
  return [
    ...devicesOf(entry).flatMap((device) => [device.id, device.name ?? '', device.serialNumber ?? '']),
    ...recordsOf(entry).flatMap((record) => [record.id, ...record.keys.map((key) => key.value)]),
    ...deviceId,
    ...changesOf(entry, names).flatMap((change) => [change.fieldName, change.before, change.after]),
    reasonOf(line),
  ]
    .join('\n')
    .toLowerCase();
}

export function linesOf(plan: StoredPlan): ReportLine[] {
  return plan.entries.map((entry, index) => ({ index, entry, state: plan.states[index] }));
}

/** How many lines of each kind, and how many writes failed. */
export function lineCounts(lines: readonly ReportLine[]): Record<LineKind | 'failed', number> {
  const counts = Object.fromEntries([...LINE_KINDS, 'failed'].map((kind) => [kind, 0])) as Record<LineKind | 'failed', number>;
  for (const line of lines) {
    counts[lineKind(line.entry)] += 1;
    if (line.state?.status === 'failed') counts.failed += 1;
  }
  return counts;
}

/** The lines of a kind (or the failed ones) that hold the search text, without regard to case. */
export function selectLines(lines: readonly ReportLine[], filter: LineFilter, search: string, names: FieldNames): ReportLine[] {
  const wanted = search.trim().toLowerCase();
  return lines.filter((line) => {
    if (filter === 'failed' ? line.state?.status !== 'failed' : filter !== 'all' && lineKind(line.entry) !== filter) return false;
    return wanted === '' || searchText(line, names).includes(wanted);
  });
}

/** The report as CSV: one row per line, cells that would start a formula defused. A preview's has no Result: it writes nothing. */
export function reportCsv(lines: readonly ReportLine[], names: FieldNames, preview = false): string {
  const columns: ReadonlyArray<CsvColumn<ReportLine>> = [
    ['Line', (line) => LINE_LABELS[lineKind(line.entry)]],
    ...(preview ? [] : [['Result', (line: ReportLine) => resultText(line.state)] as const]),
    ['Device', (line) => devicesOf(line.entry).map(deviceText).join('; ')],
    ['Serial Number', (line) => devicesOf(line.entry).map((device) => device.serialNumber ?? '').join('; ')],
    ['Intune Device ID', (line) => [...devicesOf(line.entry).map((device) => device.id), ...('deviceId' in line.entry ? [line.entry.deviceId] : [])].join('; ')],
    ['Record ID', (line) => [...recordsOf(line.entry).map((record) => record.id), ...(line.state?.recordId && !('record' in line.entry) ? [line.state.recordId] : [])].join('; ')],
    ['Record', (line) => recordsOf(line.entry).map(recordText).join('; ')],
    ['Changes', (line) => changesOf(line.entry, names).map((change) => `${change.fieldName}: ${change.before} → ${change.after}`).join('; ')],
    ['Reason', reasonOf],
  ];
  return toCsv(columns, lines);
}
