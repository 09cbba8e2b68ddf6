import { refresh, signIn, type AuthEnvironment, type TokenSet } from './entra';
import type { SessionSummary } from './session-summary';
import { SignInError } from './errors';
import type { IntuneSettings } from './settings';

/** Where the background keeps tokens between service-worker restarts (session storage, never disk). */
export interface TokenStore {
  load(): Promise<TokenSet | undefined>;
  save(tokens: TokenSet): Promise<void>;
  clear(): Promise<void>;
}

/** Renew an access token this long before it expires, so a long request never starts with a dying one. */
const ACCESS_TOKEN_MARGIN_MS = 5 * 60_000;
/** Renew the sign-in this long before Entra's 24-hour limit on single-page-app refresh tokens. */
export const RENEWAL_MARGIN_MS = 2 * 60 * 60_000;


/**
 * The signed-in admin's Microsoft session: hands out access tokens, refreshes them, and falls back
 * to a silent sign-in (Entra's browser session) when the refresh token is gone. Concurrent callers
 * share one renewal.
 */
export class IntuneSession {
  private renewing: Promise<TokenSet> | undefined;

  constructor(
    private readonly env: AuthEnvironment,
    private readonly store: TokenStore,
  ) {}

  async state(): Promise<SessionSummary> {
    const tokens = await this.store.load();
    if (!tokens || !this.usable(tokens)) return { state: 'signed-out' };
    return { state: 'signed-in', account: tokens.account, ...(tokens.refreshTokenExpiresAt ? { expiresAt: tokens.refreshTokenExpiresAt } : {}) };
  }

  async accessToken(settings: IntuneSettings): Promise<string> {
    const tokens = await this.store.load();
    if (tokens && tokens.accessTokenExpiresAt - ACCESS_TOKEN_MARGIN_MS > this.env.now()) return tokens.accessToken;
    return (await this.renew(settings, tokens)).accessToken;
  }

  /** The Graph permissions granted with the current tokens (short names). */
  async grantedScopes(): Promise<string[]> {
    return (await this.store.load())?.scopes ?? [];
  }

  /** Interactive sign-in. The tokens are not kept until `adopt` (Test and Save keeps them only on success). */
  async signInInteractively(settings: IntuneSettings): Promise<TokenSet> {
    return signIn(this.env, settings, { interactive: true });
  }

  /** A sign-in without any window; fails with interaction-required when Entra needs the admin. */
  async signInSilently(settings: IntuneSettings, loginHint?: string): Promise<TokenSet> {
    return signIn(this.env, settings, { interactive: false, ...(loginHint ? { loginHint } : {}) });
  }

  async adopt(tokens: TokenSet): Promise<void> {
    await this.store.save(tokens);
  }

  /** Starts a fresh 24-hour window before the old one lapses, without showing anything. */
  async renewSilently(settings: IntuneSettings): Promise<void> {
    const tokens = await this.store.load();
    if (!tokens) return;
    await this.store.save(await this.signInSilently(settings, tokens.account.username));
  }

  async signOut(): Promise<void> {
    await this.store.clear();
  }

  private usable(tokens: TokenSet): boolean {
    const now = this.env.now();
    return tokens.accessTokenExpiresAt > now || (tokens.refreshTokenExpiresAt ?? Number.POSITIVE_INFINITY) > now;
  }

  private renew(settings: IntuneSettings, tokens: TokenSet | undefined): Promise<TokenSet> {
    this.renewing ??= this.renewOnce(settings, tokens).finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  private async renewOnce(settings: IntuneSettings, tokens: TokenSet | undefined): Promise<TokenSet> {
    if (tokens?.refreshToken && (tokens.refreshTokenExpiresAt ?? Number.POSITIVE_INFINITY) > this.env.now()) {
      try {
        const refreshed = await refresh(this.env, settings, tokens);
        await this.store.save(refreshed);
        return refreshed;
      } catch (error) {
        if (!(error instanceof SignInError) || error.code !== 'session-expired') throw error;
      }
    }
    try {
      const renewed = await this.signInSilently(settings, tokens?.account.username);
      await this.store.save(renewed);
      return renewed;
    } catch (error) {
      // A network or service failure says nothing about the session: keep it for the next try.
      if (error instanceof SignInError && (error.code === 'network' || error.code === 'service-unavailable')) throw error;
      await this.store.clear();
      if (error instanceof SignInError && (error.code === 'interaction-required' || error.code === 'sign-in-cancelled')) {
        throw new SignInError('session-expired', 'Your Microsoft sign-in has expired or was revoked. Sign in again to continue.', error.aadsts);
      }
      throw error;
    }
  }
}
