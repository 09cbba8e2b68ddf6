import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extensionDir } from '../tools/paths.ts';
import { ContentScriptWorlds } from './content-script.ts';
import { describe, expect, test } from './fixtures.ts';
import { PANEL_HOST } from './panel.ts';
import { proCollectionPage } from './record-pages.ts';

describe('the built extension in Chromium', () => {
  test('its service worker starts, under the extension id its manifest key pins', async ({ browser }) => {
    const manifest = JSON.parse(await readFile(`${extensionDir}/manifest.json`, 'utf8')) as { key?: string };
    expect(manifest.key, 'the development build carries the public key').toBeTypeOf('string');

    const runningAt = await browser.serviceWorker.evaluate(() => location.host);

    expect(runningAt).toBe(extensionIdOf(manifest.key ?? ''));
  });

  test('the options page renders', async ({ browser }) => {
    const page = await browser.openOptions();

    await page.getByTestId('options-page').waitFor();
  });

  test('the popup renders', async ({ browser }) => {
    const page = await browser.openPopup();

    await page.getByTestId('popup').waitFor();
  });

  test('adds nothing to an Asset Panda page that is not a record page', async ({ browser, sandbox }) => {
    const page = await browser.open(proCollectionPage(sandbox.world));
    const contentScript = await ContentScriptWorlds.watch(page, browser.extensionId);

    await contentScript.ran();

    await expect(page.locator(PANEL_HOST).count()).resolves.toBe(0);
  });

  test('adds nothing to an unrelated site, where its content script does not run at all', async ({ browser }) => {
    const page = await browser.open('https://example.com/');
    const contentScript = await ContentScriptWorlds.watch(page, browser.extensionId);
    // Chromium injects idle-time scripts by the load event at the latest; one more task lets it finish.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));

    expect(contentScript.count).toBe(0);
    await expect(page.locator(PANEL_HOST).count()).resolves.toBe(0);
  });
});

/** Chromium's extension id: the first 128 bits of the SHA-256 of the public key, as letters a–p. */
function extensionIdOf(publicKeyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((hex) => String.fromCharCode(97 + Number.parseInt(hex, 16))).join('');
}
