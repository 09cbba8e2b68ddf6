import { describe, expect, test } from './fixtures.ts';
import { expectNoPanelToComeBack, expectOnePanelFor, PANEL_HOST, replaceBody, scriptPressesPanelButtons } from './panel.ts';
import { pagesOpening } from './panel-pages.ts';
import { goToCollectionFromBreadcrumbs, openRecordFromList, refreshRecord } from './pro-app.ts';
import { classicRecordPage, proRecordPage } from './record-pages.ts';

describe('the record panel', () => {
  test('appears once on an Asset Panda Pro record page, for that record, with what the background answered', async ({ browser, sandbox }) => {
    const record = proRecordPage(sandbox.world);

    const page = await browser.open(record.url);

    await expectOnePanelFor(page, record.recordId);
    // The background accepted the panel's question from this Asset Panda tab and answered it.
    await page.getByTestId('intune-panel').filter({ hasText: "Connect Microsoft Intune in the extension's options" }).waitFor();
    await expect(page.getByTestId('intune-panel').getByRole('alert').count()).resolves.toBe(0);
  });

  test("opens the options page on the admin's click, and ignores a page script clicking through the shadow root", async ({ browser, sandbox }) => {
    const record = proRecordPage(sandbox.world);
    const page = await browser.open(record.url);
    const openOptions = page.getByTestId('intune-panel').getByRole('button', { name: 'Open options' });
    await openOptions.waitFor();
    const optionsPages = pagesOpening(browser.context, '/options.html');

    // A script of the page: the panel's shadow root is open, so it can reach the button.
    const pressed = await scriptPressesPanelButtons(page);
    expect(pressed).toContain('Open options');

    // The barrier: the admin's click, whose page opens after any a script's click could have opened.
    await openOptions.click();
    await expect.poll(() => optionsPages().length).toBe(1);
    const [opened] = optionsPages();
    await opened?.getByTestId('options-page').waitFor();
    expect(opened?.url()).toBe(`chrome-extension://${browser.extensionId}/options.html#connections`);
  });

  test('appears once on an Asset Panda Classic record page, for that object, with what the background answered', async ({ browser, sandbox }) => {
    const record = classicRecordPage(sandbox.world);

    const page = await browser.open(record.url);

    await expectOnePanelFor(page, record.recordId);
    await page.getByTestId('intune-panel').filter({ hasText: "Connect Microsoft Intune in the extension's options" }).waitFor();
    await expect(page.getByTestId('intune-panel').getByRole('alert').count()).resolves.toBe(0);
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
