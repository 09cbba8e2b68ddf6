import type { Page } from 'playwright-core';
import type { ApiKey } from '../sandbox/assetpanda-api/state.ts';
import { SANDBOX_TENANT_ID } from '../sandbox/directory.ts';
import { SANDBOX_CLIENT_ID } from '../sandbox/entra/state.ts';
import type { Sandbox } from '../sandbox/server.ts';
import type { ExtensionBrowser } from './browser.ts';

// Connecting a fresh profile the way an admin does: through the options page's own forms, so the
// extension stores what it stores itself. Tests that need both connections start here.

/** Types a Tenant ID and a Client ID into the Microsoft Intune form. */
export async function fillIntuneForm(options: Page, values: { tenantId: string; clientId: string }): Promise<void> {
  const section = options.getByTestId('intune-connection');
  await section.getByLabel('Tenant ID').fill(values.tenantId);
  await section.getByLabel('Client ID').fill(values.clientId);
}

/** Fills the Microsoft Intune form and runs "Test and Save Connection" until it is saved. */
export async function connectIntune(browser: ExtensionBrowser, options?: Page): Promise<Page> {
  const page = options ?? (await browser.openOptions());
  await fillIntuneForm(page, { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID });
  await page.getByTestId('intune-connection').getByRole('button', { name: 'Test and Save Connection' }).click();
  await page.locator('[data-testid="intune-test-outcome"][data-saved="true"]').waitFor({ timeout: 30_000 });
  return page;
}

/** The seeded API key that may read and write, as the admin would copy it from Settings → API Configuration. */
export function seededKey(sandbox: Sandbox): ApiKey {
  const key = sandbox.world.assetPanda.apiKeys.find((candidate) => candidate.permissions.read && candidate.permissions.write);
  if (!key) throw new Error('The sandbox seeds no read-write Asset Panda API key.');
  return key;
}

/** Types an Access Key ID and Secret into the Asset Panda form. */
export async function enterKey(options: Page, keyId: string, secret: string): Promise<void> {
  const section = options.getByTestId('assetpanda-connection');
  await section.getByLabel('Access Key ID').fill(keyId);
  await section.getByLabel('Access Key Secret').fill(secret);
}

/** Enters the seeded read-write API key, picks Contoso IT / IT Assets and runs "Test and Save Connection". */
export async function connectAssetPanda(browser: ExtensionBrowser, sandbox: Sandbox, options?: Page): Promise<Page> {
  const key = seededKey(sandbox);
  const page = options ?? (await browser.openOptions());
  const section = page.getByTestId('assetpanda-connection');
  await enterKey(page, key.keyId, key.secret);
  await section.getByRole('button', { name: 'Load Accounts' }).click();
  await section.getByLabel('Account').selectOption({ label: 'Contoso IT' });
  await section.getByLabel('Module').selectOption({ label: 'IT Assets' });
  await section.getByRole('button', { name: 'Test and Save Connection' }).click();
  await section.getByTestId('assetpanda-state').filter({ hasText: 'Connected to account Contoso IT, module IT Assets' }).waitFor();
  return page;
}

/** Both connections, on one options page. */
export async function connectBoth(browser: ExtensionBrowser, sandbox: Sandbox): Promise<Page> {
  const page = await connectIntune(browser);
  return connectAssetPanda(browser, sandbox, page);
}
