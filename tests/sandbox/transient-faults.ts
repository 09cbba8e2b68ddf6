import { gatewayDown, rateLimited } from './assetpanda-api/unpublished-shapes.ts';
import type { FaultEffect } from './faults.ts';
import { serviceUnavailable, throttled } from './graph/errors.ts';

/**
 * The passing failures a busy service gives, each as that service answers it, for `randomFaults`:
 * throttling with Retry-After, a server error, a dropped connection, and a write done whose answer
 * is lost on the way back.
 */
export function transientFaults(service: 'graph' | 'assetPanda', retryAfterSeconds = 2): FaultEffect[] {
  const lost: FaultEffect[] = [{ drop: true }, { lose: true }];
  if (service === 'graph') return [{ response: throttled(retryAfterSeconds) }, { response: serviceUnavailable() }, ...lost];
  return [{ response: rateLimited(retryAfterSeconds) }, { response: gatewayDown() }, ...lost];
}
