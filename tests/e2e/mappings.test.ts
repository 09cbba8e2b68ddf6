import type { Page } from 'playwright-core';
import type { ManagedDevice } from '../sandbox/fleet/managed-device.ts';
import { deleteColumn } from '../sandbox/assetpanda-api/columns.ts';
import { collectionNamed, columnNamed, deleteCollection } from '../sandbox/assetpanda-api/tenant.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { connectBoth } from './connect.ts';
import { describe, expect, test } from './fixtures.ts';
import { createMapping, listedState, openMappings } from './mapping-editor.ts';

/** "N devices match", as a number, once the count has finished. */
async function matchCount(page: Page): Promise<number> {
  const shown = page.getByTestId('match-count');
  await shown.and(page.locator('[data-state="counted"]')).waitFor({ timeout: 20_000 });
  return Number((await shown.textContent())?.replace(/[^0-9]/g, ''));
}

const devices = (sandbox: Sandbox, keep: (device: ManagedDevice) => boolean) => sandbox.world.graph.devices.filter(keep).length;
const graphCalls = (sandbox: Sandbox) => sandbox.requests.filter((request) => request.host === 'graph.microsoft.com' && request.path.includes('managedDevices'));

describe('mapping Intune onto an Asset Panda collection', () => {
  test('creates a mapping in a fresh connected profile, sees how many devices match, reloads and edits it', async ({ browser, sandbox }) => {
    const page = await openMappings(await connectBoth(browser, sandbox));
    await expect.poll(() => page.getByTestId('no-mappings').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'New mapping' }).click();
    const editor = page.getByTestId('mapping-editor');
    await editor.getByLabel('Mapping Name').fill('Intune laptops');
    await editor.getByLabel('Collection', { exact: true }).selectOption({ label: 'Devices' });

    // Every device, then Windows only (Graph counts), then company-owned Windows (counted by the extension).
    expect(await matchCount(page)).toBe(sandbox.world.graph.devices.length);
    await editor.getByRole('checkbox', { name: 'Windows' }).check();
    const windows = devices(sandbox, (device) => device.operatingSystem === 'Windows');
    await expect.poll(() => matchCount(page)).toBe(windows);
    await editor.getByRole('radio', { name: /Company Owned/ }).check();
    const companyWindows = devices(sandbox, (device) => device.operatingSystem === 'Windows' && device.managedDeviceOwnerType === 'company');
    expect(companyWindows).toBeLessThan(windows);
    await expect.poll(() => matchCount(page)).toBe(companyWindows);
    expect(graphCalls(sandbox).some((call) => call.path.endsWith('/$count') && call.query.$filter === "operatingSystem eq 'Windows'")).toBe(true);
    expect(graphCalls(sandbox).at(-1)?.query).toMatchObject({ $filter: "operatingSystem eq 'Windows'", $select: 'id,operatingSystem,managedDeviceOwnerType' });

    // Suggest mapping proposes fields from their names; the admin reviews one and saves.
    await editor.getByRole('button', { name: 'Suggest mapping' }).click();
    await expect.poll(() => editor.getByLabel('Asset Panda field for Serial Number').inputValue()).toBe(columnNamed(collectionNamed(sandbox.world.assetPanda, 'Devices'), 'Serial Number').id);
    expect(await editor.getByLabel('Intune field to look up for Assigned To').locator('option:checked').textContent()).toBe('Primary User Email');
    await editor.getByLabel('Never overwrite Model with an empty value').uncheck();
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByTestId('mapping-note').filter({ hasText: 'Saved “Intune laptops”' }).waitFor();

    await page.reload();
    const reopened = page.getByTestId('mapping-editor');
    await expect.poll(() => reopened.getByLabel('Mapping Name').inputValue()).toBe('Intune laptops');
    expect(await reopened.getByRole('checkbox', { name: 'Windows' }).isChecked()).toBe(true);
    expect(await reopened.getByRole('radio', { name: /Company Owned/ }).isChecked()).toBe(true);
    await expect.poll(() => reopened.getByLabel('Never overwrite Model with an empty value').isChecked()).toBe(false);
    expect(await reopened.getByLabel('Never overwrite Serial Number with an empty value').isChecked()).toBe(true);
    expect(await matchCount(page)).toBe(companyWindows);

    await reopened.getByLabel('Mapping Name').fill('Intune Windows laptops');
    await reopened.getByRole('checkbox', { name: 'macOS' }).check();
    await reopened.getByRole('button', { name: 'Save' }).click();
    await reopened.getByTestId('mapping-note').filter({ hasText: 'Saved “Intune Windows laptops”' }).waitFor();
    await openMappings(page);
    expect(await listedState(page, 'Intune Windows laptops')).toContain('Runnable');
    await expect.poll(() => page.getByTestId('mapping-row').count()).toBe(1);
  });

  test('refuses a Unique Identifier the guide calls unsuitable, with its reason, and a mapping onto no field', async ({ browser, sandbox }) => {
    const page = await openMappings(await connectBoth(browser, sandbox), 'new');
    const editor = page.getByTestId('mapping-editor');
    await editor.getByLabel('Mapping Name').fill('By name');
    await editor.getByLabel('Collection', { exact: true }).selectOption({ label: 'Devices' });
    await editor.getByText('Add a field to the Unique Identifier').click();
    const deviceName = editor.getByTestId('identifier-candidate').filter({ hasText: 'Device Name' });
    expect(await deviceName.textContent()).toContain('Not suitable as a Unique Identifier. May change over time.');
    expect(await deviceName.getByRole('button').count()).toBe(0);

    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByTestId('mapping-failure').waitFor();
    const problems = editor.getByTestId('mapping-problems');
    expect(await problems.textContent()).toContain('Intune Device ID is a Unique Identifier but is not mapped onto an Asset Panda field');

    // Leaving the unsaved mapping asks first: Cancel stays, edits and all; OK leaves it unsaved.
    const questions: string[] = [];
    page.on('dialog', (dialog) => {
      questions.push(dialog.message());
      void (questions.length === 1 ? dialog.dismiss() : dialog.accept());
    });
    await editor.getByRole('link', { name: 'Back to the list' }).click();
    await expect.poll(() => questions).toEqual(['This mapping has changes that are not saved. Leave without saving them?']);
    expect(await editor.getByLabel('Mapping Name').inputValue()).toBe('By name');
    expect(new URL(page.url()).hash).toBe('#mappings/new');
    await openMappings(page);
    expect(questions).toHaveLength(2);
    await expect.poll(() => page.getByTestId('no-mappings').isVisible()).toBe(true);
  });

  test('flags a mapping whose field was deleted in Asset Panda as not runnable, and one whose collection is gone', async ({ browser, sandbox }) => {
    const page = await connectBoth(browser, sandbox);
    await createMapping(page, 'Intune laptops');
    await openMappings(page);
    expect(await listedState(page, 'Intune laptops')).toContain('Runnable');

    const devicesCollection = collectionNamed(sandbox.world.assetPanda, 'Devices');
    deleteColumn(devicesCollection, columnNamed(devicesCollection, 'Serial Number').id);
    await page.reload();
    const state = await listedState(page, 'Intune laptops');
    expect(state).toContain('Not runnable');
    expect(state).toContain('The Asset Panda field "Serial Number" (text) that Serial Number is mapped onto no longer exists in Devices');

    await page.getByRole('link', { name: 'Intune laptops' }).click();
    const editor = page.getByTestId('mapping-editor');
    await expect.poll(() => editor.getByTestId('mapping-problems').getAttribute('data-runnable')).toBe('false');
    expect(await editor.getByTestId('mapping-problems').textContent()).toContain('"Serial Number" (text)');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => editor.getByTestId('mapping-failure').textContent()).toContain('Not saved');

    deleteCollection(sandbox.world.assetPanda, devicesCollection);
    await openMappings(page);
    expect(await listedState(page, 'Intune laptops')).toContain('The collection "Devices" is no longer in the connected Asset Panda module');
    await page.getByRole('link', { name: 'Intune laptops' }).click();
    await expect.poll(() => page.getByTestId('collection-gone').textContent()).toContain('Pick another collection');
  });
});
