/**
 * Intune's documented Graph throttling (reference §4.1), counted on the world clock over sliding
 * 20-second windows, per tenant and per app. Requests that are refused still count: "Microsoft
 * Graph continues to log resource usage while a client is being throttled".
 */
export type ThrottleBucket = 'devices' | 'apps';

interface Limits {
  tenantAny: number;
  tenantWrite: number;
  appAny: number;
  appWrite: number;
}

/** "Intune devices service limits" and the halved limits of the applications bucket. */
const LIMITS: Record<ThrottleBucket, Limits> = {
  devices: { tenantAny: 4000, tenantWrite: 400, appAny: 2000, appWrite: 200 },
  apps: { tenantAny: 2000, tenantWrite: 200, appAny: 1000, appWrite: 100 },
};

const THROTTLE_WINDOW_MS = 20_000;

export interface ThrottleState {
  enabled: boolean;
  /** Request times (world ms) per window key. */
  windows: Map<string, number[]>;
}

export function createThrottleState(): ThrottleState {
  return { enabled: true, windows: new Map() };
}

/** Logs the request; returns Retry-After seconds when a limit is exceeded. */
export function throttle(state: ThrottleState, bucket: ThrottleBucket, appId: string, write: boolean, now: number): number | undefined {
  if (!state.enabled) return undefined;
  const limits = LIMITS[bucket];
  const counted: Array<[key: string, limit: number]> = [
    [`${bucket}|tenant|any`, limits.tenantAny],
    [`${bucket}|app:${appId}|any`, limits.appAny],
  ];
  if (write) counted.push([`${bucket}|tenant|write`, limits.tenantWrite], [`${bucket}|app:${appId}|write`, limits.appWrite]);

  let waitMs = 0;
  for (const [key, limit] of counted) {
    const times = state.windows.get(key) ?? [];
    const firstLive = times.findIndex((t) => t > now - THROTTLE_WINDOW_MS);
    times.splice(0, firstLive < 0 ? times.length : firstLive);
    times.push(now);
    state.windows.set(key, times);
    if (times.length > limit) {
      // The window frees up when enough of its oldest requests age out.
      const freedAt = (times[times.length - limit] ?? now) + THROTTLE_WINDOW_MS;
      waitMs = Math.max(waitMs, freedAt - now);
    }
  }
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : undefined;
}
