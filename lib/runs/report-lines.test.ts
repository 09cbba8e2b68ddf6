import { describe, expect, it } from 'vitest';
import type { PlanEntry, WriteState } from '../sync/plan-types';
import { historyCsv } from './history';
import { lineCounts, linesOf, reportCsv, selectLines } from './report-lines';
import type { RunRecord } from '../sync/run-store';

const laptop = { id: 'd-1', name: 'LAPTOP-0042', serialNumber: 'PF3ABCD1' };
const phone = { id: 'd-2', name: '=HYPERLINK("http://evil","x")', serialNumber: null };
const record = { id: 'r-1', keys: [{ fieldName: 'Serial Number', value: 'PF3ABCD1' }] };
const entries: PlanEntry[] = [
  { kind: 'create', device: phone, values: { 'f-name': 'iPhone', 'f-id': 'd-2' }, key: { fieldId: 'f-id', value: 'd-2' } },
  { kind: 'update', device: laptop, record, changes: [{ fieldId: 'f-os', fieldName: 'OS Version', before: '10.0.1', after: '10.0.2' }] },
  { kind: 'unchanged', device: laptop, record },
  { kind: 'conflict', reason: '2 Intune devices share Serial Number "X".', devices: [laptop, phone], records: [] },
  { kind: 'missing', record, deviceId: 'd-9', action: 'setValue', changes: [{ fieldId: 'f-status', fieldName: 'Status', before: 'In Use', after: 'Retired' }] },
  { kind: 'orphan', record, deviceId: 'd-8', reason: 'Intune no longer holds device d-8; the mapping leaves its record as it is.' },
];
const failed: WriteState = { status: 'failed', attempts: 1, reason: 'OS Version is too long.' };
const lines = linesOf({ entries, states: [{ status: 'written', attempts: 1, recordId: 'r-new' }, failed, undefined, undefined, { status: 'pending', attempts: 0 }, undefined] });
const names = new Map([
  ['f-name', 'Name'],
  ['f-id', 'Intune Device ID'],
]);

describe('a run report', () => {
  it('counts lines by kind (records whose device is gone together) and the failed writes', () => {
    expect(lineCounts(lines)).toEqual({ create: 1, update: 1, unchanged: 1, conflict: 1, orphan: 2, skipped: 0, lookup: 0, failed: 1 });
  });

  it('selects a kind or the failed writes, and searches names, serials, ids, fields and values without regard to case', () => {
    expect(selectLines(lines, 'orphan', '', names).map((line) => line.index)).toEqual([4, 5]);
    expect(selectLines(lines, 'failed', '', names).map((line) => line.index)).toEqual([1]);
    expect(selectLines(lines, 'all', 'pf3abcd1', names).map((line) => line.index)).toEqual([1, 2, 3, 4, 5]);
    expect(selectLines(lines, 'all', 'iphone', names).map((line) => line.index)).toEqual([0]);
    expect(selectLines(lines, 'all', 'os version', names).map((line) => line.index)).toEqual([1]);
    expect(selectLines(lines, 'update', 'retired', names)).toEqual([]);
  });

  it('exports as CSV with each change as before → after, the reason of a failure, and no cell a spreadsheet would run', () => {
    const rows = reportCsv(lines, names).split('\r\n');
    expect(rows[0]).toBe('Line,Result,Device,Serial Number,Intune Device ID,Record ID,Record,Changes,Reason');
    expect(rows[1]).toBe(`Create,Written,"'=HYPERLINK(""http://evil"",""x"")",,d-2,r-new,,Name: (empty) → iPhone; Intune Device ID: (empty) → d-2,`);
    expect(rows[2]).toBe('Update,Failed,LAPTOP-0042,PF3ABCD1,d-1,r-1,Serial Number PF3ABCD1,OS Version: 10.0.1 → 10.0.2,OS Version is too long.');
    expect(rows[5]).toContain('Gone from Intune,Not written yet,,,d-9,r-1,Serial Number PF3ABCD1,Status: In Use → Retired');
  });

  it('lists every run in the history CSV with its trigger, counts and why it paused', () => {
    const run: RunRecord = {
      id: 'run-1',
      mappingId: 'm',
      mappingName: '+Laptops',
      mappingUpdatedAt: '2026-12-01T00:00:00.000Z',
      collectionId: 'c',
      mode: 'sync',
      trigger: 'schedule',
      status: 'paused',
      startedAt: Date.parse('2026-12-01T02:00:00Z'),
      updatedAt: 0,
      written: { created: 3, updated: 1, marked: 0, deleted: 0, failed: 1, pending: 4 },
      pause: { code: 'asset-panda-locked', message: 'Asset Panda is locked.', at: 0 },
      computeMs: 0,
    };
    const [header, row] = historyCsv([run]).split('\r\n');
    expect(header).toContain('Started,Ended,Mapping,Kind,Trigger,Status');
    expect(row).toBe("2026-12-01T02:00:00.000Z,,'+Laptops,Sync,Schedule,Paused,,,,,,,,3,1,0,0,1,Asset Panda is locked.,run-1");
  });
});
