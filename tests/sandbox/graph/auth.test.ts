import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN, SANDBOX_USER_WITHOUT_ROLE } from '../directory.ts';
import { ADMIN_SCOPES, DEVICES, GRAPH, type GraphErrorBody, intuneInner, PRIVILEGED, READ, READ_WRITE, useGraphSandbox } from './harness.ts';
import { expectEach } from '../../support/expect-each.ts';

const graph = useGraphSandbox({ fleetSize: 30 });

async function errorOf(res: Response): Promise<GraphErrorBody['error'] & { status: number }> {
  return { status: res.status, ...((await res.json()) as GraphErrorBody).error };
}

describe('authentication', () => {
  it('answers a request without a token with 401 InvalidAuthenticationToken', async () => {
    const res = await graph.call(DEVICES, { headers: { authorization: '' } });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('InvalidAuthenticationToken');
  });
});

describe('cross-origin calls', () => {
  it('answers the preflight and exposes Retry-After and the request ids to any origin', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const preflight = await graph.call(DEVICES, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const res = await graph.call(DEVICES, { headers: { origin } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/request-id.*Retry-After/);
  });
});

describe('Intune permissions', () => {
  it.each([
    ['GET', DEVICES, [READ]],
    ['GET', DEVICES, [READ_WRITE]],
    ['GET', `${GRAPH}/deviceManagement/detectedApps`, [READ]],
    ['GET', `${GRAPH}/deviceAppManagement/mobileApps`, ['DeviceManagementApps.Read.All']],
  ])('%s %s works with %j', async (method, url, scopes) => {
    expect((await graph.call(url, { method, scopes })).status).toBe(200);
  });

  it.each([
    ['GET', DEVICES, ['User.Read', PRIVILEGED]],
    ['GET', `${GRAPH}/deviceManagement/detectedApps`, ['DeviceManagementApps.Read.All']],
    ['GET', `${GRAPH}/deviceAppManagement/mobileApps`, [READ_WRITE]],
    ['DELETE', 'device', [READ, PRIVILEGED]],
    ['POST', 'device/retire', [READ, READ_WRITE]],
  ])('%s %s is forbidden with %j, in Intune\'s error format', async (method, target, scopes) => {
    const id = graph.sandbox.world.graph.devices[0]?.id ?? '';
    const url = target.startsWith('device') ? `${DEVICES}/${target.replace('device', id)}` : target;
    const error = await errorOf(await graph.call(url, { method, scopes }));
    expect(error.status).toBe(403);
    expect(error.code).toBe('UnknownError');
    const inner = intuneInner({ error });
    expect(inner.ErrorCode).toBe('Forbidden');
    expect(inner.Message).toMatch(/^An error has occurred - Operation ID/);
  });

  it('forbids a user without an Intune role even with every scope', async () => {
    const error = await errorOf(await graph.call(DEVICES, { user: SANDBOX_USER_WITHOUT_ROLE, scopes: ADMIN_SCOPES }));
    expect(error.status).toBe(403);
    expect(intuneInner({ error }).ErrorCode).toBe('Forbidden');
    // The same user may still read the directory.
    expect((await graph.call(`${GRAPH}/me`, { user: SANDBOX_USER_WITHOUT_ROLE, scopes: ['User.Read'] })).status).toBe(200);
  });
});

describe('directory permissions', () => {
  it('lets User.Read read /me and the own user, but not other users', async () => {
    expect((await graph.call(`${GRAPH}/me`, { scopes: ['User.Read'] })).status).toBe(200);
    expect((await graph.call(`${GRAPH}/users/${SANDBOX_ADMIN.id}`, { scopes: ['User.Read'] })).status).toBe(200);
    const error = await errorOf(await graph.call(`${GRAPH}/users`, { scopes: ['User.Read'] }));
    expect(error).toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
    expect((await graph.call(`${GRAPH}/me`, { scopes: [READ] })).status).toBe(403);
  });

  it('gives only the basic profile with User.ReadBasic.All', async () => {
    const body = await graph.json<{ value: Array<Record<string, unknown>> }>(`${GRAPH}/users?$select=displayName,jobTitle,mail`, {
      scopes: ['User.ReadBasic.All'],
    });
    expectEach(body.value, (user) => expect(Object.keys(user).toSorted()).toEqual(['displayName', 'mail']));
  });

  it('lets any of the group permissions list groups', async () => {
    for (const scope of ['Group.Read.All', 'GroupMember.Read.All', 'Directory.Read.All']) {
      expect((await graph.call(`${GRAPH}/groups`, { scopes: [scope] })).status, scope).toBe(200);
    }
    expect((await graph.call(`${GRAPH}/groups`, { scopes: ['User.Read.All'] })).status).toBe(403);
  });
});
