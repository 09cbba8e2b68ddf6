import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN, SANDBOX_TENANT_ID, SANDBOX_USER_WITHOUT_ROLE } from '../../tests/sandbox/directory.ts';
import { SANDBOX_CLIENT_ID } from '../../tests/sandbox/entra/state.ts';
import { sandboxAuthEnvironment, TEST_REDIRECT_URI } from '../../tests/support/auth-environment.ts';
import { throttled } from '../../tests/sandbox/graph/errors.ts';
import { useSandbox } from '../../tests/support/use-sandbox.ts';
import { openDatabase } from '../db/open';
import { createGraphClient } from '../graph/client';
import { signOutMark } from './connection-store';
import type { AuthEnvironment } from './entra';
import { runPermissionProbe } from './probes';
import { PROBE_RETRY_BUDGET_MS } from './test-connection';
import { createIntuneService } from './service';
import { IntuneSession, type TokenStore } from './session';
import type { IntuneSettings } from './settings';
import type { TokenSet } from './tokens';

const sandbox = useSandbox({ fleetSize: 10 });

const settings: IntuneSettings = { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID, applicationObjectId: '', cloud: 'global' };

/** `closesSignInWindow`: the admin closes every interactive sign-in window at once. */
function service({ closesSignInWindow = false } = {}) {
  let tokens: TokenSet | undefined;
  const store: TokenStore = {
    load: async () => tokens,
    save: async (next) => {
      tokens = next;
    },
    clear: async () => {
      tokens = undefined;
    },
  };
  const sandboxEnv = sandboxAuthEnvironment(sandbox, onPage);
  const env: AuthEnvironment = closesSignInWindow
    ? { ...sandboxEnv, launch: async (url, interactive) => (interactive ? Promise.reject(new Error('The user did not approve access.')) : sandboxEnv.launch(url, interactive)) }
    : sandboxEnv;
  const renewals: number[] = [];
  const alarm = { cancelled: 0 };
  // A database of its own per test: fake-indexeddb keeps databases for the whole file.
  indexedDB.deleteDatabase('intune-companion');
  const database = openDatabase();
  const intune = createIntuneService({
    database,
    env,
    session: new IntuneSession(env, store, signOutMark(database)),
    runProbe: (chosen, probe, signedIn, retryUntil) =>
      runPermissionProbe({ cloud: chosen.cloud, fetch: env.fetch, now: env.now, sleep: async (ms) => sandbox.world.advanceClock(ms), retryUntil }, probe, signedIn),
    scheduleRenewal: async (when) => {
      renewals.push(when);
    },
    graphClient: (cloud, options) => createGraphClient({ cloud, ...options }),
    cancelRenewal: async () => {
      alarm.cancelled += 1;
    },
  });
  return { intune, renewals, alarm, tokens: () => tokens };
}

/** Plays the admin on Entra's pages: picks the account on the sign-out page. */
async function onPage(page: string, url: string, fetcher: typeof fetch): Promise<string> {
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  const back = /name="post_logout_redirect_uri" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !back || !page.includes('id="sign-out-account"')) throw new Error('The admin does not know what to do on this page.');
  const response = await fetcher(new URL(action, url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ post_logout_redirect_uri: back }).toString(),
    redirect: 'manual',
  });
  return new URL(response.headers.get('location') ?? '', url).href;
}

/** Lets a second admin, with an Intune role of their own, hold the browser's Microsoft session. */
function secondAdminSignsIn() {
  const users = sandbox.world.directory.users;
  const index = users.findIndex((user) => user.id === SANDBOX_USER_WITHOUT_ROLE.id);
  users[index] = { ...SANDBOX_USER_WITHOUT_ROLE, intuneRole: true };
  sandbox.world.entra.signedInUserId = SANDBOX_USER_WITHOUT_ROLE.id;
}

describe('Intune connection service', () => {
  it('gives Microsoft Graph as the signed-in admin once connected, and a clear error before', async () => {
    const { intune } = service();
    await expect(intune.graph()).rejects.toMatchObject({ code: 'not-connected', message: expect.stringContaining('Microsoft Intune is not connected yet') });
    await intune.testAndSave(settings);
    const graph = await intune.graph();
    const sizes: number[] = [];
    for await (const page of graph.listDevices({ select: ['serialNumber'], top: 5 })) sizes.push(page.items.length);
    expect(sizes).toEqual([5, 5]);
    expect(sandbox.requests.at(-1)?.headers.authorization).toMatch(/^Bearer /);

    // A sync's Retry-After gate goes under the client's requests.
    const seen: string[] = [];
    const gated = await intune.graph({ wrapFetch: (inner) => (input, init) => (seen.push(String(input)), inner(input, init)) });
    await gated.getDevice(sandbox.world.graph.devices[0]!.id, { select: ['id'] });
    expect(seen).toEqual([expect.stringContaining('/deviceManagement/managedDevices/')]);
  });

  it('saves a proven connection and asks to be woken two hours before the 24-hour sign-in ends', async () => {
    const { intune, renewals, tokens } = service();
    const result = await intune.testAndSave(settings);
    expect(result.saved).toBe(true);
    const described = await intune.describe({ verify: false });
    expect(described.connection?.settings).toEqual(settings);
    expect(described.session.state).toBe('signed-in');
    expect(renewals).toEqual([tokens()!.refreshTokenExpiresAt! - 2 * 3600_000]);
  });

  it('waits out Microsoft Graph throttling: 30 % of answers 429, twenty seeded runs, every one saved', async () => {
    let throttledPosts = 0;
    let throttledRuns = 0;
    for (let seed = 1; seed <= 20; seed += 1) {
      sandbox.reset({ fleetSize: 10 });
      sandbox.randomFaults({ host: 'graph.microsoft.com', rate: 0.3, seed, effects: [{ response: throttled(2) }] });
      const { intune } = service();
      const result = await intune.testAndSave(settings);
      expect(result.report.problem, `seed ${seed}`).toBeUndefined();
      expect(result.saved, `seed ${seed}`).toBe(true);
      const graph = sandbox.requests.filter((r) => r.host === 'graph.microsoft.com');
      if (graph.some((r) => r.status === 429)) throttledRuns += 1;
      throttledPosts += graph.filter((r) => r.method === 'POST' && r.status === 429).length;
    }
    // Most runs met a 429, and the PrivilegedOperations probe, a POST, was throttled too and retried.
    expect(throttledRuns).toBeGreaterThanOrEqual(15);
    expect(throttledPosts).toBeGreaterThan(0);
  });

  it('says Microsoft is throttling, and when to try again, only once the waiting time is up', async () => {
    const { intune } = service();
    await intune.testAndSave(settings);
    sandbox.fault({ host: 'graph.microsoft.com', response: throttled(25), times: Number.POSITIVE_INFINITY });
    const started = sandbox.world.now();

    const result = await intune.testAndSave({ ...settings, applicationObjectId: '0b6f3c2e-1d4a-4b5c-8e9f-a0b1c2d3e4f5' });

    expect(result.saved).toBe(false);
    expect(result.report.problem).toEqual({
      code: 'throttled',
      message:
        "Microsoft is throttling this app's requests to Microsoft Graph (HTTP 429), and the test waited as long as it may. Nothing was saved. Try again in 25 seconds.",
    });
    expect(sandbox.world.now() - started).toBeLessThanOrEqual(PROBE_RETRY_BUDGET_MS);
    expect(sandbox.requests.filter((r) => r.host === 'graph.microsoft.com').length).toBeGreaterThan(1);
    expect((await intune.describe({ verify: false })).connection?.settings.applicationObjectId).toBe('');
  });

  it('saves nothing when the admin closes the sign-in window, even though the browser could sign in silently', async () => {
    const { intune, tokens } = service({ closesSignInWindow: true });
    // The browser holds a Microsoft session, of whichever account signed in there last.
    sandbox.world.entra.hasSession = true;
    secondAdminSignsIn();

    const result = await intune.testAndSave(settings);

    expect(result.saved).toBe(false);
    expect(result.report.problem).toMatchObject({ code: 'sign-in-cancelled' });
    expect((await intune.describe({ verify: false })).connection).toBeNull();
    expect(tokens()).toBeUndefined();
  });

  it('keeps the previous connection when a new test fails', async () => {
    const { intune } = service();
    await intune.testAndSave(settings);
    sandbox.world.entra.configuredScopes.delete('User.Read.All');
    const failed = await intune.testAndSave({ ...settings, applicationObjectId: '0b6f3c2e-1d4a-4b5c-8e9f-a0b1c2d3e4f5' });
    expect(failed.saved).toBe(false);
    expect((await intune.describe({ verify: false })).connection?.settings.applicationObjectId).toBe('');
  });

  it('renews the sign-in silently when woken, and schedules the next renewal', async () => {
    const { intune, renewals, tokens } = service();
    await intune.testAndSave(settings);
    const firstDeadline = tokens()!.refreshTokenExpiresAt!;
    sandbox.world.advanceClock(22 * 3600_000);
    await intune.renew();
    expect(tokens()!.refreshTokenExpiresAt! - firstDeadline).toBeGreaterThan(20 * 3600_000);
    expect(renewals).toHaveLength(2);
  });

  it('refuses a second account at Sign in and keeps the saved one, but connects it on purpose with Test and Save', async () => {
    const { intune } = service();
    await intune.testAndSave(settings);
    secondAdminSignsIn();

    await expect(intune.signIn()).rejects.toMatchObject({ code: 'wrong-account', message: expect.stringContaining(SANDBOX_USER_WITHOUT_ROLE.userPrincipalName) });
    let described = await intune.describe({ verify: true });
    expect(described.connection?.account.objectId).toBe(SANDBOX_ADMIN.id);
    expect(described.session).toMatchObject({ state: 'signed-in', account: { objectId: SANDBOX_ADMIN.id } });

    expect((await intune.testAndSave(settings)).saved).toBe(true);
    described = await intune.describe({ verify: true });
    expect(described.connection?.account.objectId).toBe(SANDBOX_USER_WITHOUT_ROLE.id);
    expect(await intune.signIn()).toMatchObject({ state: 'signed-in', account: { objectId: SANDBOX_USER_WITHOUT_ROLE.id } });
  });

  it('signs out for good: the alarm is cleared, a renewal does nothing, the popup says so', async () => {
    const { intune, alarm, tokens } = service();
    await intune.testAndSave(settings);
    expect(await intune.signOut()).toEqual({ state: 'signed-out' });
    expect(alarm.cancelled).toBe(1);

    const before = sandbox.requests.length;
    sandbox.world.advanceClock(22 * 3600_000);
    await intune.renew();
    await expect(intune.accessToken()).rejects.toMatchObject({ code: 'signed-out' });
    expect(sandbox.requests).toHaveLength(before);
    expect(tokens()).toBeUndefined();
    expect((await intune.describe({ verify: true })).connection?.account.objectId).toBe(SANDBOX_ADMIN.id);
  });

  it("signs out of Microsoft too, with Entra's sign-out page: the browser session ends", async () => {
    const { intune } = service();
    await intune.testAndSave(settings);
    expect(sandbox.world.entra.hasSession).toBe(true);

    expect(await intune.signOutOfMicrosoft()).toEqual({ state: 'signed-out' });

    const logout = sandbox.requests.find((r) => r.path.endsWith('/oauth2/v2.0/logout'));
    expect(logout?.query).toEqual({ post_logout_redirect_uri: TEST_REDIRECT_URI });
    expect(sandbox.world.entra.hasSession).toBe(false);
  });

  it('reports a revoked sign-in as signed out, with the reason, when asked to verify', async () => {
    const { intune } = service();
    await intune.testAndSave(settings);
    sandbox.world.advanceClock(2 * 3600_000);
    sandbox.world.entra.revokeRefreshTokens();
    const described = await intune.describe({ verify: true });
    expect(described.session).toMatchObject({ state: 'signed-out', problem: { code: 'session-expired' } });
  });
});
