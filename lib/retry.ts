/**
 * Waiting before trying again, shared by the Graph and Asset Panda clients and the sync engine:
 * the default sleep, exponential back-off, and the standard HTTP Retry-After header (RFC 9110 §10.2.3).
 */

/** Waits `ms` on the real clock; callers take a `sleep` option so tests can move a fake one instead. */
export function sleep(ms: number): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}

export interface Backoff {
  /** The wait before the first retry (attempt 0); each later one doubles it. */
  firstMs: number;
  /** No wait is longer (jitter aside). */
  maxMs?: number;
  /** Up to this much is added at random, so that many clients do not retry in step. */
  jitterMs?: number;
  random?: () => number;
}

/** Exponential back-off: `firstMs` × 2^attempt, capped at `maxMs`, plus jitter. */
export function backoffMs(attempt: number, { firstMs, maxMs = Number.POSITIVE_INFINITY, jitterMs = 0, random = Math.random }: Backoff): number {
  return Math.round(Math.min(firstMs * 2 ** attempt, maxMs) + (jitterMs > 0 ? random() * jitterMs : 0));
}

/**
 * The Retry-After header in milliseconds: delay-seconds (Graph sends fractions such as "2.128") or an
 * HTTP-date, relative to `nowMs` and never negative. Null when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1_000);
  const date = Date.parse(value);
  if (Number.isNaN(date) || /^[\d.+-]+$/.test(value)) return null;
  return Math.max(0, date - nowMs);
}
