import { useSandbox } from '../../support/use-sandbox.ts';
import { SANDBOX_ADMIN, type DirectoryUser } from '../directory.ts';
import { graphTokenFor } from '../entra/access-token.ts';
import type { Sandbox } from '../server.ts';
import type { WorldOptions } from '../world.ts';

export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const DEVICES = `${GRAPH}/deviceManagement/managedDevices`;
export const TEST_APP_ID = '4b1d6a7e-3c2f-4e8a-9b0c-5d6e7f8a9b0c';

export const READ = 'DeviceManagementManagedDevices.Read.All';
export const READ_WRITE = 'DeviceManagementManagedDevices.ReadWrite.All';
export const PRIVILEGED = 'DeviceManagementManagedDevices.PrivilegedOperations.All';
/** What the extension asks for: read devices, act on them, read users. */
export const ADMIN_SCOPES = [READ, READ_WRITE, PRIVILEGED, 'User.Read', 'User.Read.All', 'Group.Read.All', 'DeviceManagementApps.Read.All'];

export interface CallOptions extends RequestInit {
  scopes?: readonly string[];
  user?: DirectoryUser;
  appId?: string;
}

export interface GraphHarness {
  sandbox: Sandbox;
  /** A request with a freshly minted access token (ADMIN_SCOPES for the Intune admin unless told). */
  call(url: string, options?: CallOptions): Promise<Response>;
  json<T = Record<string, unknown>>(url: string, options?: CallOptions): Promise<T>;
}

/** One sandbox per test file, a fresh world before each test. */
export function useGraphSandbox(options: WorldOptions = {}): GraphHarness {
  const sandbox = useSandbox(options);
  const harness: GraphHarness = {
    sandbox,
    call: (url, { scopes = ADMIN_SCOPES, user = SANDBOX_ADMIN, appId = TEST_APP_ID, headers, ...init } = {}) => {
      const token = accessToken(sandbox, user, scopes, appId);
      return sandbox.fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, ...(headers as Record<string, string>) } });
    },
    json: async (url, callOptions) => (await (await harness.call(url, callOptions)).json()) as never,
  };
  return harness;
}

export function accessToken(sandbox: Sandbox, user: DirectoryUser, scopes: readonly string[], appId = TEST_APP_ID): string {
  return graphTokenFor(sandbox.world, user, scopes, appId);
}

export interface GraphErrorBody {
  error: { code: string; message: string; innerError: Record<string, string> };
}

/** Intune's error nested in `error.message`: one JSON level for BadRequest, two for Forbidden. */
export function intuneInner(body: GraphErrorBody): { ErrorCode?: string; Message: string; _version?: number } {
  const outer = JSON.parse(body.error.message) as { ErrorCode?: string; Message: string; _version?: number };
  if (outer.ErrorCode) return { ...outer, ...(JSON.parse(outer.Message) as object), ErrorCode: outer.ErrorCode };
  return outer;
}

export function postJson(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
