import { sleep as realSleep } from '../retry';

export type RequestKind = 'read' | 'write';

/** Holds a request back until sending it keeps the client within its budget. */
export interface RequestLimiter {
  acquire(kind: RequestKind): Promise<void>;
}

/**
 * Intune "devices" service limits per app per tenant (learn.microsoft.com/graph/throttling-limits):
 * 2000 requests of any kind and 200 writes (POST, PUT, PATCH, DELETE) per 20 seconds.
 */
export const INTUNE_PER_APP_LIMITS = { windowMs: 20_000, maxRequests: 2_000, maxWrites: 200 };

export interface SlidingWindowLimiterOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  limits?: typeof INTUNE_PER_APP_LIMITS;
  /** Share of the limits to use: other apps and the admin's own portal use the same tenant budget. */
  headroom?: number;
}

/** A sliding-window limiter at 90% of Intune's per-app budget; it waits (with `sleep`) rather than sends. */
export function createSlidingWindowLimiter(options: SlidingWindowLimiterOptions = {}): RequestLimiter {
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? realSleep;
  const limits = options.limits ?? INTUNE_PER_APP_LIMITS;
  const headroom = options.headroom ?? 0.9;
  const maxRequests = Math.max(1, Math.floor(limits.maxRequests * headroom));
  const maxWrites = Math.max(1, Math.floor(limits.maxWrites * headroom));
  const requests: number[] = [];
  const writes: number[] = [];

  /** Milliseconds until `sent` has room for one more, once older requests have aged out of it. */
  function waitFor(sent: number[], max: number, at: number): number {
    while (sent.length > 0 && (sent[0] ?? 0) <= at - limits.windowMs) sent.shift();
    const oldestThatMustLeave = sent[sent.length - max];
    return oldestThatMustLeave === undefined ? 0 : oldestThatMustLeave + limits.windowMs - at;
  }

  return {
    async acquire(kind) {
      for (;;) {
        const at = now();
        const wait = Math.max(waitFor(requests, maxRequests, at), kind === 'write' ? waitFor(writes, maxWrites, at) : 0);
        if (wait <= 0) {
          requests.push(at);
          if (kind === 'write') writes.push(at);
          return;
        }
        await sleep(wait);
      }
    },
  };
}
