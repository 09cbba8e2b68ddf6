import { describe, expect, it } from 'vitest';
import { isAssetPandaPage, recordOnPage } from './record-page';

const collection = '01HWQ7CW7T626WY2A3KV603ZNF';

describe('recordOnPage', () => {
  it('reads a Pro record page on the main host and on an organization sub-domain', () => {
    for (const host of ['assetpanda.app', 'contoso.assetpanda.app']) {
      expect(recordOnPage(new URL(`https://${host}/collections/${collection}/records/rec_42`))).toEqual({
        product: 'pro',
        collectionId: collection,
        recordId: 'rec_42',
      });
    }
  });

  it('reads a Classic record page', () => {
    expect(recordOnPage(new URL('https://login.assetpanda.com/devices/123ab456cd789ef01a23b45c'))).toEqual({
      product: 'classic',
      entityKey: 'devices',
      objectId: '123ab456cd789ef01a23b45c',
    });
  });

  it('finds no record on lists, settings, the API host or other sites', () => {
    for (const url of [
      `https://assetpanda.app/collections/${collection}`,
      'https://assetpanda.app/settings/account-management/automations',
      `https://api.assetpanda.app/collections/${collection}/records/x`,
      `https://example.com/collections/${collection}/records/x`,
      `http://assetpanda.app/collections/${collection}/records/x`,
    ]) {
      expect(recordOnPage(new URL(url)), url).toBeUndefined();
    }
  });

  it('treats only Asset Panda web hosts as Asset Panda pages', () => {
    expect(isAssetPandaPage(new URL('https://assetpanda.app/'))).toBe(true);
    expect(isAssetPandaPage(new URL('https://api.assetpanda.app/'))).toBe(false);
    expect(isAssetPandaPage(new URL('https://assetpanda.app.evil.example/'))).toBe(false);
  });
});
