import { refresh, signIn, type AuthEnvironment, type TokenSet } from './entra';
import type { SessionSummary } from './session-summary';
import { SignInError } from './errors';
import type { Account, IntuneSettings } from './settings';

/** Where the background keeps tokens between service-worker restarts (session storage, never disk). */
export interface TokenStore {
  load(): Promise<TokenSet | undefined>;
  save(tokens: TokenSet): Promise<void>;
  clear(): Promise<void>;
}

/**
 * Set by "Sign out", cleared by an interactive sign-in. While it is set nothing signs in silently,
 * so a sign-out outlives service-worker restarts and browser restarts alike.
 */
export interface SignOutMark {
  isSet(): Promise<boolean>;
  set(): Promise<void>;
  clear(): Promise<void>;
}

/** Renew an access token this long before it expires, so a long request never starts with a dying one. */
const ACCESS_TOKEN_MARGIN_MS = 5 * 60_000;
/** Renew the sign-in this long before Entra's 24-hour limit on single-page-app refresh tokens. */
export const RENEWAL_MARGIN_MS = 2 * 60 * 60_000;

const SIGNED_OUT_MESSAGE = 'You signed out of Microsoft Intune. Click "Sign in" to sign in again.';

/**
 * The signed-in admin's Microsoft session: hands out access tokens, refreshes them, and falls back
 * to a silent sign-in (Entra's browser session) when the refresh token is gone. Concurrent callers
 * share one renewal. Every sign-in after the first is held to the account the connection was saved
 * with, and a sign-out ends renewals already under way.
 */
export class IntuneSession {
  private renewing: Promise<TokenSet> | undefined;
  /** Counts sign-outs: a renewal that started before one must not save what it gets after it. */
  private generation = 0;

  constructor(
    private readonly env: AuthEnvironment,
    private readonly store: TokenStore,
    private readonly signOutMark: SignOutMark,
  ) {}

  async state(): Promise<SessionSummary> {
    const tokens = await this.store.load();
    if (!tokens || !this.usable(tokens)) return { state: 'signed-out' };
    return { state: 'signed-in', account: tokens.account, ...(tokens.refreshTokenExpiresAt ? { expiresAt: tokens.refreshTokenExpiresAt } : {}) };
  }

  async accessToken(settings: IntuneSettings, account: Account): Promise<string> {
    const tokens = await this.store.load();
    if (tokens && tokens.accessTokenExpiresAt - ACCESS_TOKEN_MARGIN_MS > this.env.now()) return tokens.accessToken;
    return (await this.renew(settings, account, tokens)).accessToken;
  }

  /** The Graph permissions granted with the current tokens (short names). */
  async grantedScopes(): Promise<string[]> {
    return (await this.store.load())?.scopes ?? [];
  }

  /**
   * Interactive sign-in. With `expected`, Entra is asked for that account and another one is
   * refused; without, any account may sign in (Test and Save connects it on purpose). After a
   * sign-out Entra asks for the password again instead of reusing the browser's Microsoft session.
   * The tokens are not kept until `adopt`.
   */
  async signInInteractively(settings: IntuneSettings, expected?: Account): Promise<TokenSet> {
    const afterSignOut = await this.signOutMark.isSet();
    const tokens = await signIn(this.env, settings, {
      interactive: true,
      ...(expected ? { loginHint: expected.username } : {}),
      ...(afterSignOut ? { prompt: 'login' as const } : {}),
    });
    return expected ? sameAccount(expected, tokens) : tokens;
  }

  /** A sign-in without any window; fails with interaction-required when Entra needs the admin. */
  async signInSilently(settings: IntuneSettings, expected?: Account): Promise<TokenSet> {
    if (await this.signOutMark.isSet()) throw new SignInError('signed-out', SIGNED_OUT_MESSAGE);
    const tokens = await signIn(this.env, settings, { interactive: false, ...(expected ? { loginHint: expected.username } : {}) });
    return expected ? sameAccount(expected, tokens) : tokens;
  }

  /** Keeps the tokens of a sign-in the admin made on purpose; it ends an earlier sign-out. */
  async adopt(tokens: TokenSet): Promise<void> {
    await this.signOutMark.clear();
    await this.store.save(tokens);
  }

  /**
   * Starts a fresh 24-hour window before the old one lapses, without showing anything: a silent
   * sign-in (a refresh keeps the old window). It is a renewal like any other: it waits for one
   * under way, and none starts while it runs. A failure leaves the current tokens as they are.
   */
  async renewSilently(settings: IntuneSettings, account: Account): Promise<void> {
    const generation = this.generation;
    if (!(await this.store.load())) return;
    while (this.renewing) await this.renewing.catch(() => undefined);
    // Nothing is awaited between that check and this start, so no other renewal slips in between.
    await this.singleFlight(async () => this.saveUnlessSignedOut(generation, await this.signInSilently(settings, account)));
  }

  /** Ends the session here: tokens gone, renewals under way dropped, no silent sign-in until an interactive one. */
  async signOut(): Promise<void> {
    this.generation += 1;
    this.renewing = undefined;
    await this.signOutMark.set();
    await this.store.clear();
  }

  private usable(tokens: TokenSet): boolean {
    const now = this.env.now();
    return tokens.accessTokenExpiresAt > now || (tokens.refreshTokenExpiresAt ?? Number.POSITIVE_INFINITY) > now;
  }

  private async saveUnlessSignedOut(generation: number, tokens: TokenSet): Promise<TokenSet> {
    if (generation !== this.generation) throw new SignInError('signed-out', SIGNED_OUT_MESSAGE);
    await this.store.save(tokens);
    return tokens;
  }

  private renew(settings: IntuneSettings, account: Account, tokens: TokenSet | undefined): Promise<TokenSet> {
    return this.renewing ?? this.singleFlight(() => this.renewOnce(settings, account, tokens));
  }

  /** Runs a renewal as the one under way: concurrent callers of `renew` share it. */
  private singleFlight(renewOnce: () => Promise<TokenSet>): Promise<TokenSet> {
    const renewal = renewOnce().finally(() => {
      if (this.renewing === renewal) this.renewing = undefined;
    });
    this.renewing = renewal;
    return renewal;
  }

  private async renewOnce(settings: IntuneSettings, account: Account, tokens: TokenSet | undefined): Promise<TokenSet> {
    const generation = this.generation;
    if (tokens?.refreshToken && (tokens.refreshTokenExpiresAt ?? Number.POSITIVE_INFINITY) > this.env.now()) {
      try {
        return await this.saveUnlessSignedOut(generation, sameAccount(account, await refresh(this.env, settings, tokens)));
      } catch (error) {
        if (!(error instanceof SignInError) || error.code !== 'session-expired') throw error;
      }
    }
    try {
      return await this.saveUnlessSignedOut(generation, await this.signInSilently(settings, account));
    } catch (error) {
      // A network or service failure says nothing about the session: keep it for the next try.
      if (error instanceof SignInError && (error.code === 'network' || error.code === 'service-unavailable')) throw error;
      if (generation === this.generation) await this.store.clear();
      if (error instanceof SignInError && (error.code === 'interaction-required' || error.code === 'sign-in-cancelled')) {
        throw new SignInError('session-expired', 'Your Microsoft sign-in has expired or was revoked. Sign in again to continue.', error.aadsts);
      }
      throw error;
    }
  }
}

/** The tokens, when they are the expected account's (same tenant and object id); refused otherwise. */
function sameAccount(expected: Account, tokens: TokenSet): TokenSet {
  const got = tokens.account;
  if (got.tenantId === expected.tenantId && got.objectId === expected.objectId) return tokens;
  throw new SignInError(
    'wrong-account',
    `You signed in as ${accountLabel(got)}, but Microsoft Intune is connected as ${accountLabel(expected)}. Sign in as ${expected.username}, ` +
      `or connect ${got.username} on purpose on the options page with "Test and Save Connection". Nothing was changed.`,
  );
}

function accountLabel(account: Account): string {
  return `${account.name || account.username} (${account.username}, tenant ${account.tenantId})`;
}
