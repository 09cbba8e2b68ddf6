import { readFile } from 'node:fs/promises';
import type { Page, Worker } from 'playwright-core';
import { deleteColumn } from '../sandbox/assetpanda-api/columns.ts';
import { collectionNamed, columnNamed, deactivateCollection } from '../sandbox/assetpanda-api/tenant.ts';
import { connectAssetPanda, enterKey, seededKey } from './connect.ts';
import { describe, expect, test } from './fixtures.ts';

function section(page: Page) {
  return page.getByTestId('assetpanda-connection');
}

/** Everything the background keeps in IndexedDB and extension storage, as text (bytes decoded). */
function storedText(serviceWorker: Worker): Promise<string> {
  return serviceWorker.evaluate(async () => {
    // The function body runs in the service worker, so its helpers must live inside it.
    // oxlint-disable-next-line unicorn/consistent-function-scoping
    const result = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.addEventListener('success', () => resolve(request.result));
        request.addEventListener('error', () => reject(request.error));
      });
    const db = await result(indexedDB.open('intune-companion'));
    const values = await result(db.transaction('settings').objectStore('settings').getAll());
    db.close();
    type StorageArea = { get(keys: null): Promise<unknown> };
    const { storage } = (globalThis as unknown as { chrome: { storage: { local: StorageArea; session: StorageArea } } }).chrome;
    const extensionStorage = [await storage.local.get(null), await storage.session.get(null)];
    return JSON.stringify([values, extensionStorage], (_key, value: unknown) =>
      value instanceof Uint8Array ? new TextDecoder().decode(value) : value,
    );
  });
}

describe('Asset Panda connection on the options page', () => {
  test('connects with the seeded key pair, then shows the collections and their fields', async ({ browser, sandbox }) => {
    const key = seededKey(sandbox);
    const page = await connectAssetPanda(browser, sandbox);
    const card = section(page);
    const collection = card.getByLabel('Collection', { exact: true });
    await collection.waitFor();
    expect(await collection.locator('option').allTextContents()).toEqual(expect.arrayContaining(['Devices', 'Employees', 'Locations']));

    await collection.selectOption({ label: 'Devices' });
    const serial = card.getByTestId('assetpanda-fields').getByRole('row', { name: /^Serial Number/ });
    await expect.poll(() => serial.locator('td').allTextContents()).toEqual(['Serial Number', 'text', 'No', 'Yes', '']);
    await collection.selectOption({ label: 'Locations' });
    await expect.poll(() => card.getByTestId('assetpanda-fields').getByRole('row').count()).toBe(4);
    await expect.poll(() => card.getByTestId('assetpanda-fields').textContent()).toContain('City');

    expect(await storedText(browser.serviceWorker)).not.toContain(key.secret);
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export diagnostics' }).click()]);
    const report = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(report)).toMatchObject({ kind: 'asset-panda-api-diagnostics', observations: expect.arrayContaining([expect.objectContaining({ operation: 'GET /collection-columns' })]) });
    for (const secretOrValue of [key.secret, key.keyId, 'Contoso IT', 'Serial Number']) expect(report).not.toContain(secretOrValue);

    await page.reload();
    await expect.poll(() => section(page).getByTestId('assetpanda-state').textContent()).toContain('Connected to account Contoso IT');
    expect(await section(page).getByLabel('Access Key Secret').inputValue()).toBe('');
  });

  test('Asset Panda answering in the shapes a working client observed: inactive collections and deleted fields are not offered', async ({ browser, sandbox }) => {
    const state = sandbox.world.assetPanda;
    state.answerStyle = 'observed';
    const devices = collectionNamed(state, 'Devices');
    deleteColumn(devices, columnNamed(devices, 'Notes').id);
    deactivateCollection(collectionNamed(state, 'Employees'));
    const page = await connectAssetPanda(browser, sandbox);
    const card = section(page);

    const collection = card.getByLabel('Collection', { exact: true });
    await collection.waitFor();
    expect((await collection.locator('option').allTextContents()).toSorted()).toEqual(['Devices', 'Locations']);
    await collection.selectOption({ label: 'Devices' });
    const fields = card.getByTestId('assetpanda-fields');
    const serial = fields.getByRole('row', { name: /^Serial Number/ });
    await expect.poll(() => serial.locator('td').allTextContents()).toEqual(['Serial Number', 'text', 'No', 'Yes', '']);
    // A header row and the 21 fields left after Notes was deleted.
    expect(await fields.getByRole('row').count()).toBe(22);
    expect(await fields.getByRole('row', { name: /^Notes/ }).count()).toBe(0);
  });

  test('wrong keys show the error and nothing is saved', async ({ browser, sandbox }) => {
    const key = seededKey(sandbox);
    const page = await browser.openOptions();
    const card = section(page);
    const failure = card.getByTestId('assetpanda-failure');

    await enterKey(page, key.keyId, 'aps_not-the-secret');
    await card.getByRole('button', { name: 'Load Accounts' }).click();
    await expect.poll(() => failure.textContent()).toContain('Asset Panda did not accept the Access Key ID and Access Key Secret');
    expect(await failure.textContent()).toContain('Settings → API Configuration');

    // Right keys pick the account and module; a wrong secret at the final test still saves nothing.
    await enterKey(page, key.keyId, key.secret);
    await card.getByRole('button', { name: 'Load Accounts' }).click();
    await card.getByLabel('Account').selectOption({ label: 'Contoso IT' });
    await card.getByLabel('Module').selectOption({ label: 'IT Assets' });
    await card.getByLabel('Access Key Secret').fill('aps_not-the-secret');
    await card.getByRole('button', { name: 'Test and Save Connection' }).click();
    await expect.poll(() => failure.isVisible()).toBe(true);
    expect(await failure.textContent()).toContain('Asset Panda did not accept the Access Key ID and Access Key Secret');

    await page.reload();
    await expect.poll(() => section(page).getByTestId('assetpanda-state').textContent()).toContain('Not connected');
    expect(await section(page).getByLabel('Access Key ID').inputValue()).toBe('');
    expect(await storedText(browser.serviceWorker)).not.toContain(key.keyId);
  });
});

describe('the passphrase lock', () => {
  test('a new browser session asks for the passphrase before any Asset Panda call, and unlocking brings everything back', async ({ browser, sandbox }) => {
    const options = await connectAssetPanda(browser, sandbox);
    const lock = section(options).getByTestId('assetpanda-lock');
    await lock.getByLabel('New passphrase', { exact: true }).fill('a long enough passphrase');
    await lock.getByLabel('Repeat the new passphrase').fill('a long enough passphrase');
    await lock.getByRole('button', { name: 'Set passphrase' }).click();
    await expect.poll(() => lock.getAttribute('data-lock')).toBe('unlocked');

    // A new browser session: session storage (memory only) starts empty; IndexedDB is as it was.
    await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { clear(): Promise<void> } } } }).chrome.storage.session.clear());
    const sentBefore = sandbox.requests.length;
    const later = await browser.openOptions();
    const card = section(later);
    await expect.poll(() => card.getByTestId('assetpanda-lock').getAttribute('data-lock')).toBe('locked');
    await expect(card.getByTestId('assetpanda-locked').textContent()).resolves.toContain('wait until you unlock with your passphrase');
    await expect.poll(() => card.getByTestId('assetpanda-collections').textContent()).toContain('Unlock with your passphrase on the options page');
    expect(sandbox.requests.slice(sentBefore).filter((request) => request.host === 'api.assetpanda.app')).toEqual([]);

    await card.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await card.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => card.getByTestId('assetpanda-lock-failure').textContent()).toContain('not the passphrase set');
    await card.getByLabel('Passphrase', { exact: true }).fill('a long enough passphrase');
    await card.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => card.getByTestId('assetpanda-lock').getAttribute('data-lock')).toBe('unlocked');
    await card.getByLabel('Collection', { exact: true }).waitFor();
    expect(await card.getByLabel('Collection', { exact: true }).locator('option').allTextContents()).toEqual(expect.arrayContaining(['Devices']));
  });
});
