import type { AssetPandaState } from './state.ts';
import { collectionNamed, columnNamed } from './tenant.ts';
import { SANDBOX_API_KEYS } from './unpublished-shapes.ts';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // Test code reads answers loosely; the assertions say what shape is expected.
  body: any; // oxlint-disable-line typescript/no-explicit-any
}

type Key = { keyId: string; secret: string } | null;

/** For tests: calls api.assetpanda.app through the sandbox's fetch with the read-write key unless told otherwise. */
export function assetPandaClient(fetch: typeof globalThis.fetch) {
  return async function call(method: string, path: string, body?: unknown, key: Key = SANDBOX_API_KEYS.readWrite): Promise<ApiAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (key) {
      headers['access-key-id'] = key.keyId;
      headers['access-key-secret'] = key.secret;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`https://api.assetpanda.app${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
}

/** The seeded tenant's ids and a Devices column-id lookup by display name. */
export function devicesTarget(state: AssetPandaState) {
  const devices = collectionNamed(state, 'Devices');
  const tenant = { accountId: devices.accountId, moduleId: devices.moduleId };
  const column = (displayName: string): string => columnNamed(devices, displayName).id;
  const tenantQuery = `collectionId=${devices.id}&accountId=${tenant.accountId}&moduleId=${tenant.moduleId}`;
  return { devices, tenant, collectionId: devices.id, column, tenantQuery };
}
