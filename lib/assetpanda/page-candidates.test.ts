import { describe, expect, it } from 'vitest';
import { CANDIDATE_PATTERN, MAX_CANDIDATES, recordCandidates } from './page-candidates';

const collection = '01HWQ7CW7T626WY2A3KV603ZNF';
const record = '01J2Z5R8M4XKQ0T3V6B9C2D5EF';
const candidates = (url: string) => recordCandidates(new URL(url));

describe('recordCandidates', () => {
  it('reads the route we assume, the record before its collection', () => {
    expect(candidates(`https://assetpanda.app/collections/${collection}/records/${record}`)).toEqual([record, collection]);
  });

  // Routes the Pro app might use that nobody has seen: the record id must be among the candidates.
  it.each([
    [`https://assetpanda.app/records/${record}`],
    [`https://contoso.assetpanda.app/r/${record}/`],
    [`https://assetpanda.app/accounts/01HWQ7AAAAAAAAAAAAAAAAAAAA/modules/01HWQ7BBBBBBBBBBBBBBBBBBBB/collections/${collection}/records/${record}/details`],
    [`https://assetpanda.app/collection/${collection}/record/${record}/history?tab=2`],
    [`https://assetpanda.app/#/collections/${collection}/records/${record}`],
    [`https://assetpanda.app/#!/record/${record}`],
    [`https://assetpanda.app/app#record=${record}&tab=history`],
    [`https://assetpanda.app/collections/${collection}?recordId=${record}`],
    [`https://assetpanda.app/collections/${collection}?selected=${record}&view=grid`],
    [`https://assetpanda.app/assets?open=%2Frecords%2F${record}`],
    [`https://assetpanda.app/items/${record.toLowerCase()}`],
    ['https://assetpanda.app/records/rec_42xyz'],
    ['https://assetpanda.app/records/123456'],
    ['https://assetpanda.app/records/6650a1b2c3d4e5f6a7b8c9d0'],
    ['https://assetpanda.app/records/3f2504e0-4f89-41d3-9a0c-0305e82c3301'],
  ])('finds the record id in %s', (url) => {
    const found = candidates(url);
    const id = /(01J2Z5R8M4XKQ0T3V6B9C2D5EF|rec_42xyz|123456|6650a1b2c3d4e5f6a7b8c9d0|3f2504e0-4f89-41d3-9a0c-0305e82c3301)/i.exec(safeDecode(url))?.[1];
    expect(found).toContain(id);
  });

  it('puts known id shapes before other tokens', () => {
    expect(candidates(`https://assetpanda.app/records/${record}/v2build7?ref=campaign2024x`)).toEqual([record, 'v2build7', 'campaign2024x']);
  });

  it('offers nothing where no part of the URL can be an id', () => {
    for (const url of [
      'https://assetpanda.app/',
      'https://assetpanda.app/collections',
      'https://assetpanda.app/settings/account-management/automations',
      'https://assetpanda.app/login?next=%2Fdashboard',
      'https://assetpanda.app/reports/2024-05-01',
      'https://assetpanda.app/records/12345',
    ]) {
      expect(candidates(url), url).toEqual([]);
    }
  });

  it('offers nothing on other sites, the API host, plain http or Classic (whose route is known)', () => {
    for (const url of [
      `https://example.com/records/${record}`,
      `https://assetpanda.app.evil.example/records/${record}`,
      `https://api.assetpanda.app/collection-record/${record}`,
      `http://assetpanda.app/records/${record}`,
      'https://login.assetpanda.com/devices/6650a1b2c3d4e5f6a7b8c9d0',
    ]) {
      expect(candidates(url), url).toEqual([]);
    }
  });

  it('only ever hands plain tokens to the background, however the URL is written', () => {
    const hostile = [
      `https://assetpanda.app/records/${record}%2F..%2F..%2Fcollection-records`,
      `https://assetpanda.app/records/%22%3E%3Cimg%20src%3Dx%3E${record}`,
      `https://assetpanda.app/#/records/${record}'); alert(1)//`,
      `https://assetpanda.app/records/${'9'.repeat(200)}`,
      'https://assetpanda.app/records/%E0%A4%A',
      `https://assetpanda.app/${Array.from({ length: 40 }, (_, i) => `seg${i}x1`).join('/')}`,
    ];
    for (const url of hostile) {
      const found = candidates(url);
      expect(found.length, url).toBeLessThanOrEqual(MAX_CANDIDATES);
      for (const token of found) expect(token, url).toMatch(CANDIDATE_PATTERN);
    }
    expect(candidates(hostile[0] ?? '')).toContain(record);
    expect(candidates(`https://assetpanda.app/records/${'9'.repeat(200)}`)).toEqual([]);
  });
});

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
