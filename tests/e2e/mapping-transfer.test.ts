import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { SANDBOX_TENANT_ID } from '../sandbox/directory.ts';
import { launchExtensionBrowser } from './browser.ts';
import { connectAssetPanda, connectBoth, connectIntune, seededKey } from './connect.ts';
import { describe, expect, test } from './fixtures.ts';
import { createMapping, listedState, openMappings } from './mapping-editor.ts';

/** Imports a file through the Mappings part; each import of a test uses another file name. */
async function importFile(page: Page, name: string, text: string): Promise<{ imported: boolean; text: string }> {
  await page.getByLabel('Import configuration').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const outcome = page.locator(`[data-testid="import-outcome"][data-file="${name}"]`);
  await outcome.waitFor();
  return { imported: (await outcome.getAttribute('data-imported')) === 'true', text: (await outcome.textContent()) ?? '' };
}

describe('exporting the configuration and importing it into another browser', () => {
  test('a second fresh profile takes the mapping, after its connections are made from the file', async ({ browser, sandbox }) => {
    const key = seededKey(sandbox);
    const first = await connectBoth(browser, sandbox);
    await createMapping(first, 'Intune laptops');
    await openMappings(first);
    const [download] = await Promise.all([first.waitForEvent('download'), first.getByRole('button', { name: 'Export configuration' }).click()]);
    const exported = await readFile(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toMatch(/^intune-companion-configuration-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(exported)).toMatchObject({
      kind: 'intune-companion-configuration',
      version: 1,
      connections: { intune: { tenantId: SANDBOX_TENANT_ID }, assetPanda: { accessKeyId: key.keyId, account: { name: 'Contoso IT' } } },
      mappings: [{ name: 'Intune laptops', collection: { name: 'Devices' } }],
    });
    expect(exported).not.toContain(key.secret);
    expect(exported).not.toMatch(/token|eyJ/i);

    const second = await launchExtensionBrowser({ hostResolverRules: sandbox.hostResolverRules });
    try {
      const page = await openMappings(await second.openOptions());
      const refused = await importFile(page, download.suggestedFilename(), exported);
      expect(refused.imported).toBe(false);
      expect(refused.text).toContain('Mapping "Intune laptops": Asset Panda is not connected');
      expect(await page.getByTestId('no-mappings').isVisible()).toBe(true);

      // The file fills in the connection forms; the admin signs in and enters the secret.
      await page.getByRole('button', { name: 'Fill in the connection forms' }).click();
      await expect.poll(() => page.getByTestId('intune-connection').getByLabel('Tenant ID').inputValue()).toBe(SANDBOX_TENANT_ID);
      expect(await page.getByTestId('assetpanda-connection').getByLabel('Access Key ID').inputValue()).toBe(key.keyId);
      expect(await page.getByTestId('assetpanda-connection').getByLabel('Access Key Secret').inputValue()).toBe('');
      await connectIntune(second, page);
      await connectAssetPanda(second, sandbox, page);

      await openMappings(page);
      const imported = await importFile(page, 'again.json', exported);
      expect(imported).toEqual({ imported: true, text: expect.stringContaining('Imported “Intune laptops”') });
      expect(await listedState(page, 'Intune laptops')).toContain('Runnable');
      await page.getByRole('link', { name: 'Intune laptops' }).click();
      await expect.poll(() => page.getByTestId('mapping-editor').getByLabel('Asset Panda field for Serial Number').locator('option:checked').textContent()).toBe('Serial Number (text)');
    } finally {
      await second.close();
    }
  });

  test('refuses a file with a secret, an unknown key or a field Asset Panda does not have, listing each, and changes nothing', async ({ browser, sandbox }) => {
    const page = await connectBoth(browser, sandbox);
    await createMapping(page, 'Intune laptops');
    await openMappings(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export configuration' }).click()]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    file.connections.assetPanda.accessKeySecret = 'pasted by mistake';
    file.mappings[0].colour = 'blue';
    const outcome = await importFile(page, 'edited.json', JSON.stringify(file));
    expect(outcome.imported).toBe(false);
    expect(outcome.text).toContain('connections.assetPanda.accessKeySecret holds a secret');
    expect(outcome.text).toContain('mappings[0].colour is not a setting this extension knows');

    delete file.connections.assetPanda.accessKeySecret;
    delete file.mappings[0].colour;
    file.mappings[0].name = 'Renamed by the file';
    file.mappings[0].fields[0].target = { id: 'x_0_gone_text', name: 'Asset Tag', type: 'text' };
    const missingField = await importFile(page, 'edited-again.json', JSON.stringify(file));
    expect(missingField.imported).toBe(false);
    expect(missingField.text).toContain('Mapping "Renamed by the file": The Asset Panda field "Asset Tag" (text)');
    await page.reload();
    expect(await listedState(page, 'Intune laptops')).toContain('Runnable');
    expect(await page.getByTestId('mapping-row').count()).toBe(1);
  });
});
