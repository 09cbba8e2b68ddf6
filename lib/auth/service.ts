import type { Database } from '../db/open';
import { UnreadableDocumentError } from '../db/settings-document';
import type { GraphClient, GraphClientOptions } from '../graph/client';
import type { Cloud } from '../graph/clouds';
import { intuneConnectionStore } from './connection-store';
import { endMicrosoftSession, type AuthEnvironment } from './entra';
import { SignInError } from './errors';
import type { SessionSummary } from './session-summary';
import { REQUIRED_PERMISSIONS, type Probe } from './permissions';
import { RENEWAL_MARGIN_MS, type IntuneSession } from './session';
import type { IntuneSettings, SavedIntuneConnection } from './settings';
import { PROBE_RETRY_BUDGET_MS, testConnection, type ProbeOutcome } from './test-connection';
import type { TokenSet } from './tokens';
import type { WrapFetch } from '../wrap-fetch';

export interface IntuneServiceDeps {
  database: Promise<Database>;
  session: IntuneSession;
  /** One permission probe; `retryUntil` bounds the waiting of all probes of one Test and Save. */
  runProbe(settings: IntuneSettings, probe: Probe | 'privilegedOperations', tokens: TokenSet, retryUntil: number): Promise<ProbeOutcome>;
  /** Asks to be woken at `when` to renew the sign-in (an alarm in the browser). */
  scheduleRenewal(when: number): Promise<void>;
  /** A Graph client for the cloud that authenticates through `options` and sends with its `fetch`. */
  graphClient(cloud: Cloud, options: Required<Pick<GraphClientOptions, 'getAccessToken' | 'grantedScopes' | 'fetch'>>): GraphClient;
  cancelRenewal(): Promise<void>;
  /** The browser's sign-in window, redirect URI and clock (the session's own). */
  env: AuthEnvironment;
}

/** The background's Intune connection: test and save, sign-in state, and silent renewal. */
export function createIntuneService(deps: IntuneServiceDeps) {
  const summary = () => deps.session.state();
  const connections = intuneConnectionStore(deps.database);

  async function keepRenewed(expiresAt: number | undefined): Promise<void> {
    if (expiresAt) await deps.scheduleRenewal(Math.max(deps.env.now() + 60_000, expiresAt - RENEWAL_MARGIN_MS));
  }

  async function savedConnection(): Promise<SavedIntuneConnection> {
    const connection = await connections.load();
    if (!connection) throw new SignInError('not-connected', 'Microsoft Intune is not connected yet. Open the options page and use "Test and Save Connection".');
    return connection;
  }

  /** Signs out here: tokens, renewals and the renewal alarm. */
  async function signOut(): Promise<SessionSummary> {
    await deps.session.signOut();
    await deps.cancelRenewal();
    return summary();
  }

  /** The session after proving it: a revoked, lapsed or switched sign-in shows as signed out, with the reason. */
  async function verifiedSummary({ settings, account }: SavedIntuneConnection): Promise<SessionSummary> {
    const current = await summary();
    if (current.state !== 'signed-in') return current;
    try {
      await deps.session.accessToken(settings, account);
      return await summary();
    } catch (error) {
      if (error instanceof SignInError && ['session-expired', 'interaction-required', 'wrong-account', 'signed-out'].includes(error.code)) {
        return { state: 'signed-out', problem: { code: error.code, message: error.message } };
      }
      throw error;
    }
  }

  /**
   * Entra's "Need admin approval" page only lets the admin close it, which reads like a cancel. A
   * silent retry tells the two apart: it answers consent_required when consent is what is missing.
   * It only classifies the failure: whatever account it signs in, a cancelled sign-in saves nothing.
   */
  async function signInOrDiagnose(settings: IntuneSettings) {
    try {
      return await deps.session.signInInteractively(settings);
    } catch (error) {
      if (!(error instanceof SignInError) || error.code !== 'sign-in-cancelled') throw error;
      const silent = await deps.session.signInSilently(settings).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      throw silent instanceof SignInError && silent.code === 'needs-admin-consent' ? silent : error;
    }
  }

  return {
    async describe({ verify }: { verify: boolean }) {
      let unreadable: string | undefined;
      const connection = (await connections.load().catch((error: unknown) => {
        if (!(error instanceof UnreadableDocumentError)) throw error;
        unreadable = error.message;
        return undefined;
      })) ?? null;
      return {
        connection,
        ...(unreadable ? { unreadable } : {}),
        session: verify && connection ? await verifiedSummary(connection) : await summary(),
        redirectUri: deps.env.redirectUri,
        requiredPermissions: REQUIRED_PERMISSIONS.map(({ scope, purpose }) => ({ scope, purpose })),
      };
    },

    /** Signs in with the new settings and proves every permission; saves only when all hold. */
    async testAndSave(settings: IntuneSettings) {
      // The budget for waiting out throttling starts with the first probe, once the sign-in window is closed.
      let retryUntil: number | undefined;
      const { report, tokens } = await testConnection(
        () => signInOrDiagnose(settings),
        (probe, signedIn) => deps.runProbe(settings, probe, signedIn, (retryUntil ??= deps.env.now() + PROBE_RETRY_BUDGET_MS)),
      );
      if (!report.ok || !tokens) return { saved: false, report };
      await connections.save({ settings, account: tokens.account, savedAt: new Date(deps.env.now()).toISOString() });
      await deps.session.adopt(tokens);
      await keepRenewed(tokens.refreshTokenExpiresAt);
      return { saved: true, report };
    },

    /** The popup's Sign in: the saved connection's account, and no other. */
    async signIn(): Promise<SessionSummary> {
      const { settings, account } = await savedConnection();
      const tokens = await deps.session.signInInteractively(settings, account);
      await deps.session.adopt(tokens);
      await keepRenewed(tokens.refreshTokenExpiresAt);
      return summary();
    },

    signOut,

    /** Signs out here, then ends the browser's Microsoft session too (Entra's sign-out page). */
    async signOutOfMicrosoft(): Promise<SessionSummary> {
      const { settings } = await savedConnection();
      await signOut();
      try {
        await endMicrosoftSession(deps.env, settings);
      } catch (error) {
        if (!(error instanceof SignInError) || error.code !== 'sign-in-cancelled') throw error;
        throw new SignInError(
          'sign-in-cancelled',
          'The Microsoft sign-out window was closed before it finished. You are signed out of the extension; choose "Sign out of Microsoft" again to end the browser\'s Microsoft session too.',
        );
      }
      return summary();
    },

    /** Called by the renewal alarm: a silent sign-in before Entra's 24-hour limit. */
    async renew(): Promise<void> {
      const connection = await connections.load();
      if (!connection) return;
      try {
        await deps.session.renewSilently(connection.settings, connection.account);
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
      const { settings, account } = await savedConnection();
      return deps.session.accessToken(settings, account);
    },

    /**
     * Microsoft Graph as the signed-in admin of the saved connection; tokens renew as calls need them.
     * `wrapFetch` puts something under its requests (a sync's Retry-After gate).
     */
    async graph(options: { wrapFetch?: WrapFetch } = {}): Promise<GraphClient> {
      const { settings, account } = await savedConnection();
      return deps.graphClient(settings.cloud, {
        getAccessToken: () => deps.session.accessToken(settings, account),
        grantedScopes: () => deps.session.grantedScopes(),
        fetch: options.wrapFetch ? options.wrapFetch(deps.env.fetch) : deps.env.fetch,
      });
    },
  };
}

export type IntuneService = ReturnType<typeof createIntuneService>;
