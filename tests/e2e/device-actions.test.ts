import type { Sandbox } from '../sandbox/server.ts';
import { deviceWrites, recordWrites } from '../support/writes.ts';
import { describe, expect, test } from './fixtures.ts';
import { confirmAction, openConfirmation } from './confirm-window.ts';
import { linkedRecord, recordValues } from './linked-records.ts';
import { expectDeviceShown, panelIn } from './panel.ts';
import { pagesOpening } from './panel-pages.ts';
import { connectAndMap, openLinkedRecord } from './panel-setup.ts';

/** Asset Panda's record writes, by method and answer. */
const recordWritesOf = (sandbox: Sandbox) => recordWrites(sandbox.requests).map((r) => `${r.method} ${r.status}`);

describe('device actions from the record panel', () => {
  test('Retire: Intune retires the device, Asset Panda keeps the record with its status set to Retired', async ({ browser, sandbox }) => {
    const { record, page } = await openLinkedRecord(browser, sandbox, (d) => d.operatingSystem === 'macOS');

    const confirmation = await openConfirmation(browser, page, 'Retire');
    await expect(confirmation.getByTestId('confirm-device').textContent()).resolves.toContain(record.device.serialNumber ?? '');
    await expect(confirmation.getByTestId('confirm-effects').textContent()).resolves.toContain('its Status is set to "Retired"');
    expect(deviceWrites(sandbox.world)).toEqual([]);

    await expect(confirmAction(confirmation)).resolves.toBe('sent');

    expect(deviceWrites(sandbox.world)).toEqual([{ action: 'retire', deviceId: record.device.id, body: undefined, status: 204 }]);
    expect(recordValues(sandbox.world, record.recordId)).toMatchObject({ Status: 'Retired', Name: record.title });
    await panelIn(page, 'device').getByTestId('panel-activity').filter({ hasText: 'Retire: pending' }).waitFor();
  });

  test('Wipe: asks for the device name, sends the options for the platform, and leaves Asset Panda as it is', async ({ browser, sandbox }) => {
    const { record, page } = await openLinkedRecord(browser, sandbox, (d) => d.operatingSystem === 'Windows');
    const before = recordValues(sandbox.world, record.recordId);

    const confirmation = await openConfirmation(browser, page, 'Wipe');
    const options = confirmation.getByTestId('wipe-options');
    await expect(options.getByRole('checkbox').count()).resolves.toBe(2);
    await options.getByLabel("Keep the user's data").check();
    const wipe = confirmation.getByRole('button', { name: 'Wipe device' });
    await confirmation.getByLabel(/Type the device name/).fill(`${record.device.deviceName}x`);
    await expect(wipe.isDisabled()).resolves.toBe(true);

    await expect(confirmAction(confirmation, { typedName: record.device.deviceName ?? '' })).resolves.toBe('sent');

    expect(deviceWrites(sandbox.world)).toEqual([{ action: 'wipe', deviceId: record.device.id, body: { keepEnrollmentData: false, keepUserData: true }, status: 204 }]);
    expect(recordValues(sandbox.world, record.recordId)).toEqual(before);
    expect(recordWritesOf(sandbox)).toEqual([]);
  });

  test('Delete: Intune deletes the device, then Asset Panda deletes the record', async ({ browser, sandbox }) => {
    const { record, page } = await openLinkedRecord(browser, sandbox, (d) => d.operatingSystem === 'Android');

    const confirmation = await openConfirmation(browser, page, 'Delete');
    await expect(confirmAction(confirmation, { typedName: record.device.deviceName ?? '' })).resolves.toBe('sent');

    expect(deviceWrites(sandbox.world)).toEqual([{ action: 'delete', deviceId: record.device.id, body: undefined, status: 204 }]);
    expect(recordValues(sandbox.world, record.recordId)).toBeUndefined();
    await panelIn(page, 'record-not-found').waitFor();
  });

  test('Delete with Asset Panda failing: says it is half done, and the retry finishes it', async ({ browser, sandbox }) => {
    const { record, page } = await openLinkedRecord(browser, sandbox, (d) => d.operatingSystem === 'iOS');
    sandbox.fault({ host: 'api.assetpanda.app', method: 'DELETE', path: '/collection-records', response: { status: 500, body: '{"message":"Internal error"}' }, times: 5 });

    const confirmation = await openConfirmation(browser, page, 'Delete');
    await expect(confirmAction(confirmation, { typedName: record.device.deviceName ?? '' })).resolves.toBe('partial');

    await expect(confirmation.getByTestId('confirm-outcome').textContent()).resolves.toMatch(/Intune deleted the device\. Asset Panda did not delete the record/);
    expect(recordValues(sandbox.world, record.recordId)).toBeDefined();
    await panelIn(page, 'delete-unfinished').waitFor();
    await expect(panelIn(page).textContent()).resolves.toContain('Half done');

    sandbox.faults.clear();
    await confirmation.getByRole('button', { name: 'Retry deleting the Asset Panda record' }).click();
    await confirmation.locator('[data-testid="confirm-action"][data-kind="finishDelete"]').waitFor();
    await expect(confirmAction(confirmation)).resolves.toBe('sent');

    expect(recordValues(sandbox.world, record.recordId)).toBeUndefined();
    expect(deviceWrites(sandbox.world)).toEqual([{ action: 'delete', deviceId: record.device.id, body: undefined, status: 204 }]);
    await panelIn(page, 'record-not-found').waitFor();
  });

  test('Remote lock: Intune locks the device, and the panel follows the action until it is done', async ({ browser, sandbox }) => {
    const { record, page } = await openLinkedRecord(browser, sandbox, (d) => d.operatingSystem === 'iOS' && sandbox.world.now() - Date.parse(d.lastSyncDateTime) < 86_400_000);

    await expect(confirmAction(await openConfirmation(browser, page, 'Remote lock'))).resolves.toBe('sent');
    expect(deviceWrites(sandbox.world)).toEqual([{ action: 'remoteLock', deviceId: record.device.id, body: undefined, status: 204 }]);
    const activity = panelIn(page, 'device').getByTestId('panel-activity');
    await activity.filter({ hasText: 'Remote lock: pending' }).waitFor();

    // Intune finishes the action once the device checks in; the panel, still polling, shows it without a reload.
    sandbox.world.advanceClock(sandbox.world.graph.actionCompletionMs + 60_000);
    await activity.filter({ hasText: 'Remote lock: done' }).waitFor({ timeout: 30_000 });
  });

  test('Sync device: asks Intune to have the device check in', async ({ browser, sandbox }) => {
    const { record, page } = await openLinkedRecord(browser, sandbox, (d) => d.operatingSystem === 'Windows');

    await expect(confirmAction(await openConfirmation(browser, page, 'Sync device'))).resolves.toBe('sent');

    expect(deviceWrites(sandbox.world)).toEqual([{ action: 'syncDevice', deviceId: record.device.id, body: undefined, status: 204 }]);
    expect(recordWritesOf(sandbox)).toEqual([]);
  });

  test('offers only the actions the platform supports, and says why the others are missing', async ({ browser, sandbox }) => {
    const { page } = await openLinkedRecord(browser, sandbox, (d) => d.operatingSystem === 'Windows');
    const confirmations = pagesOpening(browser.context, '/confirm-action.html');

    const lock = panelIn(page, 'device').getByRole('button', { name: 'Remote lock' });
    await expect(lock.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(lock.getAttribute('title')).resolves.toContain('Intune does not offer Remote lock for Windows devices');
    // A real click (Playwright would otherwise wait for the button to be enabled).
    await lock.click({ force: true });

    // The barrier: a click that does open a confirmation, after any the inert button could have opened.
    const sync = await openConfirmation(browser, page, 'Sync device');
    expect(confirmations()).toEqual([sync]);
    await expect(sync.getByTestId('confirm-action').getAttribute('data-action')).resolves.toBe('syncDevice');
    expect(deviceWrites(sandbox.world)).toEqual([]);
  });

  test('Sync this record: writes the device’s current values into the record through the mapping', async ({ browser, sandbox }) => {
    await connectAndMap(browser, sandbox);
    const record = linkedRecord(sandbox.world, (d) => d.operatingSystem === 'macOS');
    expect(recordValues(sandbox.world, record.recordId)).toMatchObject({ OS: null, 'OS Version': null });
    const page = await browser.open(record.url);
    await expectDeviceShown(page, record.device.deviceName ?? '');
    await panelIn(page, 'device').getByTestId('panel-pending-changes').filter({ hasText: '2 mapped fields differ' }).waitFor();

    await panelIn(page, 'device').getByRole('button', { name: 'Sync this record' }).click();

    await panelIn(page).getByTestId('panel-note').filter({ hasText: 'Updated OS, OS Version from Intune.' }).waitFor();
    expect(recordValues(sandbox.world, record.recordId)).toMatchObject({ OS: 'macOS', 'OS Version': record.device.osVersion, Status: 'In Use' });
    await panelIn(page, 'device').getByTestId('panel-pending-changes').filter({ hasText: 'Asset Panda matches Intune.' }).waitFor();
    expect(recordWritesOf(sandbox)).toEqual(['PUT 200']);
    expect(deviceWrites(sandbox.world)).toEqual([]);
  });
});
