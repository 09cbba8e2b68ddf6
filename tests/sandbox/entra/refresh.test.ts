import { describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { SANDBOX_ADMIN } from '../directory.ts';
import type { SandboxRequest } from '../http.ts';
import { authenticateGraphRequest } from './access-token.ts';
import { aadstsOf, answerOf, authorizeUrl, claimsOf, makePkce, open, refresh, signIn, type TokenBody, type TokenErrorBody } from './flow.ts';

const HOUR = 3600 * 1000;

const sandbox = useSandbox();
const { fetch } = sandbox;

async function refreshed(refreshToken: string, extra: Record<string, string> = {}): Promise<TokenBody> {
  const res = await refresh(fetch, refreshToken, extra);
  expect(res.status).toBe(200);
  return (await res.json()) as TokenBody;
}

async function refreshError(refreshToken: string, extra: Record<string, string> = {}): Promise<TokenErrorBody & { aadsts?: number }> {
  const res = await refresh(fetch, refreshToken, extra);
  expect(res.status).toBe(400);
  const body = (await res.json()) as TokenErrorBody;
  return { ...body, aadsts: aadstsOf(body.error_description) };
}

function graphRequest(accessToken: string): SandboxRequest {
  return {
    method: 'GET',
    host: 'graph.microsoft.com',
    url: new URL('https://graph.microsoft.com/v1.0/deviceManagement/managedDevices'),
    headers: { authorization: `Bearer ${accessToken}` },
    body: '',
    json: undefined,
    form: new URLSearchParams(),
  };
}

describe('refresh_token grant', () => {
  it('rotates: every answer carries a new refresh token, and the used one stays good', async () => {
    const first = await signIn(fetch);
    const second = await refreshed(first.refresh_token ?? '');
    const third = await refreshed(second.refresh_token ?? '');
    const tokens = [first.refresh_token, second.refresh_token, third.refresh_token];
    expect(new Set(tokens).size).toBe(3);
    expect(third.access_token).toBeTruthy();
    expect(claimsOf(third.id_token ?? '').oid).toBe(SANDBOX_ADMIN.id);
    // Entra does not revoke a refresh token by its use.
    expect((await refresh(fetch, first.refresh_token ?? '')).status).toBe(200);
  });

  it('keeps the 24-hour SPA lifetime of the first sign-in through rotation (AADSTS700084)', async () => {
    const first = await signIn(fetch);
    expect(first.refresh_token_expires_in).toBe(86_400);
    sandbox.world.advanceClock(23 * HOUR);
    const rotated = await refreshed(first.refresh_token ?? '');
    // What is left of the chain, not a new 24 hours (the real clock moves a little meanwhile).
    expect(rotated.refresh_token_expires_in).toBeGreaterThan(3500);
    expect(rotated.refresh_token_expires_in).toBeLessThanOrEqual(3600);

    sandbox.world.advanceClock(HOUR);
    const expired = await refreshError(rotated.refresh_token ?? '');
    expect(expired.error).toBe('invalid_grant');
    expect(expired.aadsts).toBe(700084);
    expect(expired.error_description).toContain('fixed, limited lifetime of 1.00:00:00');
  });

  it('starts a new 24-hour chain with a new sign-in', async () => {
    sandbox.world.entra.refreshTokenLifetimeSeconds = 3600;
    const first = await signIn(fetch);
    expect(first.refresh_token_expires_in).toBe(3600);
    sandbox.world.advanceClock(HOUR);
    expect((await refreshError(first.refresh_token ?? '')).aadsts).toBe(700084);

    const silent = answerOf(await open(fetch, authorizeUrl(makePkce(), { prompt: 'none' })));
    expect(silent.get('code')).toBeTruthy();
  });

  it('answers invalid_grant AADSTS50173 for a revoked refresh token, and the session ends with it', async () => {
    const first = await signIn(fetch);
    sandbox.world.entra.revokeRefreshTokens();
    const revoked = await refreshError(first.refresh_token ?? '');
    expect(revoked.error).toBe('invalid_grant');
    expect(revoked.aadsts).toBe(50173);

    const silent = answerOf(await open(fetch, authorizeUrl(makePkce(), { prompt: 'none' })));
    expect(silent.get('error')).toBe('login_required');
    // A new sign-in gives a refresh token that works.
    expect((await refresh(fetch, (await signIn(fetch)).refresh_token ?? '')).status).toBe(200);
  });

  it('answers invalid_grant AADSTS65001 (consent_required) for a scope never consented', async () => {
    const first = await signIn(fetch);
    sandbox.world.entra.consentedScopes.delete('DeviceManagementApps.Read.All');
    const error = await refreshError(first.refresh_token ?? '', { scope: 'https://graph.microsoft.com/DeviceManagementApps.Read.All openid' });
    expect(error.error).toBe('invalid_grant');
    expect(error.aadsts).toBe(65001);
    expect(error.suberror).toBe('consent_required');
  });

  it('issues for the scopes asked on refresh, or those of the sign-in without scope', async () => {
    const first = await signIn(fetch);
    const same = await refreshed(first.refresh_token ?? '');
    expect(claimsOf(same.access_token).scp).toBe(claimsOf(first.access_token).scp);
    const other = await refreshed(first.refresh_token ?? '', { scope: 'https://graph.microsoft.com/User.Read offline_access' });
    expect(claimsOf(other.access_token).scp).toBe('User.Read');
  });

  it('refuses a refresh token it never issued and a refresh without Origin', async () => {
    expect((await refreshError('garbage')).aadsts).toBe(9002313);
    const first = await signIn(fetch);
    const noOrigin = await fetch(`https://login.microsoftonline.com/common/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: sandbox.world.entra.clientId, grant_type: 'refresh_token', refresh_token: first.refresh_token ?? '' }).toString(),
    });
    expect(aadstsOf(((await noOrigin.json()) as TokenErrorBody).error_description)).toBe(9002327);
  });
});

describe('access tokens', () => {
  it('pass Graph’s check, with the user, tenant, app and short scope names', async () => {
    const body = await signIn(fetch);
    const caller = authenticateGraphRequest(graphRequest(body.access_token), sandbox.world);
    expect(caller.ok).toBe(true);
    if (!caller.ok) return;
    expect(caller.user.id).toBe(SANDBOX_ADMIN.id);
    expect(caller.scopes.has('DeviceManagementManagedDevices.Read.All')).toBe(true);
    expect(caller.claims).toMatchObject({ appid: sandbox.world.entra.clientId, upn: SANDBOX_ADMIN.userPrincipalName });
  });

  it('fail Graph’s check once expired', async () => {
    const body = await signIn(fetch);
    sandbox.world.advanceClock(body.expires_in * 1000);
    const caller = authenticateGraphRequest(graphRequest(body.access_token), sandbox.world);
    expect(caller.ok).toBe(false);
    if (caller.ok) return;
    expect(caller.response.status).toBe(401);
    expect(caller.response.body).toContain('Lifetime validation failed');
  });
});
