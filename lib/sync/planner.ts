import type { AssetRecord, Field } from '../assetpanda/types';
import type { ManagedDevice } from '../graph/device-schema';
import { deviceQuery } from '../mapping/device-query';
import { sourceField } from '../mapping/entities';
import { matchKeyTarget } from '../mapping/match-key-target';
import type { Mapping } from '../mapping/schema';
import { isEmptyValue, sameValue } from '../mapping/transform';
import type { LookupTables } from './lookups';
import { matchKeyValue } from './match-key';
import type { DeviceRef, PlanCounts, PlanEntry, RecordRef } from './plan-types';
import { MappedValues, type UnconvertedValue, type ValueRow } from './record-values';

/** A match key as the planner uses it: the Intune field, the Asset Panda field it is written to, and the records by value. */
interface MatchKey {
  source: string;
  label: string;
  fieldId: string;
  fieldName: string;
  /** Where its value sits in a row (see MappedValues). */
  slot: number;
  /** Record indexes by normalised value: one index, or several when records share the value. */
  records: Map<string, number | number[]>;
  /** Devices by normalised value, to find two devices claiming one identity (not kept for Intune Device ID, unique in Intune). */
  devices: Map<string, number | number[]> | undefined;
}

/** What became of one device in the plan. */
interface DevicePlan {
  ref: DeviceRef;
  /** The record it matched; -1 none, -2 several (a conflict already). */
  record: number;
  outcome: 'create' | 'update' | 'unchanged' | 'skipped' | 'conflict';
  /** Its entries (a write and its lookup notes): entries[first] … entries[end - 1]. */
  first: number;
  end: number;
}

/** A record holding the Intune Device ID of a device Graph did not return. */
export interface OrphanCandidate {
  record: number;
  deviceId: string;
  /** Intune said the value is no device id at all: the record is reported, never marked or deleted. */
  notAnId?: boolean;
}

export interface Plan {
  entries: PlanEntry[];
  counts: PlanCounts;
}

const NONE = -1;
const SEVERAL = -2;

/**
 * Builds a sync plan from the collection's records and then Intune's devices, page by page, keeping
 * only compact rows: each device is transformed, matched and diffed as its page arrives. Records
 * come first (all of them), devices next; `finish` settles conflicts and records whose device is gone.
 *
 * Matching: the match keys in order; the first key whose value (placeholders never count) finds
 * records decides. A device finding several records by that key, a device whose other key values
 * another record holds, a record found by several devices, and devices sharing a key value (a
 * re-enrolled device is in Intune twice) are conflicts: reported with both sides, never written.
 */
export class Planner {
  private readonly fields: ReadonlyMap<string, Field>;
  private readonly mapped: MappedValues;
  private readonly keys: MatchKey[];
  /** The field holding the Intune Device ID, for records whose device is gone. */
  private readonly idKey: MatchKey | undefined;
  private readonly matches: (device: ManagedDevice) => boolean;
  /** The fields a record's row keeps: the mapped ones (in MappedValues order), then the one the mapping marks missing devices in. */
  private readonly kept: string[];
  /** The lookups, by the slot of the field they write. */
  private readonly lookupSlots: Array<{ slot: number; fieldId: string; values: ReadonlyMap<string, string> }>;

  /** Per device, reused: its values, each match key's compared form (by slot, then by key), the records holding it. */
  private readonly scratch = {
    values: [] as ValueRow,
    unconverted: [] as UnconvertedValue[],
    keySlots: [] as Array<string | undefined>,
    keyValues: [] as Array<string | undefined>,
    held: [] as Array<number | number[] | undefined>,
  };
  private readonly recordIds: string[] = [];
  private readonly recordRows: ValueRow[] = [];
  /** Per record: the device that matched it (-1 none), and the others when several did. */
  private claimedBy = new Int32Array(0);
  private readonly otherClaims = new Map<number, number[]>();
  /** Per record: Graph returned the device whose ID it holds (filtered out or not). */
  private seen = new Uint8Array(0);

  private readonly devices: DevicePlan[] = [];
  /** Ids of the devices no record matched, to plan a device listed twice once. */
  private readonly listedNew = new Set<string>();
  private readonly entries: PlanEntry[] = [];
  private readonly conflicts: PlanEntry[] = [];
  private devicesStarted = false;

  constructor(
    private readonly mapping: Mapping,
    fields: readonly Field[],
    lookups: LookupTables,
    now: number,
    /** List the devices whose record already matches (a preview shows them; a sync only counts them). */
    private readonly listUnchanged = false,
  ) {
    this.fields = new Map(fields.map((field) => [field.id, field]));
    this.mapped = new MappedValues(mapping, this.fields);
    this.matches = deviceQuery(mapping.filters, now).matches;
    const missing = mapping.behaviour.missingDevices;
    const marked = missing.action === 'setValue' ? missing.set.field.id : missing.action === 'clearField' ? missing.field.id : undefined;
    const mappedIds = this.mapped.fields.map((field) => field.id);
    this.kept = marked && this.fields.has(marked) && !mappedIds.includes(marked) ? [...mappedIds, marked] : mappedIds;
    this.keys = mapping.matchKeys.flatMap((source) => {
      const key = this.keyOf(source, source !== 'id');
      return key ? [key] : [];
    });
    this.idKey = this.keys.find((key) => key.source === 'id') ?? this.keyOf('id', false);
    this.lookupSlots = [...lookups].flatMap(([fieldId, table]) => {
      const slot = mappedIds.indexOf(fieldId);
      return slot < 0 ? [] : [{ slot, fieldId, values: table.values }];
    });
  }

  private keyOf(source: string, trackDevices: boolean): MatchKey | undefined {
    const field = this.fields.get(matchKeyTarget(this.mapping, source)?.target.id ?? '');
    const slot = field ? this.kept.indexOf(field.id) : -1;
    if (!field || slot < 0) return undefined;
    const label = sourceField(this.mapping.entity, source)?.label ?? source;
    return { source, label, fieldId: field.id, fieldName: field.name, slot, records: new Map(), devices: trackDevices ? new Map() : undefined };
  }

  /** Takes a page of the collection's records (all of them come before the first device). */
  addRecords(records: readonly AssetRecord[]): void {
    if (this.devicesStarted) throw new Error('Records must all be added before the first device.');
    const indexed = this.idKey && !this.keys.includes(this.idKey) ? [...this.keys, this.idKey] : this.keys;
    for (const record of records) {
      const index = this.recordIds.length;
      const row: ValueRow = this.kept.map((id) => record.values[id]);
      this.recordIds.push(record.id);
      this.recordRows.push(row);
      for (const key of indexed) {
        const value = matchKeyValue(row[key.slot]);
        if (value !== undefined) add(key.records, value, index);
      }
    }
  }

  /** Takes a page of devices as Graph returned it: filters, transforms, matches and diffs each. */
  addDevices(page: readonly ManagedDevice[]): void {
    if (!this.devicesStarted) {
      this.devicesStarted = true;
      this.claimedBy = new Int32Array(this.recordIds.length).fill(NONE);
      this.seen = new Uint8Array(this.recordIds.length);
    }
    for (const device of page) {
      if (this.matches(device)) this.planDevice(device);
      else this.markSeen(this.idKey?.records.get(matchKeyValue(device.id) ?? ''));
    }
  }

  /** Records holding the Intune Device ID of a device Graph listed (whether the filters keep it or not) are not orphans. */
  private markSeen(found: number | number[] | undefined): void {
    if (typeof found === 'number') this.seen[found] = 1;
    else for (const record of found ?? []) this.seen[record] = 1;
  }

  private planDevice(device: ManagedDevice): void {
    // Scratch rows, reused from device to device: nothing keeps them (entries copy what they need).
    const { keySlots, keyValues, held, unconverted } = this.scratch;
    unconverted.length = 0;
    const values = this.mapped.read(device, keySlots, this.scratch.values, unconverted);
    for (const [k, key] of this.keys.entries()) {
      const value = keySlots[key.slot];
      keyValues[k] = value;
      held[k] = value === undefined ? undefined : key.records.get(value);
    }
    let record = NONE;
    let decidedBy: MatchKey | undefined;
    for (const [k, key] of this.keys.entries()) {
      const found = held[k];
      if (key === this.idKey) this.markSeen(found);
      if (found === undefined || decidedBy) continue;
      decidedBy = key;
      record = typeof found === 'number' ? found : SEVERAL;
    }
    if (this.idKey && !this.keys.includes(this.idKey)) this.markSeen(this.idKey.records.get(matchKeyValue(device.id) ?? ''));
    // A listing that shifts while it is paged can repeat a device: it is planned once.
    if (record >= 0 ? this.devices[this.claimedBy[record] as number]?.ref.id === device.id : this.listedNew.has(device.id)) return;
    if (record === NONE) this.listedNew.add(device.id);

    const index = this.devices.length;
    const ref: DeviceRef = { id: device.id, name: device.deviceName ?? null, serialNumber: device.serialNumber ?? null };
    const plan: DevicePlan = { ref, record, outcome: 'skipped', first: this.entries.length, end: this.entries.length };
    this.devices.push(plan);
    for (const [k, key] of this.keys.entries()) {
      const value = keyValues[k];
      // A value the device's own record holds is claimed through that record; others are claimed here.
      if (key.devices && value !== undefined && held[k] !== record) add(key.devices, value, index);
    }
    if (record === SEVERAL && decidedBy) {
      const found = held[this.keys.indexOf(decidedBy)] as number[];
      plan.outcome = 'conflict';
      this.conflicts.push({
        kind: 'conflict',
        reason: `Intune device ${describeDevice(ref)} matches ${found.length} records by ${decidedBy.fieldName} "${String(values[decidedBy.slot])}". Keep one record with this ${decidedBy.fieldName} in Asset Panda, then sync again.`,
        devices: [ref],
        records: found.map((each) => this.recordRef(each)),
      });
      return;
    }
    if (record >= 0) this.claim(record, index);
    if (record >= 0 && this.heldElsewhere(plan, held, values)) return;

    this.resolveLookups(values, ref, record);
    this.reportUnconverted(unconverted, ref, record);
    const stored = record >= 0 ? this.recordRows[record] : undefined;
    if (stored) {
      const changes = this.mapped.changes(values, stored);
      if (changes.length > 0) this.entries.push({ kind: 'update', device: ref, record: this.recordRef(record), changes });
      plan.outcome = changes.length > 0 ? 'update' : 'unchanged';
    } else {
      const key = this.keys[keyValues.findIndex((value) => value !== undefined)];
      if (!this.mapping.behaviour.createRecords) {
        this.entries.push({ kind: 'skipped', device: ref, reason: 'No record in Asset Panda matches this device, and the mapping does not create records.' });
      } else if (!key) {
        this.entries.push({ kind: 'skipped', device: ref, reason: this.noIdentifier(device) });
      } else {
        this.entries.push({ kind: 'create', device: ref, values: this.mapped.newRecord(values), key: { fieldId: key.fieldId, value: String(values[key.slot]) } });
        plan.outcome = 'create';
      }
    }
    plan.end = this.entries.length;
  }

  /**
   * A matched device whose other key values another record holds: writing them would give two
   * records one identity (a unique field refuses it), so it is a conflict.
   */
  private heldElsewhere(plan: DevicePlan, held: ReadonlyArray<number | number[] | undefined>, values: ValueRow): boolean {
    for (const [k, key] of this.keys.entries()) {
      const holders = held[k];
      if (holders === undefined || holders === plan.record) continue;
      const others = (typeof holders === 'number' ? [holders] : holders).filter((record) => record !== plan.record);
      if (others.length === 0) continue;
      plan.outcome = 'conflict';
      this.conflicts.push({
        kind: 'conflict',
        reason: `Intune device ${describeDevice(plan.ref)} matches one record, but its ${key.fieldName} "${String(values[key.slot])}" is held by another. Merge the two records in Asset Panda, or correct the value, then sync again.`,
        devices: [plan.ref],
        records: [plan.record, ...others].map((record) => this.recordRef(record)),
      });
      return true;
    }
    return false;
  }

  private claim(record: number, device: number): void {
    if (this.claimedBy[record] === NONE) this.claimedBy[record] = device;
    else this.otherClaims.set(record, [...(this.otherClaims.get(record) ?? []), device]);
  }

  /** Replaces each lookup's value by the linked record's; a value no record holds is reported and not written. */
  private resolveLookups(values: ValueRow, device: DeviceRef, record: number): void {
    for (const { slot, fieldId, values: linked } of this.lookupSlots) {
      const value = values[slot];
      if (value === undefined || isEmptyValue(value)) continue;
      const found = linked.get(String(value).trim().toLowerCase());
      values[slot] = found;
      if (found !== undefined) continue;
      const fieldName = this.fields.get(fieldId)?.name ?? fieldId;
      this.entries.push({
        kind: 'lookup',
        device,
        ...(record >= 0 ? { record: this.recordRef(record) } : {}),
        fieldId,
        fieldName,
        value: String(value),
        reason: `No record of the collection that ${fieldName} links to holds "${String(value)}", so ${fieldName} is left as it is. Add that record in Asset Panda, or map another field.`,
      });
    }
  }

  /** Values the transform could not convert: their fields are left as they are, each reported as a line. */
  private reportUnconverted(unconverted: readonly UnconvertedValue[], device: DeviceRef, record: number): void {
    for (const { slot, source, value, reason } of unconverted) {
      const field = this.mapped.fields[slot] as Field;
      this.entries.push({
        kind: 'lookup',
        device,
        ...(record >= 0 ? { record: this.recordRef(record) } : {}),
        fieldId: field.id,
        fieldName: field.name,
        value,
        reason: `${source} is "${value}", which cannot be written into ${field.name}: ${reason}. ${field.name} is left as it is.`,
      });
    }
  }

  private noIdentifier(device: ManagedDevice): string {
    const held = this.keys.map((key) => {
      const raw = sourceField(this.mapping.entity, key.source)?.read(device);
      return `${key.label} is ${isEmptyValue(raw) ? 'empty' : `a placeholder ("${String(raw)}")`}`;
    });
    return `Not created: ${held.join(' and ')}, so a new record could never be matched to this device again. Map Intune Device ID as a Unique Identifier, or fix the value in Intune.`;
  }

  /** Records that hold the Intune Device ID of a device Graph did not return and that no device matched. */
  orphanCandidates(): OrphanCandidate[] {
    const key = this.idKey;
    if (!key) return [];
    const candidates: OrphanCandidate[] = [];
    for (let record = 0; record < this.recordIds.length; record++) {
      if (this.seen[record] || this.claimedBy[record] !== NONE) continue;
      const value = this.recordRows[record]?.[key.slot];
      if (matchKeyValue(value) !== undefined) candidates.push({ record, deviceId: String(value).trim() });
    }
    return candidates;
  }

  /** The plan, once every device is in: conflicts settled, records whose device is gone (`gone`) handled as the mapping says. */
  finish(gone: readonly OrphanCandidate[]): Plan {
    const conflicted = this.settleConflicts();
    const entries: PlanEntry[] = [];
    const counts: PlanCounts = { devices: this.devices.length, records: this.recordIds.length, creates: 0, updates: 0, unchanged: 0, conflicts: 0, skipped: 0, orphans: 0, lookupProblems: 0 };
    for (const [index, device] of this.devices.entries()) {
      if (conflicted.has(index)) continue;
      if (device.outcome === 'create') counts.creates += 1;
      if (device.outcome === 'update') counts.updates += 1;
      if (device.outcome === 'unchanged') counts.unchanged += 1;
      if (device.outcome === 'unchanged' && this.listUnchanged) entries.push({ kind: 'unchanged', device: device.ref, record: this.recordRef(device.record) });
      if (device.outcome === 'skipped') counts.skipped += 1;
      for (let entry = device.first; entry < device.end; entry++) {
        const planned = this.entries[entry] as PlanEntry;
        if (planned.kind === 'lookup') counts.lookupProblems += 1;
        entries.push(planned);
      }
    }
    counts.conflicts = this.conflicts.length;
    entries.push(...this.conflicts);
    for (const orphan of gone) {
      counts.orphans += 1;
      entries.push(this.orphanEntry(orphan));
    }
    return { entries, counts };
  }

  /** Conflicts between devices: a record several devices match, and a key value several devices hold. */
  private settleConflicts(): Set<number> {
    const conflicted = new Set<number>(this.devices.flatMap((device, index) => (device.outcome === 'conflict' ? [index] : [])));
    for (const [record, others] of this.otherClaims) {
      const devices = [this.claimedBy[record] as number, ...others];
      devices.forEach((device) => conflicted.add(device));
      this.conflicts.push({
        kind: 'conflict',
        reason: `${devices.length} Intune devices match one Asset Panda record. One is probably an old enrolment of the same hardware: retire or delete it in Intune, or give each device its own record.`,
        devices: devices.map((device) => (this.devices[device] as DevicePlan).ref),
        records: [this.recordRef(record)],
      });
    }
    for (const key of this.keys) {
      for (const [value, holders] of key.devices ?? []) {
        if (typeof holders === 'number' || holders.every((device) => conflicted.has(device))) continue;
        holders.forEach((device) => conflicted.add(device));
        const records = holders.map((device) => (this.devices[device] as DevicePlan).record);
        this.conflicts.push({
          kind: 'conflict',
          reason: `${holders.length} Intune devices share ${key.fieldName} "${value}", so one record would stand for several devices. Retire or delete the stale device in Intune, or correct the value, then sync again.`,
          devices: holders.map((device) => (this.devices[device] as DevicePlan).ref),
          records: [...new Set(records.filter((record) => record >= 0))].map((record) => this.recordRef(record)),
        });
      }
    }
    return conflicted;
  }

  private orphanEntry({ record, deviceId, notAnId }: OrphanCandidate): PlanEntry {
    const ref = this.recordRef(record);
    if (notAnId) {
      const field = this.idKey?.fieldName ?? 'Intune Device ID';
      return { kind: 'orphan', record: ref, deviceId, reason: `Its ${field} "${deviceId}" is no Intune device id (Intune refused it as one), so the sync leaves this record as it is. Correct the value in Asset Panda, or clear it.` };
    }
    const row = this.recordRows[record] as ValueRow;
    const missing = this.mapping.behaviour.missingDevices;
    const gone = `Intune no longer holds device ${deviceId}`;
    if (missing.action === 'leave') return { kind: 'orphan', record: ref, deviceId, reason: `${gone}; the mapping leaves its record as it is.` };
    if (missing.action === 'delete') return { kind: 'missing', record: ref, deviceId, action: 'delete', changes: [] };
    const target = missing.action === 'setValue' ? missing.set.field : missing.field;
    const after = missing.action === 'setValue' ? missing.set.value : null;
    const field = this.fields.get(target.id);
    const before = row[this.kept.indexOf(target.id)];
    if (!field || sameValue(field, before, after)) return { kind: 'orphan', record: ref, deviceId, reason: `${gone}; its record is already marked.` };
    return {
      kind: 'missing',
      record: ref,
      deviceId,
      action: missing.action,
      changes: [{ fieldId: field.id, fieldName: field.name, before: isEmptyValue(before) ? undefined : before, after }],
    };
  }

  private recordRef(record: number): RecordRef {
    const row = this.recordRows[record] ?? [];
    const keys = this.keys.flatMap((key) => {
      const value = row[key.slot];
      return isEmptyValue(value) ? [] : [{ fieldName: key.fieldName, value: String(value) }];
    });
    return { id: this.recordIds[record] ?? '', keys };
  }
}

function add(index: Map<string, number | number[]>, value: string, item: number): void {
  const found = index.get(value);
  if (found === undefined) index.set(value, item);
  else if (typeof found === 'number') index.set(value, [found, item]);
  else found.push(item);
}

function describeDevice(device: DeviceRef): string {
  return device.name ? `"${device.name}" (${device.id})` : device.id;
}
