import * as oauth from 'oauth4webapi';
import { z } from 'zod';
import { CLOUDS } from '../graph/clouds';
import { isRedirect, NO_REDIRECTS, redirectTarget } from '../redirects';
import { EntraHttpError, EntraRedirectError, explainSignInError } from './errors';
import { signInScope } from './permissions';
import type { Account, IntuneSettings } from './settings';
import type { TokenSet } from './tokens';

export type { TokenSet };

/** What the sign-in needs from the browser; the background passes the real thing, tests a fake. */
export interface AuthEnvironment {
  fetch: typeof fetch;
  /** Opens Entra's sign-in page (identity.launchWebAuthFlow) and resolves with the final redirect URL. */
  launch(url: string, interactive: boolean): Promise<string>;
  /** The extension's redirect URI, registered under the Single-page application platform. */
  redirectUri: string;
  now(): number;
}

const DiscoverySchema = z.object({
  issuer: z.string().url(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
  end_session_endpoint: z.string().url().optional(),
});

const IdClaimsSchema = z.object({
  tid: z.string(),
  oid: z.string(),
  name: z.string().default(''),
  preferred_username: z.string().default(''),
});

/** Authorization code + PKCE against the tenant's Entra endpoints, as a public (SPA) client. */
export async function signIn(
  env: AuthEnvironment,
  settings: IntuneSettings,
  /** `prompt` (interactive only): ask for the password again ('login') rather than reuse the browser's Microsoft session. */
  options: { interactive: boolean; loginHint?: string; prompt?: 'login' },
): Promise<TokenSet> {
  try {
    const { server, client } = await discover(env, settings);
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const url = new URL(server.authorization_endpoint!);
    const params: Record<string, string> = {
      client_id: settings.clientId,
      response_type: 'code',
      redirect_uri: env.redirectUri,
      response_mode: 'query',
      scope: signInScope(CLOUDS[settings.cloud].graphHost),
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Test and Save lets the admin pick an account; a sign-in for the saved account goes straight to
      // it, unless the admin signed out on purpose: then Entra asks again.
      ...(options.interactive ? (options.prompt ? { prompt: options.prompt } : options.loginHint ? {} : { prompt: 'select_account' }) : { prompt: 'none' }),
      ...(options.loginHint ? { login_hint: options.loginHint } : {}),
    };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const redirected = await env.launch(url.href, options.interactive);
    const callback = oauth.validateAuthResponse(server, client, new URL(redirected), state);
    const response = await oauth.authorizationCodeGrantRequest(server, client, oauth.None(), callback, env.redirectUri, verifier, {
      [oauth.customFetch]: withoutRedirects(env),
    });
    const tokens = await oauth.processAuthorizationCodeResponse(server, client, response, { expectedNonce: nonce, requireIdToken: true });
    return toTokenSet(env, tokens, undefined);
  } catch (error) {
    throw explainSignInError(error, { redirectUri: env.redirectUri, settings });
  }
}

/** Trades a refresh token for new tokens; Entra rotates the refresh token each time. */
export async function refresh(env: AuthEnvironment, settings: IntuneSettings, current: TokenSet): Promise<TokenSet> {
  if (!current.refreshToken) throw explainSignInError(new Error('no refresh token'), { redirectUri: env.redirectUri, settings });
  try {
    const { server, client } = await discover(env, settings);
    const response = await oauth.refreshTokenGrantRequest(server, client, oauth.None(), current.refreshToken, {
      [oauth.customFetch]: withoutRedirects(env),
    });
    const tokens = await oauth.processRefreshTokenResponse(server, client, response);
    return toTokenSet(env, tokens, current);
  } catch (error) {
    throw explainSignInError(error, { redirectUri: env.redirectUri, settings });
  }
}

/**
 * Entra's own sign-out, in the sign-in window: it ends the browser's Microsoft session, so nothing
 * can sign in silently with it afterwards. Entra returns to the extension's redirect URI when done.
 */
export async function endMicrosoftSession(env: AuthEnvironment, settings: IntuneSettings): Promise<void> {
  try {
    const { metadata } = await discover(env, settings);
    if (!metadata.end_session_endpoint) throw new Error('Microsoft sign-in offers no sign-out address for this tenant.');
    const url = new URL(metadata.end_session_endpoint);
    url.searchParams.set('post_logout_redirect_uri', env.redirectUri);
    await env.launch(url.href, true);
  } catch (error) {
    throw explainSignInError(error, { redirectUri: env.redirectUri, settings });
  }
}

async function discover(env: AuthEnvironment, settings: IntuneSettings) {
  const loginHost = CLOUDS[settings.cloud].loginHost;
  const response = await withoutRedirects(env)(`https://${loginHost}/${encodeURIComponent(settings.tenantId)}/v2.0/.well-known/openid-configuration`);
  if (!response.ok) {
    // Entra answers 400 with AADSTS90002 for a tenant it does not know.
    throw new EntraHttpError(response.status, await response.json().catch(() => undefined));
  }
  const metadata = DiscoverySchema.parse(await response.json());
  const server: oauth.AuthorizationServer = metadata;
  const client: oauth.Client = {
    client_id: settings.clientId,
    // ID-token times are checked against env.now(), the same clock the rest of the sign-in uses.
    [oauth.clockSkew]: Math.round((env.now() - Date.now()) / 1000),
    // A machine clock a few minutes off must not break sign-in.
    [oauth.clockTolerance]: 300,
  };
  return { server, client, metadata };
}

/**
 * Entra's fetch, refusing redirects: a followed token request would carry the code, its verifier or
 * the refresh token to whoever answers, and a followed discovery would let them name the endpoints.
 */
function withoutRedirects(env: AuthEnvironment): typeof fetch {
  return async (input, init) => {
    const response = await env.fetch(input, { ...init, ...NO_REDIRECTS });
    if (isRedirect(response)) throw new EntraRedirectError(redirectTarget(response));
    return response;
  };
}

function toTokenSet(env: AuthEnvironment, tokens: oauth.TokenEndpointResponse, previous: TokenSet | undefined): TokenSet {
  const now = env.now();
  const claims = oauth.getValidatedIdTokenClaims(tokens);
  const id = claims ? IdClaimsSchema.parse(claims) : undefined;
  const account: Account | undefined = id
    ? { username: id.preferred_username, name: id.name, tenantId: id.tid, objectId: id.oid }
    : previous?.account;
  if (!account) throw new Error('Entra returned no ID token, so the signed-in account is unknown.');
  const refreshLifetime = typeof tokens.refresh_token_expires_in === 'number' ? tokens.refresh_token_expires_in : undefined;
  const refreshToken = tokens.refresh_token ?? previous?.refreshToken;
  const refreshTokenExpiresAt = refreshLifetime !== undefined ? now + refreshLifetime * 1000 : previous?.refreshTokenExpiresAt;
  return {
    accessToken: tokens.access_token,
    accessTokenExpiresAt: now + (tokens.expires_in ?? 3600) * 1000,
    ...(refreshToken ? { refreshToken } : {}),
    ...(refreshTokenExpiresAt !== undefined ? { refreshTokenExpiresAt } : {}),
    scopes: shortScopes(tokens.scope),
    account,
  };
}

/** "https://graph.microsoft.com/User.Read.All openid" → ["User.Read.All", "openid"] */
function shortScopes(scope: string | undefined): string[] {
  return (scope ?? '')
    .split(' ')
    .filter(Boolean)
    .map((s) => s.replace(/^https:\/\/[^/]+\//, ''));
}
