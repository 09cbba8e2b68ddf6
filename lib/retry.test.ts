import { describe, expect, it } from 'vitest';
import { backoffMs, parseRetryAfter } from './retry';

const NOW = Date.parse('2015-10-21T07:28:00Z');

describe('Retry-After', () => {
  it('reads whole and fractional seconds', () => {
    expect(parseRetryAfter('5', NOW)).toBe(5_000);
    expect(parseRetryAfter(' 2.128 ', NOW)).toBe(2_128);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', NOW)).toBe(0);
  });

  it('ignores a missing or unreadable value', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('-3', NOW)).toBeNull();
  });
});

describe('back-off', () => {
  it('doubles from the first wait up to the cap, plus jitter', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffMs(attempt, { firstMs: 1_000 }))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffMs(10, { firstMs: 2_000, maxMs: 120_000 })).toBe(120_000);
    expect(backoffMs(0, { firstMs: 3_000, jitterMs: 1_000, random: () => 0.5 })).toBe(3_500);
  });
});
