import type { Page } from 'playwright-core';
import { SANDBOX_TENANT_ID } from '../sandbox/directory.ts';
import { SANDBOX_CLIENT_ID } from '../sandbox/entra/state.ts';
import type { Sandbox } from '../sandbox/server.ts';
import type { ExtensionBrowser } from './browser.ts';

// Connecting a fresh profile the way an admin does: through the options page's own forms, so the
// extension stores what it stores itself. Tests that need both connections start here.

/** Fills the Microsoft Intune form and runs "Test and Save Connection" until it is saved. */
export async function connectIntune(browser: ExtensionBrowser, options?: Page): Promise<Page> {
  const page = options ?? (await browser.openOptions());
  const section = page.getByTestId('intune-connection');
  await section.getByLabel('Tenant ID').fill(SANDBOX_TENANT_ID);
  await section.getByLabel('Client ID').fill(SANDBOX_CLIENT_ID);
  await section.getByRole('button', { name: 'Test and Save Connection' }).click();
  await page.locator('[data-testid="intune-test-outcome"][data-saved="true"]').waitFor({ timeout: 30_000 });
  return page;
}

/** Enters the seeded read-write API key, picks Contoso IT / IT Assets and runs "Test and Save Connection". */
export async function connectAssetPanda(browser: ExtensionBrowser, sandbox: Sandbox, options?: Page): Promise<Page> {
  const key = sandbox.world.assetPanda.apiKeys.find((candidate) => candidate.permissions.read && candidate.permissions.write);
  if (!key) throw new Error('The sandbox seeds no read-write Asset Panda API key.');
  const page = options ?? (await browser.openOptions());
  const section = page.getByTestId('assetpanda-connection');
  await section.getByLabel('Access Key ID').fill(key.keyId);
  await section.getByLabel('Access Key Secret').fill(key.secret);
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
