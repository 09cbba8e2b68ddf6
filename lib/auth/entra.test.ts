import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT_ID } from '../../tests/sandbox/entra/state.ts';
import { SANDBOX_ADMIN, SANDBOX_TENANT_DOMAIN, SANDBOX_TENANT_ID } from '../../tests/sandbox/directory.ts';
import { sandboxAuthEnvironment } from '../../tests/support/auth-environment.ts';
import { signInFailure } from '../../tests/support/sign-in-failure.ts';
import { useSandbox } from '../../tests/support/use-sandbox.ts';
import { refresh, signIn } from './entra';
import type { IntuneSettings } from './settings';

const sandbox = useSandbox({ fleetSize: 10 });

const settings: IntuneSettings = { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID, applicationObjectId: '', cloud: 'global' };


describe('sign-in with authorization code + PKCE', () => {
  it('signs the admin in and reads the account and granted permissions', async () => {
    const tokens = await signIn(sandboxAuthEnvironment(sandbox), settings, { interactive: true });
    expect(tokens.account).toEqual({
      username: SANDBOX_ADMIN.userPrincipalName,
      name: SANDBOX_ADMIN.displayName,
      tenantId: SANDBOX_TENANT_ID,
      objectId: SANDBOX_ADMIN.id,
    });
    expect(tokens.scopes).toEqual(expect.arrayContaining(['DeviceManagementManagedDevices.PrivilegedOperations.All', 'User.Read.All']));
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.refreshTokenExpiresAt! - sandbox.world.now()).toBeGreaterThan(23 * 3600_000);
    const tokenRequest = sandbox.requests.find((r) => r.path.endsWith('/oauth2/v2.0/token'))!;
    expect(tokenRequest.body).not.toContain('client_secret');
  });

  it('uses PKCE with S256, though Entra would also take plain: the challenge is the SHA-256 of a verifier sent only to the token endpoint', async () => {
    await signIn(sandboxAuthEnvironment(sandbox), settings, { interactive: true });
    const authorize = sandbox.requests.find((r) => r.path.endsWith('/oauth2/v2.0/authorize'))!;
    const verifier = new URLSearchParams(sandbox.requests.find((r) => r.path.endsWith('/oauth2/v2.0/token'))!.body).get('code_verifier') ?? '';
    expect(authorize.query.code_challenge_method).toBe('S256');
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(authorize.query.code_challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(JSON.stringify(authorize)).not.toContain(verifier);
  });

  it('accepts a verified domain as the Tenant ID', async () => {
    const tokens = await signIn(sandboxAuthEnvironment(sandbox), { ...settings, tenantId: SANDBOX_TENANT_DOMAIN }, { interactive: true });
    expect(tokens.account.tenantId).toBe(SANDBOX_TENANT_ID);
  });

  it('leaves out a permission the app registration does not have', async () => {
    sandbox.world.entra.configuredScopes.delete('Group.Read.All');
    const tokens = await signIn(sandboxAuthEnvironment(sandbox), settings, { interactive: true });
    expect(tokens.scopes).not.toContain('Group.Read.All');
    expect(tokens.scopes).toContain('User.Read.All');
  });

  it('asks for admin consent when the tenant has not granted it and the user cannot', async () => {
    sandbox.world.entra.consentedScopes.delete('DeviceManagementApps.Read.All');
    sandbox.world.entra.signedInUserId = sandbox.world.directory.users[1]!.id;
    const environment = sandboxAuthEnvironment(sandbox, async (_html, url) => {
      // The admin-approval page: the user can only go back to the app.
      const cancel = /id="cancel"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*id="cancel"/.exec(_html);
      const href = cancel?.[1] ?? cancel?.[2];
      if (!href) throw new Error('The approval page has no #cancel link.');
      return new URL(href.replaceAll('&amp;', '&'), url).href;
    });
    // The approval page only lets the user go back to the app: that reads as a closed window…
    const closed = await signInFailure(signIn(environment, settings, { interactive: true }));
    expect(closed.code).toBe('sign-in-cancelled');
    // …and a silent sign-in then names what is missing (Test and Save asks it the same way).
    const silent = await signInFailure(signIn(environment, settings, { interactive: false }));
    expect(silent.aadsts).toBe('65001');
    expect(silent.code).toBe('needs-admin-consent');
    expect(silent.message).toContain(`Grant admin consent for ${SANDBOX_TENANT_ID}`);
  });

  it('says the sign-in was declined when the user says no', async () => {
    sandbox.world.entra.mode = 'deny';
    const error = await signInFailure(signIn(sandboxAuthEnvironment(sandbox), settings, { interactive: true }));
    expect(error.code).toBe('sign-in-cancelled');
  });

  it('names a wrong tenant, and points at the Client ID when Entra shows an error page', async () => {
    const wrongTenant = await signInFailure(
      signIn(sandboxAuthEnvironment(sandbox), { ...settings, tenantId: '11111111-2222-3333-4444-555555555555' }, { interactive: true }),
    );
    expect(wrongTenant.code).toBe('unknown-tenant');
    expect(wrongTenant.message).toContain('11111111-2222-3333-4444-555555555555');
    const wrongClient = await signInFailure(
      signIn(sandboxAuthEnvironment(sandbox), { ...settings, clientId: '99999999-8888-7777-6666-555555555555' }, { interactive: true }),
    );
    // Entra shows its AADSTS700016 error in the sign-in window instead of redirecting back: the admin
    // reads it there and closes the window, so the extension can only point at what to check.
    expect(wrongClient.code).toBe('sign-in-cancelled');
    expect(wrongClient.message).toContain('Client ID');
  });

  it('needs interaction for a silent sign-in without a Microsoft session, and not after one', async () => {
    const silentFirst = await signInFailure(signIn(sandboxAuthEnvironment(sandbox), settings, { interactive: false }));
    expect(silentFirst.code).toBe('interaction-required');
    await signIn(sandboxAuthEnvironment(sandbox), settings, { interactive: true });
    const silent = await signIn(sandboxAuthEnvironment(sandbox), settings, { interactive: false });
    expect(silent.accessToken).toBeTruthy();
  });

  it('reports a network failure as such', async () => {
    sandbox.fault({ host: 'login.microsoftonline.com', response: { status: 503, body: 'Service Unavailable' }, times: 5 });
    const error = await signInFailure(signIn(sandboxAuthEnvironment(sandbox), settings, { interactive: true }));
    expect(error.code).toBe('service-unavailable');
  });
});

describe('redirects during sign-in', () => {
  const toExample = { status: 307, headers: { location: 'https://example.com/stolen' } };

  it.each([
    ['the OpenID discovery', 'GET', /\/v2\.0\/\.well-known\/openid-configuration$/],
    ['the code redemption', 'POST', /\/oauth2\/v2\.0\/token$/],
  ])('refuses a redirect of %s: nothing reaches the other host', async (_, method, path) => {
    sandbox.fault({ host: 'login.microsoftonline.com', method, path, response: toExample });
    const error = await signInFailure(signIn(sandboxAuthEnvironment(sandbox), settings, { interactive: true }));
    expect(error.code).toBe('redirected');
    expect(error.message).toContain('answered with a redirect to https://example.com');
    expect(sandbox.requests.filter((r) => r.host === 'example.com')).toEqual([]);
  });

  it('refuses a redirect of the refresh: the refresh token reaches no other host', async () => {
    const environment = sandboxAuthEnvironment(sandbox);
    const tokens = await signIn(environment, settings, { interactive: true });
    sandbox.fault({ host: 'login.microsoftonline.com', method: 'POST', path: /\/token$/, response: toExample });
    expect((await signInFailure(refresh(environment, settings, tokens))).code).toBe('redirected');
    expect(sandbox.requests.filter((r) => r.host === 'example.com')).toEqual([]);
  });
});

describe('refresh', () => {
  it('rotates the refresh token and keeps the 24-hour limit', async () => {
    const environment = sandboxAuthEnvironment(sandbox);
    const first = await signIn(environment, settings, { interactive: true });
    sandbox.world.advanceClock(3 * 3600_000);
    const second = await refresh(environment, settings, first);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(Math.abs(second.refreshTokenExpiresAt! - first.refreshTokenExpiresAt!)).toBeLessThan(5_000);
  });

  it('says the session expired when the refresh token was revoked', async () => {
    const environment = sandboxAuthEnvironment(sandbox);
    const tokens = await signIn(environment, settings, { interactive: true });
    sandbox.world.entra.revokeRefreshTokens();
    const error = await signInFailure(refresh(environment, settings, tokens));
    expect(error.code).toBe('session-expired');
    expect(error.message).toMatch(/sign in again/i);
  });
});
