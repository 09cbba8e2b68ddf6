import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser.ts';
import { panelIn } from './panel.ts';

/** Presses an action button in the panel (a real, trusted click) and returns the confirmation window it opens. */
export async function openConfirmation(browser: ExtensionBrowser, page: Page, label: string): Promise<Page> {
  const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/confirm-action.html') });
  await panelIn(page, 'device').getByRole('button', { name: `${label}…` }).click();
  const confirmation = await opened;
  await confirmation.getByTestId('confirm-device').waitFor();
  return confirmation;
}

/** Confirms in the window (typing the device name when asked) and waits for the outcome. */
export async function confirmAction(confirmation: Page, options: { typedName?: string } = {}): Promise<string> {
  if (options.typedName !== undefined) await confirmation.getByLabel(/Type the device name/).fill(options.typedName);
  await confirmation.locator('button.danger').click();
  const outcome = confirmation.getByTestId('confirm-outcome');
  await outcome.waitFor({ timeout: 20_000 });
  return (await outcome.getAttribute('data-outcome')) ?? '';
}
