// `npm start`: the built extension in Chromium against the sandbox, at the real hostnames, in a
// profile connected to both services through the options page's own forms, with one sample mapping
// made in the editor. With a display: a window to try it by hand, until Ctrl-C. Without one:
// screenshots in .output/demo/, the sample mapping previewed and synced among them.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchExtensionBrowser, type ExtensionBrowser } from '../e2e/browser.ts';
import { openConfirmation } from '../e2e/confirm-window.ts';
import { connectBoth } from '../e2e/connect.ts';
import { linkedRecord } from '../e2e/linked-records.ts';
import { createMapping, openMappings } from '../e2e/mapping-editor.ts';
import { expectDeviceShown, panelIn } from '../e2e/panel.ts';
import { refreshRecord } from '../e2e/pro-app.ts';
import { proRecordPage } from '../e2e/record-pages.ts';
import { openSyncPart, runFromSyncPart } from '../e2e/sync.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { outputDir } from './paths.ts';
import { isPortFree } from './ports.ts';
import { runTool } from './run.ts';
import { untilInterrupted } from './signals.ts';

const PREFERRED_PORT = 8443;
const demoDir = `${outputDir}/demo`;
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const SAMPLE_MAPPING = 'Intune laptops';

process.exitCode = await start();

async function start(): Promise<number> {
  if ((await runTool('wxt', ['build'])) !== 0) {
    console.error('The build failed; nothing to start.');
    return 1;
  }
  const sandbox = await startSandbox({ port: (await isPortFree(PREFERRED_PORT)) ? PREFERRED_PORT : 0 });
  const browser = await launchExtensionBrowser({ hostResolverRules: sandbox.hostResolverRules, headed }).catch(
    async (error: unknown) => {
      await sandbox.close();
      throw error;
    },
  );
  try {
    const recordUrl = proRecordPage(sandbox.world).url;
    const options = await connectBoth(browser, sandbox);
    await createMapping(options, SAMPLE_MAPPING);
    if (headed) return await tryByHand(browser, sandbox, recordUrl);
    return (await saveScreenshots(browser, options, recordUrl)) || (await saveRecordPanelScreenshots(browser, sandbox)) || (await saveSyncScreenshots(options));
  } finally {
    await browser.close();
    await sandbox.close();
  }
}

async function tryByHand(browser: ExtensionBrowser, sandbox: Sandbox, recordUrl: string): Promise<number> {
  // The window opens with a blank tab: show the record page there; the options page is open next to it.
  await (browser.context.pages()[0] ?? (await browser.context.newPage())).goto(recordUrl);
  console.log(
    [
      '',
      `Chromium is open with the extension (id ${browser.extensionId}); the sandbox answers on port ${sandbox.port}.`,
      `Both connections are made, and the mapping "${SAMPLE_MAPPING}" is in the options page's Mappings.`,
      'Preview and sync it on the options page (Sync), or from the toolbar popup; History keeps every run.',
      `A record page: ${recordUrl}`,
      'Press Ctrl-C here, or close the browser, to stop.',
    ].join('\n'),
  );
  await Promise.race([untilInterrupted(), new Promise((resolve) => browser.context.once('close', resolve))]);
  return 0;
}

async function saveScreenshots(browser: ExtensionBrowser, connected: Page, recordUrl: string): Promise<number> {
  await mkdir(demoDir, { recursive: true });
  const saved: string[] = [];
  const save = async (name: string, take: (path: string) => Promise<unknown>) => {
    const path = `${demoDir}/${name}`;
    await take(path);
    saved.push(path);
  };

  const options = await browser.openOptions();
  await options.getByTestId('options-page').waitFor();
  await options.getByTestId('assetpanda-fields').waitFor();
  await save('options.png', (path) => options.screenshot({ path, fullPage: true }));

  await openMappings(connected);
  await connected.getByRole('link', { name: SAMPLE_MAPPING }).click();
  await connected.getByTestId('match-count').and(connected.locator('[data-state="counted"]')).waitFor({ timeout: 20_000 });
  await save('mapping.png', (path) => connected.screenshot({ path, fullPage: true }));

  // The toolbar popup is as large as its body: show just that.
  const popup = await browser.openPopup();
  await popup.getByTestId('popup').waitFor();
  await save('popup.png', (path) => popup.locator('body').screenshot({ path }));

  const record = await browser.open(recordUrl);
  const panelShown = await record
    .getByTestId('intune-panel')
    .waitFor()
    .then(
      () => true,
      () => false,
    );
  await save('record-page.png', (path) => record.screenshot({ path }));

  console.log(['', 'Screenshots:', ...saved.map((path) => `  ${path}`)].join('\n'));
  if (panelShown) return 0;
  console.error(`The Intune panel did not appear on ${recordUrl}; record-page.png shows the page without it.`);
  return 1;
}

/**
 * The record panel on a synced record with its device's live status (record-panel.png), and the
 * confirmation window of a Wipe, filled in but not confirmed (confirm-wipe.png).
 */
async function saveRecordPanelScreenshots(browser: ExtensionBrowser, sandbox: Sandbox): Promise<number> {
  const record = linkedRecord(sandbox.world, (device) => device.operatingSystem === 'Windows' && device.complianceState === 'compliant');
  const page = await browser.open(record.url);
  await expectDeviceShown(page, record.device.deviceName ?? '');
  await panelIn(page, 'device').getByRole('button', { name: 'Sync this record' }).click();
  await panelIn(page, 'device').getByTestId('panel-pending-changes').filter({ hasText: 'Asset Panda matches Intune.' }).waitFor();
  await refreshRecord(page);
  const panelPath = `${demoDir}/record-panel.png`;
  await page.screenshot({ path: panelPath });

  const confirmation = await openConfirmation(browser, page, 'Wipe');
  await confirmation.setViewportSize({ width: 520, height: 860 });
  await confirmation.getByLabel("Keep the user's data").check();
  await confirmation.getByLabel(/Type the device name/).fill(record.device.deviceName ?? '');
  const confirmPath = `${demoDir}/confirm-wipe.png`;
  await confirmation.screenshot({ path: confirmPath, fullPage: true });
  console.log([`  ${panelPath}`, `  ${confirmPath}`].join('\n'));
  return 0;
}

/**
 * The sample mapping previewed on the options page's Sync part, its plan listed record by record
 * (sync-preview.png), then synced (sync-done.png).
 */
async function saveSyncScreenshots(options: Page): Promise<number> {
  await openSyncPart(options);
  const preview = await runFromSyncPart(options, 'Preview');
  await options.getByTestId('sync-line').first().waitFor();
  const previewPath = `${demoDir}/sync-preview.png`;
  await options.screenshot({ path: previewPath });
  const synced = await runFromSyncPart(options, 'Sync now');
  await options.getByTestId('sync-line').first().waitFor();
  const donePath = `${demoDir}/sync-done.png`;
  await options.screenshot({ path: donePath });
  console.log([`  ${previewPath}`, `  ${donePath}`].join('\n'));
  const planned = preview.run.plan?.counts;
  console.log(`The preview planned ${planned?.creates ?? 0} records to create and ${planned?.updates ?? 0} to update; the sync ${synced.run.status}: ${synced.run.written.created} created, ${synced.run.written.updated} updated, ${synced.run.written.failed} failed.`);
  return synced.run.status === 'done' ? 0 : 1;
}
