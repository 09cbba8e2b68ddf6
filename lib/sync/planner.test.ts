import { describe, expect, it } from 'vitest';
import type { AssetRecord, Field, FieldValue } from '../assetpanda/types';
import { ManagedDeviceSchema, type ManagedDevice } from '../graph/device-schema';
import type { MappingInput } from '../mapping/schema';
import { collectionNamed } from '../../tests/sandbox/assetpanda-api/tenant';
import type { Collection } from '../../tests/sandbox/assetpanda-api/state';
import { JUNK_SERIALS } from '../../tests/sandbox/fleet/hardware';
import { createWorld } from '../../tests/sandbox/world';
import { devicesMapping } from '../../tests/support/devices-mapping';
import { addLinkedRecords, lookupTables } from './lookups';
import { matchKeyValue } from './match-key';
import { Planner } from './planner';
import type { PlanEntry } from './plan-types';

const NOW = Date.parse('2026-11-30T12:00:00Z');

/** The sandbox's Devices collection as the Asset Panda client lists its fields. */
function fieldsOf(collection: Collection): Field[] {
  return collection.columns.map((column) => ({
    id: column.id,
    name: column.displayName,
    type: column.type,
    required: column.required,
    unique: column.unique,
    ...(column.options ? { options: column.options } : {}),
    ...(column.references ? { reference: { collectionId: column.references.entityId, fieldId: column.references.columnId, primary: column.references.primary } } : {}),
  }));
}

const world = createWorld({ fleetSize: 10 });
const devicesCollection = collectionNamed(world.assetPanda, 'Devices');
const FIELDS = fieldsOf(devicesCollection);
const fieldId = (name: string) => FIELDS.find((field) => field.name === name)?.id ?? name;

function mappingWith(changes: Partial<MappingInput> = {}) {
  return devicesMapping(FIELDS, { id: devicesCollection.id, name: 'Devices' }, changes);
}

function device(id: string, serialNumber: string | null, extra: Partial<ManagedDevice> = {}): ManagedDevice {
  return { id, serialNumber, deviceName: `PC-${id}`, manufacturer: 'Dell Inc.', model: 'Latitude 5420', operatingSystem: 'Windows', managedDeviceOwnerType: 'company', ...extra };
}

let recordCount = 0;
function record(values: Record<string, FieldValue>): AssetRecord {
  recordCount += 1;
  return { id: `rec-${recordCount}`, values: Object.fromEntries(Object.entries(values).map(([name, value]) => [fieldId(name), value])) };
}

/** Plans the devices against the records, every device in Intune unless `listed` says otherwise. */
function plan(records: AssetRecord[], devices: ManagedDevice[], changes: Partial<MappingInput> = {}, listed: ManagedDevice[] = [], listUnchanged = false) {
  const mapping = mappingWith(changes);
  const planner = new Planner(mapping, FIELDS, lookupTables(mapping, FIELDS), NOW, listUnchanged);
  planner.addRecords(records);
  planner.addDevices([...devices, ...listed]);
  return planner.finish(planner.orphanCandidates());
}

const ofKind = <Kind extends PlanEntry['kind']>(entries: PlanEntry[], kind: Kind) =>
  entries.filter((entry): entry is Extract<PlanEntry, { kind: Kind }> => entry.kind === kind);

describe('matching devices to records', () => {
  it('tries the match keys in order, without regard to case, and updates only what changed', () => {
    const byId = record({ 'Intune Device ID': 'd1', 'Serial Number': 'OLDSERIAL', Name: 'PC-d1', Manufacturer: 'Dell Inc.', Model: 'Latitude 5420', OS: 'Windows', Ownership: 'Corporate' });
    const bySerial = record({ 'Serial Number': 'pf3abcd2', Name: 'AP-00012' });
    const { entries, counts } = plan([byId, bySerial], [device('d1', 'NEWSERIAL'), device('d2', 'PF3ABCD2')]);
    const updates = ofKind(entries, 'update');
    expect(updates.map((u) => [u.record.id, u.changes.map((c) => [c.fieldName, c.before, c.after])])).toEqual([
      [byId.id, [['Serial Number', 'OLDSERIAL', 'NEWSERIAL']]],
      [
        bySerial.id,
        [
          ['Intune Device ID', undefined, 'd2'],
          ['Serial Number', 'pf3abcd2', 'PF3ABCD2'],
          ['Name', 'AP-00012', 'PC-d2'],
          ['Manufacturer', undefined, 'Dell Inc.'],
          ['Model', undefined, 'Latitude 5420'],
          ['OS', undefined, 'Windows'],
          ['Ownership', undefined, 'Corporate'],
        ],
      ],
    ]);
    expect(counts).toMatchObject({ devices: 2, records: 2, creates: 0, updates: 2, unchanged: 0, conflicts: 0 });
  });

  it('never matches, nor writes, a placeholder serial; a device with one is created by its Intune Device ID', () => {
    const junkRecords = JUNK_SERIALS.filter(Boolean).map((serial) => record({ 'Serial Number': serial, Name: 'Whitebox' }));
    const devices = JUNK_SERIALS.map((serial, i) => device(`junk-${i}`, serial));
    const { entries, counts } = plan(junkRecords, devices);
    const creates = ofKind(entries, 'create');
    expect(creates).toHaveLength(devices.length);
    for (const create of creates) {
      expect(create.key).toEqual({ fieldId: fieldId('Intune Device ID'), value: create.device.id });
      expect(create.values).not.toHaveProperty(fieldId('Serial Number'));
    }
    expect(counts).toMatchObject({ creates: devices.length, updates: 0, conflicts: 0 });
  });

  it('creates nothing for a device no key can identify, and says why', () => {
    const { entries, counts } = plan([], [device('d1', 'Default string'), device('d2', null)], { matchKeys: ['serialNumber'] });
    expect(ofKind(entries, 'skipped').map((s) => s.reason)).toEqual([
      expect.stringContaining('Serial Number is a placeholder ("Default string")'),
      expect.stringContaining('Serial Number is empty'),
    ]);
    expect(counts).toMatchObject({ creates: 0, skipped: 2 });
  });

  it('reads a match key from the field of its own, not from a link the same Intune field also fills', () => {
    const link = FIELDS.find((field) => field.name === 'Assigned To')!;
    const fields = [{ source: 'serialNumber', target: { id: link.id, name: link.name, type: link.type }, transform: { kind: 'lookup' as const } }, ...mappingWith().fields];
    const bySerial = record({ 'Serial Number': 'PF3ABCD2' });
    const { counts, entries } = plan([bySerial], [device('d2', 'PF3ABCD2')], { fields });
    expect(counts).toMatchObject({ creates: 0, updates: 1 });
    expect(ofKind(entries, 'update').map((update) => update.record.id)).toEqual([bySerial.id]);
  });

  it('does not create records when the mapping only enriches existing ones', () => {
    const { entries } = plan([], [device('d1', 'SER1')], { behaviour: { createRecords: false } });
    expect(ofKind(entries, 'skipped')).toEqual([expect.objectContaining({ reason: expect.stringContaining('does not create records') })]);
  });

  it('lists the devices whose record already matches only when asked (a preview), and counts them always', () => {
    const values = { 'Intune Device ID': 'd1', 'Serial Number': 'SER1', Name: 'PC-d1', Manufacturer: 'Dell Inc.', Model: 'Latitude 5420', OS: 'Windows', Ownership: 'Corporate' };
    const matching = record(values);
    const listed = plan([matching], [device('d1', 'SER1')], {}, [], true);
    expect(ofKind(listed.entries, 'unchanged')).toEqual([{ kind: 'unchanged', device: expect.objectContaining({ id: 'd1' }), record: expect.objectContaining({ id: matching.id }) }]);
    const counted = plan([record(values)], [device('d1', 'SER1')]);
    expect(counted.entries).toEqual([]);
    expect([listed.counts.unchanged, counted.counts.unchanged]).toEqual([1, 1]);
  });
});

describe('conflicts: reported with both sides, never written', () => {
  it('one device matching two records', () => {
    const [first, second] = [record({ 'Serial Number': 'SER1', Name: 'A' }), record({ 'Serial Number': 'ser1', Name: 'B' })];
    const { entries, counts } = plan([first!, second!], [device('d1', 'SER1')]);
    expect(entries.filter((entry) => entry.kind !== 'conflict')).toEqual([]);
    const [conflict] = ofKind(entries, 'conflict');
    expect(conflict?.devices.map((d) => d.id)).toEqual(['d1']);
    expect(conflict?.records.map((r) => r.id)).toEqual([first!.id, second!.id]);
    expect(conflict?.reason).toContain('matches 2 records by Serial Number');
    expect(counts.conflicts).toBe(1);
  });

  it('two devices matching one record (a re-enrolled device)', () => {
    const shared = record({ 'Serial Number': 'SER1', Name: 'AP-1' });
    const { entries } = plan([shared], [device('old', 'SER1'), device('new', 'SER1'), device('other', 'SER2')]);
    const [conflict] = ofKind(entries, 'conflict');
    expect(conflict?.devices.map((d) => d.id)).toEqual(['old', 'new']);
    expect(conflict?.records.map((r) => r.id)).toEqual([shared.id]);
    expect(ofKind(entries, 'create').map((c) => c.device.id)).toEqual(['other']);
    expect(ofKind(entries, 'update')).toEqual([]);
  });

  it('two devices matching one record by different keys', () => {
    const shared = record({ 'Intune Device ID': 'a', 'Serial Number': 'SER2', Name: 'AP-1' });
    const { entries } = plan([shared], [device('a', 'SER1'), device('b', 'SER2')]);
    expect(entries.map((entry) => entry.kind)).toEqual(['conflict']);
    expect(ofKind(entries, 'conflict')[0]).toMatchObject({ devices: [{ id: 'a' }, { id: 'b' }], records: [{ id: shared.id }], reason: expect.stringContaining('2 Intune devices match one Asset Panda record') });
  });

  it('two new devices sharing a serial: neither is created', () => {
    const { entries } = plan([], [device('a', 'SER1'), device('b', 'SER1'), device('c', 'SER3')]);
    expect(ofKind(entries, 'create').map((c) => c.device.id)).toEqual(['c']);
    expect(ofKind(entries, 'conflict')[0]).toMatchObject({ devices: [{ id: 'a' }, { id: 'b' }], records: [], reason: expect.stringContaining('share Serial Number "ser1"') });
  });

  it('two devices sharing a serial neither record holds yet, even each with its own record by Intune Device ID', () => {
    const records = [record({ 'Intune Device ID': 'a' }), record({ 'Intune Device ID': 'b' })];
    const { entries } = plan(records, [device('a', 'SER1'), device('b', 'SER1'), device('c', 'SER3')]);
    expect(ofKind(entries, 'conflict')).toEqual([expect.objectContaining({ devices: [expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'b' })] })]);
    expect(ofKind(entries, 'conflict')[0]?.records.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(entries.filter((entry) => entry.kind !== 'conflict').map((entry) => entry.kind)).toEqual(['create']);
  });

  it('a device whose serial another record holds', () => {
    const [own, other] = [record({ 'Intune Device ID': 'a', Name: 'PC-a' }), record({ 'Serial Number': 'SER1', Name: 'AP-7' })];
    const { entries } = plan([own!, other!], [device('a', 'SER1')]);
    expect(entries.map((entry) => entry.kind)).toEqual(['conflict']);
    expect(ofKind(entries, 'conflict')[0]).toMatchObject({ devices: [{ id: 'a' }], records: [{ id: own!.id }, { id: other!.id }], reason: expect.stringContaining('Serial Number "SER1" is held by another') });
  });

  it('a device listed twice by a shifting page is planned once', () => {
    const { entries, counts } = plan([], [device('a', 'SER1'), device('a', 'SER1')]);
    expect(ofKind(entries, 'create')).toHaveLength(1);
    expect(counts.conflicts).toBe(0);
  });
});

const gone = () => record({ 'Intune Device ID': 'gone-1', 'Serial Number': 'GONE1', Status: 'In Use' });

describe('records whose device is gone from Intune', () => {

  it('are reported and left alone unless the mapping says otherwise', () => {
    const orphan = gone();
    const { entries, counts } = plan([orphan], [device('d1', 'SER1')]);
    expect(ofKind(entries, 'orphan')).toEqual([expect.objectContaining({ record: expect.objectContaining({ id: orphan.id }), deviceId: 'gone-1' })]);
    expect(counts.orphans).toBe(1);
  });

  it('are marked, once, or deleted as the mapping says', () => {
    const status = FIELDS.find((field) => field.name === 'Status')!;
    const set = { action: 'setValue' as const, set: { field: { id: status.id, name: status.name, type: status.type }, value: 'Retired' } };
    const marked = plan([gone()], [], { behaviour: { missingDevices: set } });
    expect(ofKind(marked.entries, 'missing')[0]?.changes).toEqual([{ fieldId: status.id, fieldName: 'Status', before: 'In Use', after: 'Retired' }]);
    const already = plan([record({ 'Intune Device ID': 'gone-2', Status: 'retired' })], [], { behaviour: { missingDevices: set } });
    expect(ofKind(already.entries, 'missing')).toEqual([]);
    expect(ofKind(already.entries, 'orphan')[0]?.reason).toContain('already marked');
    const deleted = plan([gone()], [], { behaviour: { missingDevices: { action: 'delete' } } });
    expect(ofKind(deleted.entries, 'missing')).toEqual([expect.objectContaining({ action: 'delete', changes: [] })]);
  });

  it('are not records of devices outside the filters, records a device matched by another key, or records never linked to Intune', () => {
    const records = [
      record({ 'Intune Device ID': 'personal-1' }),
      record({ 'Intune Device ID': 're-enrolled-old-id', 'Serial Number': 'SER1' }),
      record({ 'Serial Number': 'HANDTYPED', Name: 'AP-9' }),
    ];
    const personal = device('personal-1', 'PERS1', { managedDeviceOwnerType: 'personal' });
    const { entries } = plan(records, [device('new-id', 'SER1')], { filters: { configuration: 'companyOwned' } }, [personal]);
    expect(ofKind(entries, 'orphan')).toEqual([]);
    expect(ofKind(entries, 'update').map((u) => u.record.id)).toEqual([records[1]!.id]);
  });
});

describe('values the mapping cannot convert', () => {
  it('leave the field as it is, even where empty values overwrite, and are reported with the rest written', () => {
    const clearing = mappingWith().fields.map((entry) => ({ ...entry, keepWhenEmpty: false }));
    const stored = record({ 'Intune Device ID': 'd1', 'Serial Number': 'SER1', Name: 'PC-d1', Compliance: 'Compliant', Model: 'Latitude 5410' });
    // Intune added a compliance state after the mapping's labels were chosen.
    const { entries, counts } = plan([stored], [device('d1', 'SER1', { complianceState: 'configManager' })], { fields: clearing });
    const [update] = ofKind(entries, 'update');
    expect(update?.changes.map((change) => change.fieldName)).not.toContain('Compliance');
    expect(update?.changes.map((change) => change.fieldName)).toContain('Model');
    expect(ofKind(entries, 'lookup')).toEqual([
      expect.objectContaining({ fieldName: 'Compliance', value: 'configManager', reason: expect.stringMatching(/^Compliance is "configManager", which cannot be written into Compliance: .* Compliance is left as it is\.$/) }),
    ]);
    expect(counts.lookupProblems).toBe(1);
  });
});

describe('lookups into a linked collection', () => {
  it('write the linked value as Asset Panda holds it, and report a value no record holds without holding back the rest', () => {
    const location = FIELDS.find((field) => field.name === 'Location')!;
    const mapping = mappingWith({
      fields: [
        ...mappingWith().fields,
        { source: 'deviceCategoryDisplayName', target: { id: location.id, name: location.name, type: location.type }, transform: { kind: 'lookup' }, keepWhenEmpty: true },
      ],
    });
    const tables = lookupTables(mapping, FIELDS);
    const locations = collectionNamed(world.assetPanda, 'Locations');
    addLinkedRecords(tables.get(location.id)!, [...locations.records.values()].map(({ id, values }) => ({ id, values })));
    const planner = new Planner(mapping, FIELDS, tables, NOW);
    planner.addRecords([]);
    planner.addDevices([device('d1', 'SER1', { deviceCategoryDisplayName: 'redmond hq' }), device('d2', 'SER2', { deviceCategoryDisplayName: 'Mars Base' })]);
    const { entries, counts } = planner.finish([]);
    const creates = ofKind(entries, 'create');
    expect(creates.map((c) => c.values[location.id])).toEqual(['Redmond HQ', undefined]);
    expect(creates[1]?.values[fieldId('Serial Number')]).toBe('SER2');
    expect(ofKind(entries, 'lookup')).toEqual([expect.objectContaining({ device: expect.objectContaining({ id: 'd2' }), value: 'Mars Base', fieldName: 'Location' })]);
    expect(counts.lookupProblems).toBe(1);
  });
});

describe('a generated fleet against the records Asset Panda already holds', () => {
  const fleet = createWorld({ fleetSize: 2000, seed: 7 });
  const collection = collectionNamed(fleet.assetPanda, 'Devices');
  const fields = fieldsOf(collection);
  const records = [...collection.records.values()].map(({ id, values }) => ({ id, values }));
  const devices = ManagedDeviceSchema.array().parse(fleet.graph.devices);
  const planner = new Planner(devicesMapping(fields, collection), fields, new Map(), NOW);
  for (let from = 0; from < records.length; from += 100) planner.addRecords(records.slice(from, from + 100));
  for (let from = 0; from < devices.length; from += 100) planner.addDevices(devices.slice(from, from + 100));
  const { entries, counts } = planner.finish(planner.orphanCandidates());

  it('places every device once: created, updated, unchanged or in conflicts (which may name it for more than one reason)', () => {
    const placed = new Map<string, Set<string>>();
    const place = (id: string, kind: string) => placed.set(id, new Set([...(placed.get(id) ?? []), kind]));
    for (const entry of entries) {
      if (entry.kind === 'create' || entry.kind === 'update' || entry.kind === 'skipped') place(entry.device.id, entry.kind);
      if (entry.kind === 'conflict') entry.devices.forEach((d) => place(d.id, 'conflict'));
    }
    expect([...placed.values()].filter((kinds) => kinds.size > 1)).toEqual([]);
    const conflicted = [...placed.values()].filter((kinds) => kinds.has('conflict')).length;
    expect(placed.size + counts.unchanged).toBe(devices.length);
    expect(counts.creates + counts.updates + counts.unchanged + counts.skipped + conflicted).toBe(devices.length);
  });

  it('holds back every device Intune holds twice (a re-enrolment), and plans no two writes for one identity', () => {
    const serials = new Map<string, number>();
    for (const listed of devices) {
      const serial = matchKeyValue(listed.serialNumber);
      if (serial) serials.set(serial, (serials.get(serial) ?? 0) + 1);
    }
    const shared = [...serials].filter(([, count]) => count > 1).map(([serial]) => serial);
    expect(shared.length).toBeGreaterThan(0);
    const conflicted = new Set(ofKind(entries, 'conflict').flatMap((c) => c.devices.map((d) => matchKeyValue(d.serialNumber))));
    expect(shared.filter((serial) => !conflicted.has(serial))).toEqual([]);
    const keys = ofKind(entries, 'create').map((c) => c.key.value.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reports the records whose device is gone, and creates the devices with placeholder serials by their ID', () => {
    expect(counts.orphans).toBeGreaterThan(0);
    const junk = ofKind(entries, 'create').filter((c) => (JUNK_SERIALS as readonly string[]).includes(c.device.serialNumber ?? ''));
    expect(junk.length).toBeGreaterThan(0);
    for (const create of junk) expect(create.key.fieldId).toBe(fields.find((field) => field.name === 'Intune Device ID')?.id);
  });
});
