import { backoffMs } from '../retry';

/**
 * When to try an Asset Panda call again, following Microsoft Graph's throttling guidance (honour
 * Retry-After; otherwise back off exponentially). A read can be repeated safely after any transient
 * failure. A write is repeated only after a 429, which says the request was not processed: after a
 * timeout or a 5xx it may have been, and a second create would duplicate records.
 */
export const RETRY_POLICY = {
  maxRetries: 3,
  /** Longer waits are not slept through (a service worker would not live that long): the caller is told to wait. */
  maxWaitMs: 60_000,
  firstBackoffMs: 1_000,
} as const;

const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

export type Effect = 'read' | 'write';

/** `status` is the HTTP status, or 'network' when no answer came. */
export function isRetryable(effect: Effect, status: number | 'network'): boolean {
  if (status === 429) return true;
  return effect === 'read' && (status === 'network' || TRANSIENT_STATUSES.has(status));
}

/** The wait before retry `attempt` (from 0) when Asset Panda says nothing of how long. */
export function retryBackoffMs(attempt: number): number {
  return backoffMs(attempt, { firstMs: RETRY_POLICY.firstBackoffMs });
}
