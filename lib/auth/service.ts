import type { Database } from '../db/open';
import type { GraphClient, GraphClientOptions } from '../graph/client';
import type { Cloud } from '../graph/clouds';
import { loadIntuneConnection, saveIntuneConnection } from './connection-store';
import { SignInError } from './errors';
import type { SessionSummary } from './session-summary';
import { REQUIRED_PERMISSIONS, type Probe } from './permissions';
import { RENEWAL_MARGIN_MS, type IntuneSession } from './session';
import type { IntuneSettings } from './settings';
import { testConnection, type ProbeOutcome } from './test-connection';
import type { TokenSet } from './tokens';

export interface IntuneServiceDeps {
  database: Promise<Database>;
  session: IntuneSession;
  redirectUri: string;
  now(): number;
  runProbe(settings: IntuneSettings, probe: Probe | 'privilegedOperations', tokens: TokenSet): Promise<ProbeOutcome>;
  /** Asks to be woken at `when` to renew the sign-in (an alarm in the browser). */
  scheduleRenewal(when: number): Promise<void>;
  /** A Graph client for the cloud that authenticates through `auth`. */
  graphClient(cloud: Cloud, auth: Pick<GraphClientOptions, 'getAccessToken' | 'grantedScopes'>): GraphClient;
}

/** The background's Intune connection: test and save, sign-in state, and silent renewal. */
export function createIntuneService(deps: IntuneServiceDeps) {
  const summary = () => deps.session.state();

  async function keepRenewed(expiresAt: number | undefined): Promise<void> {
    if (expiresAt) await deps.scheduleRenewal(Math.max(deps.now() + 60_000, expiresAt - RENEWAL_MARGIN_MS));
  }

  async function savedSettings(): Promise<IntuneSettings> {
    const connection = await loadIntuneConnection(await deps.database);
    if (!connection) throw new SignInError('sign-in-failed', 'Microsoft Intune is not connected yet. Open the options page and use "Test and Save Connection".');
    return connection.settings;
  }

  /** The session after proving it: a revoked or lapsed sign-in shows as signed out, with the reason. */
  async function verifiedSummary(settings: IntuneSettings): Promise<SessionSummary> {
    const current = await summary();
    if (current.state !== 'signed-in') return current;
    try {
      await deps.session.accessToken(settings);
      return await summary();
    } catch (error) {
      if (error instanceof SignInError && (error.code === 'session-expired' || error.code === 'interaction-required')) {
        return { state: 'signed-out', problem: { code: error.code, message: error.message } };
      }
      throw error;
    }
  }

  /**
   * Entra's "Need admin approval" page only lets the admin close it, which reads like a cancel. A
   * silent retry tells the two apart: it answers consent_required when consent is what is missing.
   */
  async function signInOrDiagnose(settings: IntuneSettings) {
    try {
      return await deps.session.signInInteractively(settings);
    } catch (error) {
      if (!(error instanceof SignInError) || error.code !== 'sign-in-cancelled') throw error;
      return deps.session.signInSilently(settings).catch((silent: unknown) => {
        throw silent instanceof SignInError && silent.code === 'needs-admin-consent' ? silent : error;
      });
    }
  }

  return {
    async describe({ verify }: { verify: boolean }) {
      const connection = (await loadIntuneConnection(await deps.database)) ?? null;
      return {
        connection,
        session: verify && connection ? await verifiedSummary(connection.settings) : await summary(),
        redirectUri: deps.redirectUri,
        requiredPermissions: REQUIRED_PERMISSIONS.map(({ scope, purpose }) => ({ scope, purpose })),
      };
    },

    /** Signs in with the new settings and proves every permission; saves only when all hold. */
    async testAndSave(settings: IntuneSettings) {
      const { report, tokens } = await testConnection(
        () => signInOrDiagnose(settings),
        (probe, signedIn) => deps.runProbe(settings, probe, signedIn),
      );
      if (!report.ok || !tokens) return { saved: false, report };
      await saveIntuneConnection(await deps.database, { settings, account: tokens.account, savedAt: new Date(deps.now()).toISOString() });
      await deps.session.adopt(tokens);
      await keepRenewed(tokens.refreshTokenExpiresAt);
      return { saved: true, report };
    },

    async signIn(): Promise<SessionSummary> {
      const tokens = await deps.session.signInInteractively(await savedSettings());
      await deps.session.adopt(tokens);
      await keepRenewed(tokens.refreshTokenExpiresAt);
      return summary();
    },

    async signOut(): Promise<SessionSummary> {
      await deps.session.signOut();
      return summary();
    },

    /** Called by the renewal alarm: a silent sign-in before Entra's 24-hour limit. */
    async renew(): Promise<void> {
      const connection = await loadIntuneConnection(await deps.database);
      if (!connection) return;
      try {
        await deps.session.renewSilently(connection.settings);
        const state = await deps.session.state();
        if (state.state === 'signed-in') await keepRenewed(state.expiresAt);
      } catch (error) {
        // The Entra browser session is gone too; the popup will offer "Sign in" when it is needed.
        if (!(error instanceof SignInError)) throw error;
      }
    },

    /** The Graph permissions the current sign-in carries (the record panel offers only actions they allow). */
    grantedScopes: (): Promise<string[]> => deps.session.grantedScopes(),

    async accessToken(): Promise<string> {
      return deps.session.accessToken(await savedSettings());
    },

    /** Microsoft Graph as the signed-in admin of the saved connection; tokens renew as calls need them. */
    async graph(): Promise<GraphClient> {
      const settings = await savedSettings();
      return deps.graphClient(settings.cloud, {
        getAccessToken: () => deps.session.accessToken(settings),
        grantedScopes: () => deps.session.grantedScopes(),
      });
    },
  };
}

export type IntuneService = ReturnType<typeof createIntuneService>;
