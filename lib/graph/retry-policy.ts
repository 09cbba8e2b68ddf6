import { backoffMs } from '../retry';

/**
 * When to try a Graph request again, and after how long. Defaults follow the Microsoft Graph
 * JavaScript SDK's RetryHandler: 3 retries, 3 s base delay, 180 s maximum delay.
 */
export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 3_000, maxDelayMs: 180_000 };

/** A failed attempt: the HTTP status (0 when no response arrived) and the parsed Retry-After. */
export interface FailedAttempt {
  method: string;
  status: number;
  retryAfterMs: number | null;
}

const RETRIABLE_READ_STATUSES = new Set([0, 429, 500, 502, 503, 504]);

/**
 * Milliseconds to wait before the next attempt, or null to give up. A GET is safe to repeat after
 * any transient failure. Anything else (device actions, DELETE) is retried only after a 429, which
 * Graph sends before doing the work: after a 5xx or a lost connection the action may have run, and
 * a wipe must never run twice.
 */
export function retryDelayMs(
  failure: FailedAttempt,
  retriesSoFar: number,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | null {
  if (retriesSoFar >= policy.maxRetries) return null;
  const retriable = failure.method === 'GET' ? RETRIABLE_READ_STATUSES.has(failure.status) : failure.status === 429;
  if (!retriable) return null;
  if (failure.retryAfterMs !== null) {
    // Waiting less than Graph asks only earns another 429; waiting longer than the cap would hold the
    // service worker for minutes. Hand the caller the error (it carries retryAfterMs) instead.
    return failure.retryAfterMs <= policy.maxDelayMs ? failure.retryAfterMs : null;
  }
  // Up to 1 s of jitter, so that many clients do not retry in step.
  return Math.min(backoffMs(retriesSoFar, { firstMs: policy.baseDelayMs, jitterMs: 1_000, random }), policy.maxDelayMs);
}
