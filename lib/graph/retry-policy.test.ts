import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-policy';

const noJitter = () => 0;

describe('retry decision', () => {
  it('waits what Retry-After asks, for reads and writes alike', () => {
    expect(retryDelayMs({ method: 'GET', status: 429, retryAfterMs: 2_128 }, 0, noJitter)).toBe(2_128);
    expect(retryDelayMs({ method: 'POST', status: 429, retryAfterMs: 5_000 }, 0, noJitter)).toBe(5_000);
    expect(retryDelayMs({ method: 'GET', status: 503, retryAfterMs: 1_000 }, 0, noJitter)).toBe(1_000);
  });

  it('backs off exponentially with jitter when there is no Retry-After', () => {
    const first = retryDelayMs({ method: 'GET', status: 503, retryAfterMs: null }, 0, noJitter);
    const third = retryDelayMs({ method: 'GET', status: 503, retryAfterMs: null }, 2, noJitter);
    expect(first).toBeGreaterThanOrEqual(DEFAULT_RETRY_POLICY.baseDelayMs);
    expect(third).toBeGreaterThan(first ?? Infinity);
    expect(retryDelayMs({ method: 'GET', status: 503, retryAfterMs: null }, 0, () => 0.5)).toBe((first ?? 0) + 500);
  });

  it('retries reads after transient failures and network errors', () => {
    for (const status of [0, 429, 500, 502, 503, 504]) {
      expect(retryDelayMs({ method: 'GET', status, retryAfterMs: null }, 0, noJitter)).not.toBeNull();
    }
    for (const status of [400, 401, 403, 404]) {
      expect(retryDelayMs({ method: 'GET', status, retryAfterMs: null }, 0, noJitter)).toBeNull();
    }
  });

  it('never repeats an action or a DELETE after an ambiguous failure', () => {
    for (const method of ['POST', 'DELETE']) {
      for (const status of [0, 500, 502, 503, 504]) {
        expect(retryDelayMs({ method, status, retryAfterMs: 1 }, 0, noJitter)).toBeNull();
      }
      expect(retryDelayMs({ method, status: 429, retryAfterMs: null }, 0, noJitter)).not.toBeNull();
    }
  });

  it('gives up after the last retry or when Graph asks for more than the longest wait', () => {
    expect(retryDelayMs({ method: 'GET', status: 429, retryAfterMs: 1_000 }, DEFAULT_RETRY_POLICY.maxRetries, noJitter)).toBeNull();
    expect(retryDelayMs({ method: 'GET', status: 429, retryAfterMs: DEFAULT_RETRY_POLICY.maxDelayMs + 1 }, 0, noJitter)).toBeNull();
  });
});
