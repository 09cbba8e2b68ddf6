import { parseRetryAfter, sleep as realSleep } from '../retry';
import type { WrapFetch } from '../wrap-fetch';

export interface RetryAfterGate {
  /** `fetch` that waits while the host's window is open and opens one on every Retry-After. */
  wrap: WrapFetch;
  /** Until when requests to the host wait (epoch ms), for a "waiting for Asset Panda" line; 0 when they do not. */
  until(host: string): number;
}

/**
 * Holds back every request to a host while a Retry-After that host gave is running, whichever
 * request it answered: with several writes in flight, the one that was throttled is not the only
 * one that must wait. The clients' own retries wait as well; together, nothing is sent inside the
 * window: one gate serves every client of a run (build them all on `wrap`).
 */
export function createRetryAfterGate(options: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {}): RetryAfterGate {
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? realSleep;
  const windows = new Map<string, number>();
  const until = (host: string) => windows.get(host) ?? 0;

  return {
    until,
    wrap: (fetchImpl) => async (input, init) => {
      const host = new URL(input instanceof Request ? input.url : String(input)).host;
      for (let wait = until(host) - now(); wait > 0; wait = until(host) - now()) await sleep(wait);
      const response = await fetchImpl(input, init);
      if (response.status === 429 || response.status === 503) {
        const waitMs = parseRetryAfter(response.headers.get('retry-after'), now());
        if (waitMs !== null) windows.set(host, Math.max(until(host), now() + waitMs));
      }
      return response;
    },
  };
}
