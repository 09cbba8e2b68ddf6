import { describe, test } from './fixtures.ts';
import { expectNoPanelToComeBack, expectOnePanelFor, navigateInApp, PANEL_HOST, rerenderPage } from './panel.ts';
import { classicRecordPage, proCollectionPage, proRecordPage } from './record-pages.ts';

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

  test('follows client-side navigation to another record', async ({ browser, sandbox }) => {
    const first = proRecordPage(sandbox.world, 0);
    const second = proRecordPage(sandbox.world, 1);
    const page = await browser.open(first.url);
    await expectOnePanelFor(page, first.recordId);

    await navigateInApp(page, second.url);

    await expectOnePanelFor(page, second.recordId);
  });

  test('comes back when the page re-renders its DOM', async ({ browser, sandbox }) => {
    const record = proRecordPage(sandbox.world);
    const page = await browser.open(record.url);
    await expectOnePanelFor(page, record.recordId);

    await rerenderPage(page);

    await expectOnePanelFor(page, record.recordId);
  });

  test('goes away when the app navigates from a record to a page that is not one', async ({ browser, sandbox }) => {
    const record = proRecordPage(sandbox.world);
    const page = await browser.open(record.url);
    await expectOnePanelFor(page, record.recordId);

    await navigateInApp(page, proCollectionPage(sandbox.world));

    await page.locator(PANEL_HOST).waitFor({ state: 'detached' });
    await expectNoPanelToComeBack(page);
  });
});
