import type { Frame, Page } from 'playwright-core';
import { enterKey, seededKey } from './connect.ts';
import { ContentScriptWorlds } from './content-script.ts';
import { sendFromPage } from './extension-messages.ts';
import { describe, expect, test } from './fixtures.ts';
import { expectOnePanelFor } from './panel.ts';
import { messagesFrom } from './panel-pages.ts';
import { proRecordPage } from './record-pages.ts';

// The attacks of issue 7, tried against the built extension in Chromium. Each must fail closed,
// say so, and lose nothing already saved.

const assetPandaSection = (page: Page) => page.getByTestId('assetpanda-connection');

describe('the Asset Panda key under attack', () => {
  test('a redirect from the API to another host gets an error, and the key pair never reaches that host', async ({ browser, sandbox }) => {
    const { keyId, secret } = seededKey(sandbox);
    const options = await browser.openOptions();
    const card = assetPandaSection(options);
    await enterKey(options, keyId, secret);

    // example.com lies outside the extension's connect-src; graph.microsoft.com is inside it, so
    // only the transport's own refusal keeps the key from it.
    const accountRequests = () => sandbox.requests.filter((request) => request.host === 'api.assetpanda.app' && request.path === '/accounts');
    for (const [attempt, elsewhere] of ['https://example.com/accounts', 'https://graph.microsoft.com/v1.0/accounts'].entries()) {
      sandbox.fault({ host: 'api.assetpanda.app', path: '/accounts', response: { status: 307, headers: { location: elsewhere } } });
      await card.getByRole('button', { name: 'Load Accounts' }).click();
      await expect.poll(() => accountRequests().length).toBe(attempt + 1);
      const failure = card.getByTestId('assetpanda-failure');
      await card.getByRole('button', { name: 'Load Accounts' }).and(options.locator(':enabled')).waitFor({ timeout: 20_000 });
      expect(sandbox.requests.filter((request) => request.host !== 'api.assetpanda.app')).toEqual([]);
      expect(await failure.textContent()).toContain('with a redirect');
      expect(await failure.textContent()).toContain('never sends your API key to another address');
    }
    // One request per click: a redirected request is not tried again.
    expect(accountRequests()).toHaveLength(2);
    expect(JSON.stringify(sandbox.requests.filter((request) => request.host !== 'api.assetpanda.app'))).not.toContain(secret);
  });
});

/** Runs in the extension: whether a fetch of `url` left the browser at all. */
function tryFetch(url: string): Promise<string> {
  return fetch(url).then(
    () => 'reached',
    () => 'blocked',
  );
}

/** What the background answers a privileged message (the saved Intune connection) sent from `frame`. */
const askForTheConnection = (frame: Page | Frame) => sendFromPage(frame, 'getIntuneConnection', {});

/** Adds an iframe showing `url` to the page, and returns it once loaded. */
async function frameInto(page: Page, url: string): Promise<Frame> {
  const handle = await page.evaluateHandle((src) => {
    const iframe = document.createElement('iframe');
    iframe.src = src;
    document.body.append(iframe);
    return new Promise<HTMLIFrameElement>((resolve) => iframe.addEventListener('load', () => resolve(iframe), { once: true }));
  }, url);
  const frame = await handle.asElement()?.contentFrame();
  if (!frame) throw new Error(`No frame for ${url}`);
  return frame;
}

describe("the extension's own connections", () => {
  test('go only to the hosts it calls: its pages and service worker cannot reach another site', async ({ browser, sandbox }) => {
    const options = await browser.openOptions();
    await expect(options.evaluate(tryFetch, 'https://example.com/from-a-page')).resolves.toBe('blocked');
    await expect(browser.serviceWorker.evaluate(tryFetch, 'https://example.com/from-the-worker')).resolves.toBe('blocked');
    expect(sandbox.requests.filter((request) => request.host === 'example.com')).toEqual([]);
  });
});

describe('who may send the background privileged messages', () => {
  test('a top-level extension page may; the same page framed inside another extension page may not, and says so', async ({ browser }) => {
    const options = await browser.openOptions();
    await expect(askForTheConnection(options)).resolves.toMatchObject({ ok: true });

    const framedPopup = await frameInto(options, `chrome-extension://${browser.extensionId}/popup.html`);
    await expect(askForTheConnection(framedPopup)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    // The framed popup shows the refusal instead of any connection data.
    await expect(framedPopup.getByRole('alert').textContent()).resolves.toContain("did not come from one of the extension's own pages");
  });

  test('a web page can neither frame an extension page nor message the extension', async ({ browser }) => {
    const site = await browser.open('https://example.com/');
    const framed = await frameInto(site, `chrome-extension://${browser.extensionId}/options.html`);
    expect(framed.url()).not.toContain(browser.extensionId);
    await expect(framed.getByTestId('options-page').count()).resolves.toBe(0);
    await expect(site.evaluate(() => typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime)).resolves.toBe('undefined');
  });

  test('the content script on an Asset Panda page gets the panel status, but no privileged answer and no session storage', async ({ browser, sandbox }) => {
    const record = proRecordPage(sandbox.world);
    const page = await browser.open(record.url);
    await expectOnePanelFor(page, record.recordId);
    const contentScript = await ContentScriptWorlds.watch(page, browser.extensionId);

    const send = messagesFrom(contentScript);
    await expect(send('getPanelStatus', { record: { product: 'pro', collectionId: record.url.split('/')[4], recordId: record.recordId } })).resolves.toEqual({
      ok: true,
      value: { state: 'not-connected' },
    });
    await expect(send('getIntuneConnection', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden-message' } });
    await expect(send('getAssetPandaConnection', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden-message' } });
    await expect(contentScript.evaluate('chrome.storage.session.get(null).then(() => "read", (error) => error.message)')).resolves.toMatch(/not allowed/i);
  });
});
