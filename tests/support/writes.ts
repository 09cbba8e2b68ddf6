import type { DeviceRequestRecord } from '../sandbox/graph/state.ts';
import type { RecordedRequest } from '../sandbox/server.ts';
import type { World } from '../sandbox/world.ts';

// The writes that reached Asset Panda and Intune, for tests that assert what was (or was not) written.

const RECORD_WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE']);

/**
 * The record writes sent to Asset Panda's API (create, update, delete: POST, PUT, DELETE
 * /collection-records) as the sandbox recorded them, whatever came back: refused, lost and dropped
 * ones too, so that "nothing was written" also means nothing was tried.
 */
export function recordWrites(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => request.host === 'api.assetpanda.app' && request.path === '/collection-records' && RECORD_WRITE_METHODS.has(request.method));
}

type DeviceWrite = Pick<DeviceRequestRecord, 'action' | 'deviceId' | 'body' | 'status'>;

/**
 * The device writes Intune handled (actions, DELETE, PATCH): action, device, body and its answer's
 * status, from the Graph imitation's own log. A write a fault answered or dropped never reached
 * Intune, so it is not here; it is in `sandbox.requests`.
 */
export function deviceWrites(world: World): DeviceWrite[] {
  return world.graph.requests.map(({ action, deviceId, body, status }) => ({ action, deviceId, body, status }));
}
