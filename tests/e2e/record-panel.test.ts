import type { BrowserContext } from 'playwright-core';
import { describe, expect, test } from './fixtures.ts';
import { expectNoPanelToComeBack, expectOnePanelFor, PANEL_HOST, replaceBody } from './panel.ts';
import { goToCollectionFromBreadcrumbs, openRecordFromList, refreshRecord } from './pro-app.ts';
import { classicRecordPage, proRecordPage } from './record-pages.ts';

describe('the record panel', () => {
  test('appears once on an Asset Panda Pro record page, for that record, with what the background answered', async ({ browser, sandbox }) => {
    const record = proRecordPage(sandbox.world);

    const page = await browser.open(record.url);

    await expectOnePanelFor(page, record.recordId);
    // The background accepted the panel's question from this Asset Panda tab and answered it.
    await expect(page.getByTestId('intune-panel').textContent()).resolves.toContain("Connect Microsoft Intune in the extension's options");
    await expect(page.getByTestId('intune-panel').getByRole('alert').count()).resolves.toBe(0);
  });

  test("opens the options page on the admin's click, and ignores a page script clicking through the shadow root", async ({ browser, sandbox }) => {
    const record = proRecordPage(sandbox.world);
    const page = await browser.open(record.url);
    const openOptions = page.getByTestId('intune-panel').getByRole('button', { name: 'Open options' });
    await openOptions.waitFor();

    // A script of the page: the panel's shadow root is open, so it can reach the button.
    await page.evaluate((hostTag) => {
      const button = document.querySelector(hostTag)?.shadowRoot?.querySelector('button');
      if (!button) throw new Error('The page script found no button in the panel.');
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }, PANEL_HOST);
    await expectNoOptionsPage(browser.context);

    const optionsPage = browser.context.waitForEvent('page', { predicate: (opened) => opened.url().endsWith('/options.html') });
    await openOptions.click();
    await (await optionsPage).getByTestId('options-page').waitFor();
  });

  test('appears once on an Asset Panda Classic record page, for that object', async ({ browser, sandbox }) => {
    const record = classicRecordPage(sandbox.world);

    const page = await browser.open(record.url);

    await expectOnePanelFor(page, record.recordId);
  });

  test("follows the app's links to another record", async ({ browser, sandbox }) => {
    const first = proRecordPage(sandbox.world, 0);
    const second = proRecordPage(sandbox.world, 1);
    const page = await browser.open(first.url);
    await expectOnePanelFor(page, first.recordId);

    await goToCollectionFromBreadcrumbs(page);
    await openRecordFromList(page, second.recordId);

    await expectOnePanelFor(page, second.recordId);
  });

  test('follows the browser history straight back to an earlier record', async ({ browser, sandbox }) => {
    const first = proRecordPage(sandbox.world, 0);
    const second = proRecordPage(sandbox.world, 1);
    const page = await browser.open(first.url);
    await goToCollectionFromBreadcrumbs(page);
    await openRecordFromList(page, second.recordId);
    await expectOnePanelFor(page, second.recordId);

    await page.evaluate(() => history.go(-2));

    await expectOnePanelFor(page, first.recordId);
  });

  test('goes away when the app leaves the record page, and stays away', async ({ browser, sandbox }) => {
    const record = proRecordPage(sandbox.world);
    const page = await browser.open(record.url);
    await expectOnePanelFor(page, record.recordId);

    await goToCollectionFromBreadcrumbs(page);

    await page.locator(PANEL_HOST).waitFor({ state: 'detached' });
    await expectNoPanelToComeBack(page);
  });

  test('stays, once, when the app renders the record again', async ({ browser, sandbox }) => {
    const record = proRecordPage(sandbox.world);
    const page = await browser.open(record.url);
    await expectOnePanelFor(page, record.recordId);

    await refreshRecord(page);

    await expectOnePanelFor(page, record.recordId);
  });

  test('comes back, once, when the page replaces its whole body', async ({ browser, sandbox }) => {
    const record = proRecordPage(sandbox.world);
    const page = await browser.open(record.url);
    await expectOnePanelFor(page, record.recordId);

    await replaceBody(page);

    await expectOnePanelFor(page, record.recordId);
  });
});

/** "Nothing opened" can only be seen as nothing opening within a second (see expectNoPanelToComeBack). */
async function expectNoOptionsPage(context: BrowserContext): Promise<void> {
  await expect(context.waitForEvent('page', { timeout: 1_000, predicate: (opened) => opened.url().includes('options.html') })).rejects.toThrow(/Timeout/);
}
