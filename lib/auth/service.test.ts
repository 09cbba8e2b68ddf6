import { describe, expect, it } from 'vitest';
import { SANDBOX_TENANT_ID } from '../../tests/sandbox/directory.ts';
import { SANDBOX_CLIENT_ID } from '../../tests/sandbox/entra/state.ts';
import { sandboxAuthEnvironment } from '../../tests/support/auth-environment.ts';
import { useSandbox } from '../../tests/support/use-sandbox.ts';
import { openDatabase } from '../db/open';
import { createGraphClient } from '../graph/client';
import { runPermissionProbe } from './probes';
import { createIntuneService } from './service';
import { IntuneSession, type TokenStore } from './session';
import type { IntuneSettings } from './settings';
import type { TokenSet } from './tokens';

const sandbox = useSandbox({ fleetSize: 10 });

const settings: IntuneSettings = { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID, applicationObjectId: '', cloud: 'global' };

function service() {
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
  const env = sandboxAuthEnvironment(sandbox);
  const renewals: number[] = [];
  // A database of its own per test: fake-indexeddb keeps databases for the whole file.
  indexedDB.deleteDatabase('intune-companion');
  const intune = createIntuneService({
    database: openDatabase(),
    session: new IntuneSession(env, store),
    redirectUri: env.redirectUri,
    now: env.now,
    runProbe: (chosen, probe, signedIn) => runPermissionProbe({ cloud: chosen.cloud, fetch: env.fetch }, probe, signedIn),
    scheduleRenewal: async (when) => {
      renewals.push(when);
    },
    graphClient: (cloud, auth) => createGraphClient({ cloud, fetch: env.fetch, ...auth }),
  });
  return { intune, renewals, tokens: () => tokens };
}

describe('Intune connection service', () => {
  it('gives Microsoft Graph as the signed-in admin once connected, and a clear error before', async () => {
    const { intune } = service();
    await expect(intune.graph()).rejects.toThrow('Microsoft Intune is not connected yet');
    await intune.testAndSave(settings);
    const graph = await intune.graph();
    const sizes: number[] = [];
    for await (const page of graph.listDevices({ select: ['serialNumber'], top: 5 })) sizes.push(page.items.length);
    expect(sizes).toEqual([5, 5]);
    expect(sandbox.requests.at(-1)?.headers.authorization).toMatch(/^Bearer /);
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

  it('reports a revoked sign-in as signed out, with the reason, when asked to verify', async () => {
    const { intune } = service();
    await intune.testAndSave(settings);
    sandbox.world.advanceClock(2 * 3600_000);
    sandbox.world.entra.revokeRefreshTokens();
    const described = await intune.describe({ verify: true });
    expect(described.session).toMatchObject({ state: 'signed-out', problem: { code: 'session-expired' } });
  });
});
