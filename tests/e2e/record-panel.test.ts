import { describe, test } from './fixtures.ts';
import { expectNoPanelToComeBack, expectOnePanelFor, PANEL_HOST, replaceBody } from './panel.ts';
import { goToCollectionFromBreadcrumbs, openRecordFromList, refreshRecord } from './pro-app.ts';
import { classicRecordPage, proRecordPage } from './record-pages.ts';

describe('the record panel', () => {
  test('appears once on an Asset Panda Pro record page, for that record', async ({ browser, sandbox }) => {
    const record = proRecordPage(sandbox.world);

    const page = await browser.open(record.url);

    await expectOnePanelFor(page, record.recordId);
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
