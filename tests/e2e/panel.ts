import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The one element the content script adds to a page; the panel lives in its open shadow root. */
export const PANEL_HOST = 'intune-companion-panel';

/** Waits for the panel naming `recordId`, then checks it is the only one on the page. */
export async function expectOnePanelFor(page: Page, recordId: string): Promise<void> {
  await page.getByTestId('intune-panel').and(page.locator(`[data-record-id="${recordId}"]`)).waitFor();
  await expect(page.locator(PANEL_HOST).count()).resolves.toBe(1);
  await expect(page.getByTestId('intune-panel').count()).resolves.toBe(1);
}

/**
 * After a navigation the extension works asynchronously, and nothing outside it can tell when it is
 * done: so "no panel" is checked as "none shows up within a second".
 */
export async function expectNoPanelToComeBack(page: Page): Promise<void> {
  await expect(page.locator(PANEL_HOST).waitFor({ state: 'attached', timeout: 1_000 })).rejects.toThrow(/Timeout/);
}

/**
 * The page swaps its whole body for a freshly rendered one, as some single-page apps do on
 * navigation; it takes anything added to the body with it.
 */
export async function replaceBody(page: Page): Promise<void> {
  await page.evaluate((hostTag) => {
    const fresh = document.body.cloneNode(true) as HTMLElement;
    for (const foreign of fresh.querySelectorAll(hostTag)) foreign.remove();
    document.body.replaceWith(fresh);
  }, PANEL_HOST);
}

/**
 * A script of the page presses every button in the panel's open shadow root: a click(), a click
 * event, and a keydown of each of `keys` (all untrusted). Returns the texts of the buttons pressed.
 */
export function scriptPressesPanelButtons(page: Page, keys: readonly string[] = []): Promise<Array<string | null>> {
  return page.evaluate(
    ({ hostTag, keys: pressed }) => {
      const buttons = [...(document.querySelector(hostTag)?.shadowRoot?.querySelectorAll('button') ?? [])];
      for (const button of buttons) {
        button.click();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        for (const key of pressed) button.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      }
      return buttons.map((button) => button.textContent);
    },
    { hostTag: PANEL_HOST, keys },
  );
}

/** The panel, once it shows `state` (its data-state: device, no-mapping, signed-out, …). */
export function panelIn(page: Page, state?: string) {
  return page.locator(state ? `[data-testid="intune-panel"][data-state="${state}"]` : '[data-testid="intune-panel"]');
}

/** Waits for the panel to show this device, read live from Intune (not the cached copy). */
export async function expectDeviceShown(page: Page, deviceName: string): Promise<void> {
  await panelIn(page, 'device').getByTestId('panel-device-name').filter({ hasText: deviceName }).waitFor({ timeout: 20_000 });
  await panelIn(page, 'device').getByTestId('panel-freshness').filter({ hasText: 'Read from Intune' }).waitFor({ timeout: 20_000 });
}
