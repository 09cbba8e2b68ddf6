import type { DirectoryUser } from '../directory.ts';
import { graphError, newRequestIds, type RequestIds } from '../graph/errors.ts';
import { header, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { World } from '../world.ts';

/** The claims of an access token for Microsoft Graph, as Entra puts them in the JWT. */
export interface GraphAccessClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  upn: string;
  name: string;
  appid: string;
  /** Delegated scopes, space separated, short names ("DeviceManagementManagedDevices.Read.All"). */
  scp: string;
  iat: number;
  nbf: number;
  exp: number;
}

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export function issueGraphAccessToken(world: World, claims: Omit<GraphAccessClaims, 'aud' | 'iat' | 'nbf'>): string {
  const now = Math.floor(world.now() / 1000);
  return world.signer.sign({ aud: GRAPH_AUDIENCE, iat: now, nbf: now, ...claims });
}

/** For tests and tools: the Graph token Entra issues to a user of the sandbox tenant after sign-in. */
export function graphTokenFor(world: World, user: DirectoryUser, scopes: readonly string[], appId: string, lifetimeSeconds = 3600): string {
  return issueGraphAccessToken(world, {
    iss: `https://sts.windows.net/${world.directory.tenantId}/`,
    tid: world.directory.tenantId,
    oid: user.id,
    upn: user.userPrincipalName,
    name: user.displayName,
    appid: appId,
    scp: scopes.join(' '),
    exp: Math.floor(world.now() / 1000) + lifetimeSeconds,
  });
}

export type GraphCaller =
  | { ok: true; user: DirectoryUser; scopes: Set<string>; claims: GraphAccessClaims }
  | { ok: false; response: SandboxResponse };

/**
 * Checks the bearer token of a Graph request the way Graph does: signature, audience, lifetime,
 * tenant. Failures answer 401 in Graph's error format with a WWW-Authenticate header.
 */
export function authenticateGraphRequest(req: SandboxRequest, world: World, ids: RequestIds = newRequestIds()): GraphCaller {
  const authorization = header(req, 'authorization') ?? '';
  const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
  if (!token) return unauthorized('Access token is empty.', ids);
  const claims = world.signer.verify(token) as GraphAccessClaims | undefined;
  if (!claims) return unauthorized('Access token validation failure. Invalid signature.', ids);
  if (claims.aud !== GRAPH_AUDIENCE && claims.aud !== '00000003-0000-0000-c000-000000000000') {
    return unauthorized('Access token validation failure. Invalid audience.', ids);
  }
  if (claims.exp * 1000 <= world.now()) return unauthorized('Lifetime validation failed, the token is expired.', ids);
  if (claims.tid !== world.directory.tenantId) return unauthorized('Access token validation failure. Invalid tenant.', ids);
  const user = world.directory.users.find((u) => u.id === claims.oid);
  if (!user) return unauthorized('The user of this token no longer exists.', ids);
  return { ok: true, user, scopes: new Set(claims.scp.split(' ').filter(Boolean)), claims };
}

function unauthorized(message: string, ids: RequestIds): GraphCaller {
  return {
    ok: false,
    response: graphError(401, 'InvalidAuthenticationToken', message, ids, {
      'www-authenticate':
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    }),
  };
}
