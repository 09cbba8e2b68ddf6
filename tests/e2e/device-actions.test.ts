import { describe, expect, test } from './fixtures.ts';
import { confirmAction, openConfirmation } from './confirm-window.ts';
import { linkedRecord, recordValues } from './linked-records.ts';
import { expectDeviceShown, panelIn } from './panel.ts';
import { connectAndMap } from './panel-setup.ts';

describe('device actions from the record panel', () => {
  test('Retire: Intune retires the device, Asset Panda keeps the record with its status set to Retired', async ({ browser, sandbox }) => {
    await connectAndMap(browser, sandbox);
    const record = linkedRecord(sandbox.world, (d) => d.operatingSystem === 'macOS');
    const page = await browser.open(record.url);
    await expectDeviceShown(page, record.device.deviceName ?? '');

    const confirmation = await openConfirmation(browser, page, 'Retire');
    await expect(confirmation.getByTestId('confirm-device').textContent()).resolves.toContain(record.device.serialNumber ?? '');
    await expect(confirmation.getByTestId('confirm-effects').textContent()).resolves.toContain('set to "Retired"');
    expect(sandbox.world.graph.requests).toEqual([]);

    await expect(confirmAction(confirmation)).resolves.toBe('sent');

    expect(sandbox.world.graph.requests.map(({ action, deviceId, body, status }) => ({ action, deviceId, body, status }))).toEqual([
      { action: 'retire', deviceId: record.device.id, body: undefined, status: 204 },
    ]);
    expect(recordValues(sandbox.world, record.recordId)).toMatchObject({ Status: 'Retired', Name: record.title });
    await panelIn(page, 'device').getByTestId('panel-activity').filter({ hasText: 'Retire: pending' }).waitFor();
  });
});
