import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { outputDir } from '../tools/paths.ts';
import { sendFromPage } from './extension-messages.ts';
import { describe, expect, test } from './fixtures.ts';
import { ambiguousRecord, linkedRecord, orphanRecord } from './linked-records.ts';
import { expectDeviceShown, expectOnePanelFor, PANEL_HOST, panelIn } from './panel.ts';
import { contentScriptOf, pagesOpening } from './panel-pages.ts';
import { connectAndMap, openLinkedRecord } from './panel-setup.ts';
import { goToCollectionFromBreadcrumbs, openRecordFromList } from './pro-app.ts';

describe('the record panel with Intune and Asset Panda connected', () => {
  test("shows the record's Intune device, live, with a link to it in the Intune admin center", async ({ browser, sandbox }) => {
    const { record, page } = await openLinkedRecord(browser, sandbox, (d) => d.operatingSystem === 'macOS');

    const panel = panelIn(page, 'device');
    await expect(panel.locator('[data-fact="OS"] dd').textContent()).resolves.toBe(`macOS ${record.device.osVersion}`);
    await expect(panel.locator('[data-fact="User Principal Name (UPN)"] dd').textContent()).resolves.toBe(record.device.userPrincipalName ?? '—');
    await expect(panel.getByRole('link', { name: 'Open in Intune' }).getAttribute('href')).resolves.toBe(
      `https://intune.microsoft.com/${sandbox.world.directory.tenantId}/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/${record.device.id}`,
    );
  });

  test('finds the record on a route it was never told about, and follows the app away and back', async ({ browser, sandbox }) => {
    await connectAndMap(browser, sandbox);
    const record = linkedRecord(sandbox.world, (d) => d.operatingSystem === 'Windows');

    const page = await browser.open(`https://assetpanda.app/records/${record.recordId}`);

    await page.locator('section.record-view').waitFor();
    await expectDeviceShown(page, record.device.deviceName ?? '');
    await expectOnePanelFor(page, record.recordId);
    await goToCollectionFromBreadcrumbs(page);
    await page.locator(PANEL_HOST).waitFor({ state: 'detached' });
    await page.goBack();
    await expectDeviceShown(page, record.device.deviceName ?? '');
  });

  test("follows the app's links from one record to the next, showing each record's own device", async ({ browser, sandbox }) => {
    await connectAndMap(browser, sandbox);
    const first = linkedRecord(sandbox.world, (d) => d.operatingSystem === 'Windows');
    const second = linkedRecord(sandbox.world, (d) => d.operatingSystem === 'macOS');
    const page = await browser.open(first.url);
    await expectDeviceShown(page, first.device.deviceName ?? '');

    await goToCollectionFromBreadcrumbs(page);
    await openRecordFromList(page, second.recordId);

    await expectDeviceShown(page, second.device.deviceName ?? '');
    await expectOnePanelFor(page, second.recordId);
  });

  test('lets the admin pick the device when the record matches several, and remembers the pick', async ({ browser, sandbox }) => {
    await connectAndMap(browser, sandbox);
    const record = ambiguousRecord(sandbox.world);
    const [, chosen] = record.devices;
    const page = await browser.open(record.url);

    const picker = panelIn(page, 'several-devices');
    await picker.filter({ hasText: `${record.devices.length} Intune devices share the Serial Number` }).waitFor();
    await picker.locator(`button[data-device-id="${chosen?.id}"]`).click();

    await expectDeviceShown(page, chosen?.deviceName ?? '');
    await page.reload();
    await expectDeviceShown(page, chosen?.deviceName ?? '');
    await expect(panelIn(page, 'device').getByTestId('panel-device').getAttribute('data-device-id')).resolves.toBe(chosen?.id);
    // The background itself remembers: asked live, it answers with the picked device, not the choice.
    const send = await contentScriptOf(browser, page);
    const own = { product: 'pro', collectionId: record.collectionId, recordId: record.recordId };
    await expect(send('getPanelStatus', { record: own, source: 'live' })).resolves.toMatchObject({ ok: true, value: { state: 'device', device: { id: chosen?.id } } });
  });

  test('says when no Intune device matches the record, naming what it looked for', async ({ browser, sandbox }) => {
    await connectAndMap(browser, sandbox);
    const record = orphanRecord(sandbox.world);

    const page = await browser.open(record.url);

    await panelIn(page, 'no-device').filter({ hasText: 'No Intune device matches' }).waitFor();
    await expect(panelIn(page).textContent()).resolves.toMatch(/Looked for (Intune Device ID .*, then )?Serial Number /);
  });

  test('asks the admin to sign in when the Intune session has ended, in the extension’s popup, then shows the device', async ({ browser, sandbox }) => {
    const options = await connectAndMap(browser, sandbox);
    await sendFromPage(options, 'signOutOfIntune', {});
    const record = linkedRecord(sandbox.world);
    const page = await browser.open(record.url);
    const popups = pagesOpening(browser.context, '/popup.html');

    await panelIn(page, 'signed-out').filter({ hasText: 'Sign in as megan.bowen@' }).getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => popups().length).toBe(1);
    const [popup] = popups();
    if (!popup) throw new Error('No popup opened.');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await popup.getByTestId('intune-status').filter({ hasText: 'Signed in to Intune as megan.bowen@' }).waitFor();
    // Closing the window the panel opened tells the panel to read Intune again.
    await popup.close();
    await expectDeviceShown(page, record.device.deviceName ?? '');
  });
});

/** Milliseconds from the record view rendering to the panel showing device data (cached or live), and to live data. */
interface Timing {
  toData: number;
  toLive: number;
}
const timings: { cold: Timing[]; warm: Timing[] } = { cold: [], warm: [] };

/** What the panel showed first: the cached status ("Saved …") or the live one ("Read from Intune …"). */
type FirstShown = 'cached' | 'live';

/** Watches, from the page itself, when the record view and the panel's device data first appear. */
async function timedVisit(page: Page, url: string): Promise<Timing & { firstShown: FirstShown }> {
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const timing = (window as unknown as { panelTiming?: { view?: number; live?: number } }).panelTiming;
      return timing?.view !== undefined && timing.live !== undefined;
    },
    undefined,
    { timeout: 30_000 },
  );
  const { view, data, live, first } = await page.evaluate(
    () => (window as unknown as { panelTiming: { view: number; data: number; live: number; first: string } }).panelTiming,
  );
  return { toData: Math.round(data - view), toLive: Math.round(live - view), firstShown: first.startsWith('Saved') ? 'cached' : 'live' };
}

const summary = (samples: Timing[]) => ({ samples, medianToDataMs: median(samples.map((s) => s.toData)), medianToLiveMs: median(samples.map((s) => s.toLive)) });
const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe('how fast the panel shows data (measured, not asserted)', () => {
  afterAll(async () => {
    await mkdir(outputDir, { recursive: true });
    await writeFile(`${outputDir}/panel-timing.json`, `${JSON.stringify({ measuredAt: new Date().toISOString(), cold: summary(timings.cold), warm: summary(timings.warm) }, null, 2)}\n`);
  });

  test('cold (first visit of a record) and warm (its cached status shown at once)', async ({ browser, sandbox }) => {
    await connectAndMap(browser, sandbox);
    const page = await browser.context.newPage();
    await page.addInitScript((host) => {
      const timing: { view?: number; data?: number; live?: number; first?: string } = {};
      (window as unknown as { panelTiming: typeof timing }).panelTiming = timing;
      // Every change of the page and of the panel's shadow root is seen, so the panel's first state is not missed.
      const watched = new WeakSet<Node>();
      const look = () => {
        const now = performance.now();
        const panel = document.querySelector(host)?.shadowRoot;
        if (panel && !watched.has(panel)) {
          watched.add(panel);
          observer.observe(panel, { childList: true, subtree: true, characterData: true });
        }
        const freshness = panel?.querySelector('[data-testid="panel-freshness"]')?.textContent ?? undefined;
        timing.view ??= document.querySelector('section.record-view') ? now : undefined;
        timing.data ??= panel?.querySelector('[data-testid="panel-device"]') ? now : undefined;
        timing.first ??= freshness;
        timing.live ??= freshness?.startsWith('Read from Intune') ? now : undefined;
        if (timing.view !== undefined && timing.live !== undefined) observer.disconnect();
      };
      const observer = new MutationObserver(look);
      observer.observe(document, { childList: true, subtree: true });
    }, PANEL_HOST);
    const records = ['Windows', 'macOS', 'iOS', 'Android'].map((os) => linkedRecord(sandbox.world, (d) => d.operatingSystem === os));

    const cold = [];
    const warm = [];
    for (const record of records) cold.push(await timedVisit(page, record.url));
    for (const record of records) warm.push(await timedVisit(page, record.url));
    timings.cold.push(...cold.map(({ toData, toLive }) => ({ toData, toLive })));
    timings.warm.push(...warm.map(({ toData, toLive }) => ({ toData, toLive })));

    // The behaviour the figures measure: a first visit shows Intune's answer; a second shows the saved status first.
    expect(cold.map((visit) => visit.firstShown)).toEqual(['live', 'live', 'live', 'live']);
    expect(warm.map((visit) => visit.firstShown)).toEqual(['cached', 'cached', 'cached', 'cached']);
  });
});
