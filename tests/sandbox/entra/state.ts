import { SANDBOX_ADMIN } from '../directory.ts';
import { KNOWN_SCOPES, type ScopeRequest } from './scopes.ts';

/** The client id of the sandbox's app registration: the one typed into the extension's setup form. */
export const SANDBOX_CLIENT_ID = '5f0c9a3e-8b27-4d61-a4c3-2e9d7b1f6a80';

/**
 * How /authorize answers an interactive request whose scopes are already consented:
 * - 'redirect': at once with a 302 carrying the code (a signed-in user, nothing to ask);
 * - 'consent': with the consent page, which needs a click on #accept (or #cancel);
 * - 'deny': with a 302 carrying error=access_denied, as when the user declines.
 * Scopes that still need consent show the consent or "Need admin approval" page in any mode but 'deny'.
 * With prompt=none no page can be shown: 'consent' and 'deny' then answer interaction_required.
 */
export type AuthorizeMode = 'redirect' | 'consent' | 'deny';

/** What a code or refresh token stands for: who signed in to which app, and what they asked for. */
export interface Grant {
  userId: string;
  tenantId: string;
  clientId: string;
  scopes: ScopeRequest;
}

/** What the token request must match to redeem a code. */
export interface CodeBinding extends Grant {
  redirectUri: string;
  codeChallenge: string;
  /** Entra takes both; 'plain' when the request named none. */
  codeChallengeMethod: 'S256' | 'plain';
  /** Echoed in the ID token. */
  nonce: string | undefined;
}

export interface AuthorizationCode extends CodeBinding {
  issuedAt: number;
  redeemed: boolean;
}

export interface RefreshToken extends Grant {
  /** The code redemption that started this chain of rotated refresh tokens. */
  chainStartedAt: number;
  /** SPA refresh tokens die a fixed time after the chain started; rotation keeps the date. */
  chainExpiresAt: number;
  issuedAt: number;
  revoked: boolean;
}

/** Where and how /authorize answers the client. */
export interface AuthorizeTarget {
  redirectUri: string;
  responseMode: 'query' | 'fragment' | 'form_post';
  state: string | undefined;
}

/** An interactive request waiting on the consent page or the "Need admin approval" page. */
export interface PendingAuthorization {
  page: 'consent' | 'admin-approval';
  binding: CodeBinding;
  target: AuthorizeTarget;
  /** The scopes that accepting grants. */
  missing: string[];
}

export interface EntraState {
  /** How /authorize answers (see AuthorizeMode). Default 'redirect'. */
  mode: AuthorizeMode;
  /**
   * The directory user who signs in (and whose session the browser holds), whatever login_hint an
   * interactive request names: the user may pick another account. Default SANDBOX_ADMIN.
   */
  signedInUserId: string;
  /**
   * Whether the browser has an Entra session cookie. Without one prompt=none answers login_required.
   * An interactive sign-in creates it. Default false: a fresh browser profile.
   */
  hasSession: boolean;
  /** Users who may grant tenant-wide consent (Global or Application Administrator). Default SANDBOX_ADMIN. */
  consentAdminIds: Set<string>;

  /** The app registration's client id; any other answers AADSTS700016. Default SANDBOX_CLIENT_ID. */
  clientId: string;
  appDisplayName: string;
  /**
   * Redirect URIs registered under the SPA platform besides the extension forms that are always
   * accepted (`https://<32 a-p>.chromiumapp.org/`, `https://<sha1 hex>.extensions.allizom.org/`).
   */
  extraRedirectUris: string[];
  /** The registration's API permissions (short names). Default: every scope the sandbox knows. */
  configuredScopes: Set<string>;
  /**
   * Scopes the tenant's admin consent covers (short names). Only configured ones count, as the portal's
   * "Grant admin consent" covers the configured permissions. Default: every scope the sandbox knows.
   */
  consentedScopes: Set<string>;
  /** Scopes a user consented to for themselves, by user id. Default: none. */
  userConsents: Map<string, Set<string>>;

  /** Access-token lifetime in seconds (`expires_in`). Default 3599. */
  accessTokenLifetimeSeconds: number;
  /** Fixed lifetime of an SPA refresh-token chain in seconds. Default 86 400 (24 h). */
  refreshTokenLifetimeSeconds: number;
  /**
   * Revokes every refresh token of the user (default: the signed-in user) and ends their browser
   * session, as a password reset or revokeSignInSessions does.
   */
  revokeRefreshTokens(userId?: string): void;

  /** Issued authorization codes, by code. */
  codes: Map<string, AuthorizationCode>;
  /** Issued refresh tokens, by token. */
  refreshTokens: Map<string, RefreshToken>;
  /** Requests waiting on a page, by the `ctx` the page posts back. */
  pending: Map<string, PendingAuthorization>;
}

export function createEntraState(): EntraState {
  const state: EntraState = {
    mode: 'redirect',
    signedInUserId: SANDBOX_ADMIN.id,
    hasSession: false,
    consentAdminIds: new Set([SANDBOX_ADMIN.id]),
    clientId: SANDBOX_CLIENT_ID,
    appDisplayName: 'Intune Companion for Asset Panda',
    extraRedirectUris: [],
    configuredScopes: new Set(KNOWN_SCOPES),
    consentedScopes: new Set(KNOWN_SCOPES),
    userConsents: new Map(),
    accessTokenLifetimeSeconds: 3599,
    refreshTokenLifetimeSeconds: 86_400,
    revokeRefreshTokens(userId = state.signedInUserId) {
      for (const token of state.refreshTokens.values()) if (token.userId === userId) token.revoked = true;
      if (state.signedInUserId === userId) state.hasSession = false;
    },
    codes: new Map(),
    refreshTokens: new Map(),
    pending: new Map(),
  };
  return state;
}
