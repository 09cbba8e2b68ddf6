import { createHash, randomBytes } from 'node:crypto';
import type { DirectoryUser } from '../directory.ts';
import { json, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { World } from '../world.ts';
import { issueGraphAccessToken } from './access-token.ts';
import { corsHeaders } from './cors.ts';
import { isOidcScope } from './scopes.ts';
import type { Grant, RefreshToken } from './state.ts';
import { cloudOf } from './tenants.ts';

const ID_TOKEN_LIFETIME_S = 3600;

/** An opaque one-time value (codes, refresh tokens, page contexts). */
export function opaque(prefix: string): string {
  return `${prefix}${randomBytes(48).toString('base64url')}`;
}

export function userOf(world: World, userId: string): DirectoryUser {
  const user = world.directory.users.find((u) => u.id === userId);
  if (!user) throw new Error(`EntraState names user ${userId}, who is not in the directory`);
  return user;
}

export interface IssueOptions {
  /** A refresh token comes with offline_access on a code, and always on a refresh. */
  withRefreshToken: boolean;
  /** The SPA refresh-token chain: new for a code, carried over by a refresh. */
  chain: Pick<RefreshToken, 'chainStartedAt' | 'chainExpiresAt'>;
  nonce?: string;
}

/** The token endpoint's success answer for a grant and the scopes granted now. */
export function tokenResponse(req: SandboxRequest, world: World, grant: Grant, granted: string[], options: IssueOptions): SandboxResponse {
  const state = world.entra;
  const user = userOf(world, grant.userId);
  const now = world.now();
  const nowS = Math.floor(now / 1000);
  const graphHost = cloudOf(req.host)?.graphHost ?? 'graph.microsoft.com';
  const scp = granted.filter((s) => s !== 'offline_access');
  const responseScope = scp.map((s) => (isOidcScope(s) ? s : `https://${graphHost}/${s}`)).join(' ');

  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: responseScope,
    expires_in: state.accessTokenLifetimeSeconds,
    ext_expires_in: state.accessTokenLifetimeSeconds,
    access_token: issueGraphAccessToken(world, {
      iss: `${cloudOf(req.host)?.accessTokenIssuerBase ?? 'https://sts.windows.net/'}${grant.tenantId}/`,
      tid: grant.tenantId,
      oid: user.id,
      upn: user.userPrincipalName,
      name: user.displayName,
      appid: grant.clientId,
      scp: scp.join(' '),
      exp: nowS + state.accessTokenLifetimeSeconds,
    }),
  };
  if (options.withRefreshToken) {
    const refreshToken = opaque('1.AR');
    state.refreshTokens.set(refreshToken, {
      userId: grant.userId,
      tenantId: grant.tenantId,
      clientId: grant.clientId,
      scopes: grant.scopes,
      ...options.chain,
      issuedAt: now,
      revoked: false,
    });
    body.refresh_token = refreshToken;
    // Rounded: the chain expiry was computed a moment earlier, in the same request.
    body.refresh_token_expires_in = Math.max(0, Math.round((options.chain.chainExpiresAt - now) / 1000));
  }
  if (granted.includes('openid')) {
    body.id_token = world.signer.sign({
      aud: grant.clientId,
      iss: `https://${req.host}/${grant.tenantId}/v2.0`,
      iat: nowS,
      nbf: nowS,
      exp: nowS + ID_TOKEN_LIFETIME_S,
      name: user.displayName,
      ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
      oid: user.id,
      preferred_username: user.userPrincipalName,
      sub: pairwiseSubject(user.id, grant.clientId),
      tid: grant.tenantId,
      uti: randomBytes(16).toString('base64url'),
      ver: '2.0',
    });
  }
  // Entra returns client_info only to clients that ask for it (MSAL sends client_info=1).
  if (req.form.get('client_info') === '1') {
    body.client_info = Buffer.from(JSON.stringify({ uid: user.id, utid: grant.tenantId })).toString('base64url');
  }
  return json(200, body, { ...corsHeaders(req), 'cache-control': 'no-store, no-cache', pragma: 'no-cache' });
}

/** Entra's `sub` differs per app for the same user. */
function pairwiseSubject(userId: string, clientId: string): string {
  return createHash('sha256').update(`${userId}:${clientId}`).digest('base64url').slice(0, 43);
}
