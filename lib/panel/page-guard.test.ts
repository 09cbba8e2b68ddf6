import { describe, expect, it } from 'vitest';
import { pageBudget } from './page-budget';
import { recordOfPage, requireRecordOfPage } from './page-record';

const COLLECTION = '01HWQ7CW7T626WY2A3KV603ZNF';
const OTHER_COLLECTION = '01HWQ7CW7T626WY2A3KV603ZNG';
/** The background's locate: confirms `rec_200` (in COLLECTION) when the URL holds it. */
const locate = async (candidates: readonly string[]) => (candidates.includes('rec_200') ? { collectionId: COLLECTION, recordId: 'rec_200' } : null);

describe("the record a content script's page shows", () => {
  it('is the one a known route names, or the one the background confirms from the URL', async () => {
    await expect(recordOfPage(`https://acme.assetpanda.app/collections/${COLLECTION}/records/rec_1`, locate)).resolves.toEqual({
      product: 'pro',
      collectionId: COLLECTION,
      recordId: 'rec_1',
    });
    await expect(recordOfPage('https://assetpanda.app/records/rec_200', locate)).resolves.toEqual({ product: 'pro', collectionId: COLLECTION, recordId: 'rec_200' });
    await expect(recordOfPage('https://assetpanda.app/records/rec_999', locate)).resolves.toBeNull();
    await expect(recordOfPage(undefined, locate)).resolves.toBeNull();
  });

  it.each([
    ['another record of the collection', { product: 'pro', collectionId: COLLECTION, recordId: 'rec_2' }],
    ['the same record id in another collection', { product: 'pro', collectionId: OTHER_COLLECTION, recordId: 'rec_1' }],
    ['a Classic object', { product: 'classic', entityKey: 'assets', objectId: '0123456789abcdef01234567' }],
  ] as const)('refuses %s', async (_case, record) => {
    await expect(requireRecordOfPage(`https://assetpanda.app/collections/${COLLECTION}/records/rec_1`, record, locate)).rejects.toMatchObject({ code: 'not-this-record' });
  });

  it('accepts the record on the page', async () => {
    await expect(requireRecordOfPage('https://assetpanda.app/records/rec_200?tab=history', { product: 'pro', collectionId: COLLECTION, recordId: 'rec_200' }, locate)).resolves.toBeUndefined();
  });
});

describe('the budget of a tab', () => {
  it('allows `limit` questions in any window, per tab, and again once they age out', () => {
    let clock = 0;
    const budget = pageBudget({ limit: 3, windowMs: 1_000, now: () => clock });
    expect([1, 2, 3, 4].map(() => budget.take('tab-1'))).toEqual([true, true, true, false]);
    expect(budget.take('tab-2')).toBe(true);
    clock += 1_001;
    expect(budget.take('tab-1')).toBe(true);
  });

  it('remembers a bounded number of tabs, forgetting the least recently seen', () => {
    const budget = pageBudget({ limit: 1, windowMs: 60_000, now: () => 0, maxKeys: 2 });
    budget.take('a');
    budget.take('b');
    expect(budget.take('a')).toBe(false);
    budget.take('c');
    // 'b' was seen least recently, so it is forgotten: its budget starts again.
    expect(budget.take('b')).toBe(true);
    expect(budget.take('c')).toBe(false);
  });
});
