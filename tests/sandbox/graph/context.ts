import type { DirectoryUser } from '../directory.ts';
import { json, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { World } from '../world.ts';
import { graphError, type RequestIds } from './errors.ts';
import type { GraphState } from './state.ts';

/** What a Graph handler knows about the request it answers. */
export interface GraphContext {
  req: SandboxRequest;
  world: World;
  state: GraphState;
  user: DirectoryUser;
  scopes: ReadonlySet<string>;
  appId: string;
  ids: RequestIds;
  /** Path parameters in route order (ids, action names). */
  params: string[];
}

export function ok(body: unknown): SandboxResponse {
  return json(200, body);
}

export function fail(ctx: GraphContext, status: number, code: string, message: string): SandboxResponse {
  return graphError(status, code, message, ctx.ids);
}

export function hasAnyScope(ctx: GraphContext, wanted: readonly string[]): boolean {
  return wanted.some((scope) => ctx.scopes.has(scope));
}

/** Delegated permissions per Graph's permission tables (reference §2, §3.3). */
export const SCOPES = {
  devicesRead: ['DeviceManagementManagedDevices.Read.All', 'DeviceManagementManagedDevices.ReadWrite.All'],
  devicesWrite: ['DeviceManagementManagedDevices.ReadWrite.All'],
  devicesPrivileged: ['DeviceManagementManagedDevices.PrivilegedOperations.All'],
  appsRead: ['DeviceManagementApps.Read.All', 'DeviceManagementApps.ReadWrite.All'],
  usersFull: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  usersBasic: ['User.ReadBasic.All'],
  /** Any of these lets a user read their own profile. */
  self: ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  groups: ['Group.Read.All', 'Group.ReadWrite.All', 'GroupMember.Read.All', 'GroupMember.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
} as const;

/** The directory's 403. */
export function insufficientPrivileges(ctx: GraphContext): SandboxResponse {
  return fail(ctx, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}
