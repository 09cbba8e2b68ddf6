import { describe, expect, it } from 'vitest';
import { chromiumSenders, type ChromiumSender } from '../../tests/support/chromium-senders';
import { createMessageClient } from './client';
import { UserFacingError } from '../errors';
import { createMessageRouter, type Handlers, type MessageSender } from './router';

const policy = {
  extensionId: 'ext-id',
  extensionBaseUrl: 'chrome-extension://ext-id/',
  isContentPage: (url: URL) => url.hostname === 'assetpanda.app',
};
const senders = chromiumSenders('ext-id');
const page: MessageSender = senders.optionsTab;
const content: MessageSender = senders.assetPandaTopFrame;
const record = { product: 'pro', collectionId: '01HWQ7CW7T626WY2A3KV603ZNF', recordId: 'r1' } as const;

// Only the handlers these tests call; the router never reaches the others.
const handlers = {
  getHealth: async () => ({ version: '1.0.0', databaseReady: true }),
  getPanelStatus: async () => ({ state: 'not-connected' }),
  openOptionsPage: async () => {
    throw new UserFacingError('no-options', 'The options page could not be opened.');
  },
} as Partial<Handlers> as Handlers;
const route = createMessageRouter(handlers, policy);

describe('message router', () => {
  it('answers an extension page', async () => {
    expect(await route({ type: 'getHealth', payload: {} }, page)).toEqual({
      ok: true,
      value: { version: '1.0.0', databaseReady: true },
    });
  });

  it('lets a content script ask only what a record page needs', async () => {
    expect(await route({ type: 'getPanelStatus', payload: { record } }, content)).toEqual({
      ok: true,
      value: { state: 'not-connected' },
    });
    const refused = await route({ type: 'getHealth', payload: {} }, content);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden-message' } });
  });

  it.each<[ChromiumSender, 'page' | 'content' | 'refused']>([
    ['optionsTab', 'page'],
    ['actionPopup', 'page'],
    ['popupInATab', 'page'],
    ['extensionPageFramedByExtensionPage', 'refused'],
    ['extensionPageFramedByWebPage', 'refused'],
    ['assetPandaTopFrame', 'content'],
    ['assetPandaSubframe', 'refused'],
    ['assetPandaWithoutTab', 'refused'],
    ['unrelatedSiteTopFrame', 'refused'],
    ['otherExtension', 'refused'],
  ])('takes the Chromium sender %s as %s', async (name, audience) => {
    const health = await route({ type: 'getHealth', payload: {} }, senders[name]);
    const panel = await route({ type: 'getPanelStatus', payload: { record } }, senders[name]);
    if (audience === 'page') expect([health.ok, panel.ok]).toEqual([true, true]);
    if (audience === 'content') expect([health, panel.ok]).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'forbidden-message' }) }), true]);
    if (audience === 'refused') {
      for (const reply of [health, panel]) expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
  });

  it('tells the handler who it found the sender to be: the panel checks a content script, not an extension page', async () => {
    const heard: string[] = [];
    const listening = createMessageRouter(
      {
        getPanelStatus: async (_request, _sender, audience) => {
          heard.push(audience);
          return null;
        },
      } as Partial<Handlers> as Handlers,
      policy,
    );
    await listening({ type: 'getPanelStatus', payload: { record } }, page);
    await listening({ type: 'getPanelStatus', payload: { record } }, content);
    expect(heard).toEqual(['page', 'content']);
  });

  it('refuses other extensions, unknown pages and senders without a URL', async () => {
    for (const sender of [
      { ...page, id: 'other-extension' },
      { id: 'ext-id', url: 'https://example.com/', tab: { id: 1 } },
      { id: 'ext-id' },
    ]) {
      expect(await route({ type: 'getPanelStatus', payload: { record } }, sender)).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
  });

  it('refuses unknown messages and malformed payloads with a reason', async () => {
    expect(await route({ type: 'stealTokens', payload: {} }, page)).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    expect(await route('getHealth', page)).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    const bad = await route({ type: 'getPanelStatus', payload: { record: { ...record, collectionId: '../../x' } } }, content);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('carries a handler error to the caller as its own message', async () => {
    const call = createMessageClient((envelope) => route(envelope, page));
    await expect(call('openOptionsPage', {})).rejects.toThrow('The options page could not be opened.');
    expect(await call('getHealth', {})).toEqual({ version: '1.0.0', databaseReady: true });
  });
});
