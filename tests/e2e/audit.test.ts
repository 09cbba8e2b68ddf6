import { readFile } from 'node:fs/promises';
import { throttled } from '../sandbox/graph/errors.ts';
import { confirmAction, openConfirmation } from './confirm-window.ts';
import { describe, expect, test } from './fixtures.ts';
import { openLinkedRecord } from './panel-setup.ts';

describe('the audit of device actions', () => {
  test('lists every action, done or not, with who, device, record, result and Graph request-id, and exports it as CSV', async ({ browser, sandbox }) => {
    const { record, page } = await openLinkedRecord(browser, sandbox, (d) => d.operatingSystem === 'Windows');
    await expect(confirmAction(await openConfirmation(browser, page, 'Wipe'), { typedName: record.device.deviceName ?? '' })).resolves.toBe('sent');
    sandbox.fault({ host: 'graph.microsoft.com', method: 'POST', path: /\/syncDevice$/, response: throttled(1), times: 10 });
    await expect(confirmAction(await openConfirmation(browser, page, 'Sync device'))).resolves.toBe('failed');

    const options = await browser.openExtensionPage('options.html#audit');
    const rows = options.getByTestId('audit-entries').locator('tbody tr');
    await rows.first().waitFor();
    await expect(rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-action')} ${tr.getAttribute('data-outcome')}`))).resolves.toEqual([
      'syncDevice failed',
      'wipe sent',
    ]);
    await expect(rows.nth(1).textContent()).resolves.toContain('megan.bowen@');
    await expect(rows.nth(1).textContent()).resolves.toContain('keepEnrollmentData=false; keepUserData=false');

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export CSV' }).click()]);
    const [header, syncRow, wipeRow] = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
    expect(header).toContain('When,Who,Action,Device,Intune Device ID');
    expect(wipeRow).toMatch(new RegExp(`,Wipe,${record.device.deviceName},${record.device.id},.*,Sent to Intune.*,[0-9a-f-]{36},[0-9a-f-]{36}$`));
    expect(syncRow).toMatch(/,Sync device,.*,Not done,.*throttling/);
  });
});
