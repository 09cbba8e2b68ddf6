import { describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT_ID } from '../../tests/sandbox/entra/state.ts';
import { SANDBOX_ADMIN, SANDBOX_TENANT_ID, SANDBOX_USER_WITHOUT_ROLE } from '../../tests/sandbox/directory.ts';
import { sandboxAuthEnvironment } from '../../tests/support/auth-environment.ts';
import { signInFailure } from '../../tests/support/sign-in-failure.ts';
import { useSandbox } from '../../tests/support/use-sandbox.ts';
import type { AuthEnvironment } from './entra';
import { IntuneSession, type SignOutMark, type TokenStore } from './session';
import type { Account, IntuneSettings } from './settings';
import type { TokenSet } from './tokens';

const sandbox = useSandbox({ fleetSize: 10 });

const settings: IntuneSettings = { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID, applicationObjectId: '', cloud: 'global' };
const admin: Account = { username: SANDBOX_ADMIN.userPrincipalName, name: SANDBOX_ADMIN.displayName, tenantId: SANDBOX_TENANT_ID, objectId: SANDBOX_ADMIN.id };

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

function memoryMark(): SignOutMark & { value: boolean } {
  return {
    value: false,
    async isSet() {
      return this.value;
    },
    async set() {
      this.value = true;
    },
    async clear() {
      this.value = false;
    },
  };
}

async function signedInSession(env: AuthEnvironment = sandboxAuthEnvironment(sandbox)) {
  const store = memoryStore();
  const mark = memoryMark();
  const session = new IntuneSession(env, store, mark);
  await session.adopt(await session.signInInteractively(settings));
  return { session, store, mark };
}


const tokenRequests = () => sandbox.requests.filter((r) => r.path.endsWith('/token')).length;
const authorizeRequests = () => sandbox.requests.filter((r) => r.path.endsWith('/authorize'));

/** A one-shot event a test can wait for. */
function signal(): { fired: Promise<void>; fire: () => void } {
  let fire: (() => void) | undefined;
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fired, fire: () => fire?.() };
}

/** Lets Alex Wilber, who holds no Intune role, sign in to the browser's Microsoft session instead. */
function switchBrowserAccount(): void {
  sandbox.world.entra.signedInUserId = SANDBOX_USER_WITHOUT_ROLE.id;
  sandbox.world.entra.hasSession = true;
}

describe('IntuneSession', () => {
  it('is signed out until a sign-in is adopted', async () => {
    const store = memoryStore();
    const session = new IntuneSession(sandboxAuthEnvironment(sandbox), store, memoryMark());
    const tokens = await session.signInInteractively(settings);
    expect(await session.state()).toEqual({ state: 'signed-out' });
    await session.adopt(tokens);
    expect(await session.state()).toMatchObject({ state: 'signed-in', account: { tenantId: SANDBOX_TENANT_ID } });
  });

  it('reuses a fresh access token and refreshes an old one once for concurrent callers', async () => {
    const { session } = await signedInSession();
    const first = await session.accessToken(settings, admin);
    expect(await session.accessToken(settings, admin)).toBe(first);
    const before = tokenRequests();
    sandbox.world.advanceClock(58 * 60_000);
    const [a, b] = await Promise.all([session.accessToken(settings, admin), session.accessToken(settings, admin)]);
    expect(a).toBe(b);
    expect(a).not.toBe(first);
    expect(tokenRequests()).toBe(before + 1);
  });

  it('signs in silently when the refresh token was revoked but the Microsoft session lives, and keeps the new tokens', async () => {
    const { session, store } = await signedInSession();
    const before = store.tokens!;
    sandbox.world.advanceClock(61 * 60_000);
    for (const token of sandbox.world.entra.refreshTokens.values()) token.revoked = true;

    const renewed = await session.accessToken(settings, admin);

    expect(renewed).not.toBe(before.accessToken);
    expect(store.tokens?.accessToken).toBe(renewed);
    expect(store.tokens?.refreshToken).not.toBe(before.refreshToken);
    expect(authorizeRequests().at(-1)?.query).toMatchObject({ prompt: 'none', login_hint: admin.username });
    // The next caller gets the saved token: no second renewal.
    const requests = sandbox.requests.length;
    expect(await session.accessToken(settings, admin)).toBe(renewed);
    expect(sandbox.requests).toHaveLength(requests);
  });

  it('asks the admin to sign in again when the refresh token and the Microsoft session are gone', async () => {
    const { session, store } = await signedInSession();
    sandbox.world.advanceClock(61 * 60_000);
    sandbox.world.entra.revokeRefreshTokens();
    const error = await signInFailure(session.accessToken(settings, admin));
    expect(error.code).toBe('session-expired');
    expect(store.tokens).toBeUndefined();
    expect(await session.state()).toEqual({ state: 'signed-out' });
  });

  it('starts a new 24-hour window with a silent renewal before the old one lapses', async () => {
    const { session, store } = await signedInSession();
    const firstDeadline = store.tokens!.refreshTokenExpiresAt!;
    sandbox.world.advanceClock(22 * 3600_000);
    await session.renewSilently(settings, admin);
    expect(store.tokens!.refreshTokenExpiresAt! - firstDeadline).toBeGreaterThan(21 * 3600_000);
  });

  it('runs one renewal at a time: the silent renewal waits for a refresh under way', async () => {
    const plain = sandboxAuthEnvironment(sandbox);
    const refreshSent = signal();
    const refreshMayAnswer = signal();
    const silentStarted = signal();
    let silentWhileRefreshing = false;
    let refreshing = false;
    const observed: AuthEnvironment = {
      ...plain,
      fetch: async (input, init) => {
        if (!(String(input).endsWith('/token') && init?.body?.toString().includes('refresh_token'))) return plain.fetch(input, init);
        refreshing = true;
        refreshSent.fire();
        await refreshMayAnswer.fired;
        const response = await plain.fetch(input, init);
        refreshing = false;
        return response;
      },
      launch: async (url, interactive) => {
        if (!interactive) {
          silentWhileRefreshing ||= refreshing;
          silentStarted.fire();
        }
        return plain.launch(url, interactive);
      },
    };
    const { session, store } = await signedInSession(observed);
    sandbox.world.advanceClock(22 * 3600_000);
    const firstDeadline = store.tokens!.refreshTokenExpiresAt!;

    const refresh = session.accessToken(settings, admin);
    await refreshSent.fired;
    const renewal = session.renewSilently(settings, admin);
    // Long enough for a silent sign-in that did not wait to reach Entra's window.
    await Promise.race([silentStarted.fired, new Promise((resolve) => setTimeout(resolve, 300))]);
    refreshMayAnswer.fire();
    await Promise.all([refresh, renewal]);

    expect(silentWhileRefreshing).toBe(false);
    expect(store.tokens!.refreshTokenExpiresAt! - firstDeadline).toBeGreaterThan(20 * 3600_000);
  });

  it('keeps the session through a network failure', async () => {
    const { session, store } = await signedInSession();
    sandbox.world.advanceClock(61 * 60_000);
    sandbox.fault({ host: 'login.microsoftonline.com', response: { status: 503, body: '' }, times: 10 });
    await expect(session.accessToken(settings, admin)).rejects.toThrow(/not answering/);
    expect(store.tokens).toBeDefined();
  });
});

describe('IntuneSession: a second account', () => {
  it('asks Entra for the saved account at Sign in, and refuses another one, naming both', async () => {
    const { session, store } = await signedInSession();
    const kept = store.tokens;
    switchBrowserAccount();

    const error = await signInFailure(session.signInInteractively(settings, admin));

    expect(authorizeRequests().at(-1)?.query).toMatchObject({ login_hint: admin.username });
    expect(error.code).toBe('wrong-account');
    expect(error.message).toContain(`You signed in as Alex Wilber (${SANDBOX_USER_WITHOUT_ROLE.userPrincipalName}`);
    expect(error.message).toContain(`connected as Megan Bowen (${admin.username}`);
    expect(store.tokens).toBe(kept);
  });

  it('refuses another account from a silent renewal, even when Entra ignores the login hint', async () => {
    const plain = sandboxAuthEnvironment(sandbox);
    // An identity provider that answers for whoever holds the browser session, hint or not.
    const ignoresHint: AuthEnvironment = {
      ...plain,
      launch: (url, interactive) => {
        const withoutHint = new URL(url);
        withoutHint.searchParams.delete('login_hint');
        return plain.launch(withoutHint.href, interactive);
      },
    };
    const { session, store } = await signedInSession(ignoresHint);
    sandbox.world.advanceClock(61 * 60_000);
    sandbox.world.entra.revokeRefreshTokens();
    switchBrowserAccount();

    const error = await signInFailure(session.accessToken(settings, admin));

    expect(error.code).toBe('wrong-account');
    expect(error.message).toContain(SANDBOX_USER_WITHOUT_ROLE.userPrincipalName);
    expect(store.tokens).toBeUndefined();
  });
});

describe('IntuneSession: sign-out', () => {
  it('drops a renewal that finishes after the sign-out', async () => {
    const plain = sandboxAuthEnvironment(sandbox);
    const refreshSent = signal();
    const answerMayGo = signal();
    // Holds the refresh answer until the test has signed out.
    const slowTokens: AuthEnvironment = {
      ...plain,
      fetch: async (input, init) => {
        const response = await plain.fetch(input, init);
        if (String(input).endsWith('/token') && init?.body?.toString().includes('refresh_token')) {
          refreshSent.fire();
          await answerMayGo.fired;
        }
        return response;
      },
    };
    const { session, store } = await signedInSession(slowTokens);
    sandbox.world.advanceClock(58 * 60_000);

    const renewal = signInFailure(session.accessToken(settings, admin));
    await refreshSent.fired;
    await session.signOut();
    answerMayGo.fire();

    expect((await renewal).code).toBe('signed-out');
    expect(store.tokens).toBeUndefined();
    expect(await session.state()).toEqual({ state: 'signed-out' });
  });

  it('signs in silently no more until an interactive sign-in, even in a restarted background', async () => {
    const env = sandboxAuthEnvironment(sandbox);
    const { session, mark } = await signedInSession(env);
    await session.signOut();
    expect(sandbox.world.entra.hasSession).toBe(true);
    const before = authorizeRequests().length;

    const restarted = new IntuneSession(env, memoryStore(), mark);
    const error = await signInFailure(restarted.accessToken(settings, admin));
    expect(error).toMatchObject({ code: 'signed-out', message: 'You signed out of Microsoft Intune. Click "Sign in" to sign in again.' });
    await restarted.renewSilently(settings, admin);
    expect(authorizeRequests()).toHaveLength(before);

    await restarted.adopt(await restarted.signInInteractively(settings, admin));
    expect(await restarted.accessToken(settings, admin)).toBeTruthy();
    expect(mark.value).toBe(false);
  });

  it('asks for the password again at the next Sign in, rather than reusing the browser session silently', async () => {
    const { session } = await signedInSession();
    await session.adopt(await session.signInInteractively(settings, admin));
    expect(authorizeRequests().at(-1)?.query.prompt).toBeUndefined();

    await session.signOut();
    await session.adopt(await session.signInInteractively(settings, admin));
    expect(authorizeRequests().at(-1)?.query).toMatchObject({ prompt: 'login', login_hint: admin.username });

    // Signed in on purpose: the next Sign in goes straight to the account again.
    await session.signInInteractively(settings, admin);
    expect(authorizeRequests().at(-1)?.query.prompt).toBeUndefined();
  });
});
