import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { chromiumSenders } from '../../tests/support/chromium-senders';
import type { Handlers } from '../messaging/router';
import { serveMessages } from './messaging';

// The background's real listener (the policy built from browser.runtime), fed the senders Chromium
// produces; the e2e tests reach the shapes a browser can be made to produce, this one all of them.
const handlers = {
  getPanelStatus: async () => ({ state: 'not-connected' }),
  getIntuneConnection: async () => {
    throw new Error('A refused sender must never reach a handler.');
  },
} as Partial<Handlers> as Handlers;

const senders = chromiumSenders(fakeBrowser.runtime.id);
const record = { product: 'pro', collectionId: '01HWQ7CW7T626WY2A3KV603ZNF', recordId: 'rec_1' };

async function deliver(message: unknown, sender: object): Promise<unknown> {
  let answer: unknown;
  const keptOpen = await fakeBrowser.runtime.onMessage.trigger(message, sender, (reply: unknown) => {
    answer = reply;
  });
  expect(keptOpen).toEqual([true]);
  await expect.poll(() => answer).toBeDefined();
  return answer;
}

beforeEach(() => {
  fakeBrowser.reset();
  serveMessages(handlers);
});

describe("the background's message listener", () => {
  it('answers a record panel in an Asset Panda tab', async () => {
    expect(await deliver({ type: 'getPanelStatus', payload: { record } }, senders.assetPandaTopFrame)).toEqual({ ok: true, value: { state: 'not-connected' } });
  });

  it.each(['assetPandaWithoutTab', 'assetPandaSubframe', 'unrelatedSiteTopFrame', 'extensionPageFramedByWebPage', 'extensionPageFramedByExtensionPage'] as const)(
    'refuses %s, even for the record panel',
    async (name) => {
      expect(await deliver({ type: 'getPanelStatus', payload: { record } }, senders[name])).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    },
  );

  it('refuses a privileged message from an Asset Panda page', async () => {
    expect(await deliver({ type: 'getIntuneConnection', payload: {} }, senders.assetPandaTopFrame)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-message' },
    });
  });
});
