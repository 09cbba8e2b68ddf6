import { describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT_ID } from '../../tests/sandbox/entra/state.ts';
import { SANDBOX_TENANT_ID } from '../../tests/sandbox/directory.ts';
import { sandboxAuthEnvironment } from '../../tests/support/auth-environment.ts';
import { useSandbox } from '../../tests/support/use-sandbox.ts';
import { SignInError } from './errors';
import { IntuneSession, type TokenStore } from './session';
import type { IntuneSettings } from './settings';
import type { TokenSet } from './tokens';

const sandbox = useSandbox({ fleetSize: 10 });

const settings: IntuneSettings = { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID, applicationObjectId: '', cloud: 'global' };

function memoryStore(): TokenStore & { tokens: TokenSet | undefined } {
  return {
    tokens: undefined,
    async load() {
      return this.tokens;
    },
    async save(tokens) {
      this.tokens = tokens;
    },
    async clear() {
      this.tokens = undefined;
    },
  };
}

async function signedInSession() {
  const store = memoryStore();
  const session = new IntuneSession(sandboxAuthEnvironment(sandbox), store);
  await session.adopt(await session.signInInteractively(settings));
  return { session, store };
}

const tokenRequests = () => sandbox.requests.filter((r) => r.path.endsWith('/token')).length;

describe('IntuneSession', () => {
  it('is signed out until a sign-in is adopted', async () => {
    const store = memoryStore();
    const session = new IntuneSession(sandboxAuthEnvironment(sandbox), store);
    const tokens = await session.signInInteractively(settings);
    expect(await session.state()).toEqual({ state: 'signed-out' });
    await session.adopt(tokens);
    expect(await session.state()).toMatchObject({ state: 'signed-in', account: { tenantId: SANDBOX_TENANT_ID } });
  });

  it('reuses a fresh access token and refreshes an old one once for concurrent callers', async () => {
    const { session } = await signedInSession();
    const first = await session.accessToken(settings);
    expect(await session.accessToken(settings)).toBe(first);
    const before = tokenRequests();
    sandbox.world.advanceClock(58 * 60_000);
    const [a, b] = await Promise.all([session.accessToken(settings), session.accessToken(settings)]);
    expect(a).toBe(b);
    expect(a).not.toBe(first);
    expect(tokenRequests()).toBe(before + 1);
  });

  it('signs in silently when the refresh token was revoked but the Microsoft session lives', async () => {
    const { session } = await signedInSession();
    sandbox.world.advanceClock(61 * 60_000);
    for (const token of sandbox.world.entra.refreshTokens.values()) token.revoked = true;
    expect(await session.accessToken(settings)).toBeTruthy();
  });

  it('asks the admin to sign in again when the refresh token and the Microsoft session are gone', async () => {
    const { session, store } = await signedInSession();
    sandbox.world.advanceClock(61 * 60_000);
    sandbox.world.entra.revokeRefreshTokens();
    const error = await session.accessToken(settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).code).toBe('session-expired');
    expect(store.tokens).toBeUndefined();
    expect(await session.state()).toEqual({ state: 'signed-out' });
  });

  it('starts a new 24-hour window with a silent renewal before the old one lapses', async () => {
    const { session, store } = await signedInSession();
    const firstDeadline = store.tokens!.refreshTokenExpiresAt!;
    sandbox.world.advanceClock(22 * 3600_000);
    await session.renewSilently(settings);
    expect(store.tokens!.refreshTokenExpiresAt! - firstDeadline).toBeGreaterThan(21 * 3600_000);
  });

  it('keeps the session through a network failure', async () => {
    const { session, store } = await signedInSession();
    sandbox.world.advanceClock(61 * 60_000);
    sandbox.fault({ host: 'login.microsoftonline.com', response: { status: 503, body: '' }, times: 10 });
    await expect(session.accessToken(settings)).rejects.toThrow(/not answering/);
    expect(store.tokens).toBeDefined();
  });
});
