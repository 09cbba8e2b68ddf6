import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { auditLog, type AuditEntry } from './audit';
import { auditCsv } from './audit-csv';

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 'a1',
  at: '2026-06-01T10:00:00.000Z',
  updatedAt: '2026-06-01T10:00:01.000Z',
  actor: { username: 'megan.bowen@contoso.com', name: 'Megan Bowen' },
  action: 'wipe',
  device: { id: 'd1', name: 'LAPTOP-0042', serialNumber: 'PF3ABCD1', operatingSystem: 'Windows' },
  record: { collectionId: 'c1', collectionName: 'Devices', recordId: 'r1', title: 'LAPTOP-0042' },
  mappingId: 'm1',
  options: { keepUserData: true, macOsUnlockCode: 'set' },
  outcome: 'sent',
  intune: { message: 'Intune accepted Wipe.', requestId: 'req-1', clientRequestId: 'client-1' },
  assetPanda: { status: 'none', message: 'Asset Panda was not changed.' },
  progress: 'pending',
  ...overrides,
});

describe('audit CSV', () => {
  it('has one row per action with who, when, device, record, options, result and the Graph ids', () => {
    const [header, row] = auditCsv([entry()]).split('\r\n');
    expect(header).toBe('When,Who,Action,Device,Intune Device ID,Serial Number,Collection,Record,Record ID,Options,Result,Intune,Asset Panda,Graph request-id,Graph client-request-id');
    expect(row).toBe(
      '2026-06-01T10:00:00.000Z,megan.bowen@contoso.com,Wipe,LAPTOP-0042,d1,PF3ABCD1,Devices,LAPTOP-0042,r1,keepUserData=true; macOsUnlockCode=set,Sent to Intune · pending,Intune accepted Wipe.,Asset Panda was not changed.,req-1,client-1',
    );
  });

  it('quotes what needs quoting and defuses spreadsheet formulas in names anyone could type', () => {
    const csv = auditCsv([entry({ device: { id: 'd1', name: '=HYPERLINK("http://evil","x")', serialNumber: '+1,2', operatingSystem: null }, record: { collectionId: 'c', collectionName: 'Devices', recordId: 'r', title: 'Line\nbreak' } })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).toContain(`"'+1,2"`);
    expect(csv).toContain('"Line\nbreak"');
  });
});

describe('audit log', () => {
  it('lists entries newest first and finds a half-done delete of a record', async () => {
    const log = auditLog(openDatabase());
    await log.add(entry({ id: 'old', at: '2026-06-01T09:00:00.000Z' }));
    await log.add(entry({ id: 'new', at: '2026-06-01T11:00:00.000Z', action: 'delete', outcome: 'partial' }));
    expect((await log.list()).entries.map((e) => e.id)).toEqual(['new', 'old']);
    expect((await log.unfinishedDelete('c1', 'r1'))?.id).toBe('new');
    await log.update(await log.get('new'), { outcome: 'sent' }, new Date());
    expect(await log.unfinishedDelete('c1', 'r1')).toBeUndefined();
  });

  it("writes Intune's progress onto the entries of the actions it belongs to", async () => {
    const log = auditLog(openDatabase());
    await log.add(entry({ id: 'w', action: 'wipe', progress: null }));
    await log.noteProgress('d1', [{ actionName: 'wipe', actionState: 'done', startDateTime: '2026-06-01T10:00:02Z' }], new Date());
    expect((await log.get('w')).progress).toBe('done');
    await log.noteProgress('d1', [{ actionName: 'wipe', actionState: 'failed', startDateTime: '2026-05-01T10:00:00Z' }], new Date());
    expect((await log.get('w')).progress).toBe('done');
  });
});
