import type { Page } from 'playwright-core';
import { SANDBOX_API_KEYS } from '../sandbox/assetpanda-api/unpublished-shapes.ts';
import { describe, expect, test } from './fixtures.ts';

// The attacks of issue 7, tried against the built extension in Chromium. Each must fail closed,
// say so, and lose nothing already saved.

const assetPandaSection = (page: Page) => page.getByTestId('assetpanda-connection');

describe('the Asset Panda key under attack', () => {
  test('a redirect from the API to another host gets an error, and the key pair never reaches that host', async ({ browser, sandbox }) => {
    const { keyId, secret } = SANDBOX_API_KEYS.readWrite;
    const options = await browser.openOptions();
    const card = assetPandaSection(options);
    await card.getByLabel('Access Key ID').fill(keyId);
    await card.getByLabel('Access Key Secret').fill(secret);

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
    expect(JSON.stringify(sandbox.requests.filter((request) => request.host !== 'api.assetpanda.app'))).not.toContain(secret);
  });
});
