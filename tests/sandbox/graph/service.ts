import { authenticateGraphRequest } from '../entra/access-token.ts';
import { header, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { Service } from '../services.ts';
import type { World } from '../world.ts';
import { actionName, runAction, settleActions } from './actions.ts';
import { detectedAppDevices, getDetectedApp, getMobileApp, listDetectedApps, listMobileApps } from './app-routes.ts';
import { type GraphContext, hasAnyScope, SCOPES } from './context.ts';
import { countDevices, deleteDevice, deviceUsers, getDevice, listDevices, updateDevice } from './device-routes.ts';
import { getGroup, getUser, listGroups, listUsers, me } from './directory-routes.ts';
import { GRAPH_JSON, graphError, GraphRequestError, idHeaders, intuneForbidden, newRequestIds, type RequestIds, throttled } from './errors.ts';
import { throttle, type ThrottleBucket } from './throttle.ts';

const GRAPH_HOSTS = ['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn'];

/** Intune-backed routes: the scopes they need, an Intune role, and their throttling bucket. */
interface IntuneAccess {
  scopes: readonly string[];
  bucket: ThrottleBucket;
}

interface Route {
  method: string;
  /** Literal segments, or ':param' (captured into ctx.params). */
  path: string[];
  handle: (ctx: GraphContext) => SandboxResponse;
  /** Directory routes check their own (per-user) permissions. */
  intune?: IntuneAccess;
  /** Further condition on the path parameters for the route to match. */
  accepts?: (params: readonly string[]) => boolean;
  /** Device writes are logged in state.requests under this name. */
  logAs?: (ctx: GraphContext) => string;
}

const devicesRead: IntuneAccess = { scopes: SCOPES.devicesRead, bucket: 'devices' };
const devicesWrite: IntuneAccess = { scopes: SCOPES.devicesWrite, bucket: 'devices' };
const devicesPrivileged: IntuneAccess = { scopes: SCOPES.devicesPrivileged, bucket: 'devices' };
const appsRead: IntuneAccess = { scopes: SCOPES.appsRead, bucket: 'apps' };
const on = (method: string, path: string, handle: Route['handle'], extra: Omit<Route, 'method' | 'path' | 'handle'> = {}): Route => ({
  method,
  path: path.split('/'),
  handle,
  ...extra,
});

const actionOf = (params: readonly string[]): string => actionName(params[1] ?? '') ?? '';

const ROUTES: Route[] = [
  on('GET', 'me', me),
  on('GET', 'users', listUsers),
  on('GET', 'users/:id', getUser),
  on('GET', 'groups', listGroups),
  on('GET', 'groups/:id', getGroup),
  on('GET', 'deviceManagement/managedDevices', listDevices, { intune: devicesRead }),
  on('GET', 'deviceManagement/managedDevices/$count', countDevices, { intune: devicesRead }),
  on('GET', 'deviceManagement/managedDevices/:id', getDevice, { intune: devicesRead }),
  on('DELETE', 'deviceManagement/managedDevices/:id', deleteDevice, { intune: devicesWrite, logAs: () => 'delete' }),
  on('PATCH', 'deviceManagement/managedDevices/:id', updateDevice, { intune: devicesWrite, logAs: () => 'update' }),
  on('GET', 'deviceManagement/managedDevices/:id/users', deviceUsers, { intune: devicesRead }),
  on('POST', 'deviceManagement/managedDevices/:id/:action', (ctx) => runAction(ctx, actionOf(ctx.params)), {
    intune: devicesPrivileged,
    accepts: (params) => actionName(params[1] ?? '') !== undefined,
    logAs: (ctx) => actionOf(ctx.params),
  }),
  on('GET', 'deviceManagement/detectedApps', listDetectedApps, { intune: devicesRead }),
  on('GET', 'deviceManagement/detectedApps/:id', getDetectedApp, { intune: devicesRead }),
  on('GET', 'deviceManagement/detectedApps/:id/managedDevices', detectedAppDevices, { intune: devicesRead }),
  on('GET', 'deviceAppManagement/mobileApps', listMobileApps, { intune: appsRead }),
  on('GET', 'deviceAppManagement/mobileApps/:id', getMobileApp, { intune: appsRead }),
];

/**
 * Microsoft Graph v1.0 at the global and national-cloud hosts. /beta answers 400: the extension
 * must use v1.0, and the sandbox does not imitate beta's different shapes.
 */
export const graph: Service = {
  name: 'Microsoft Graph',
  hosts: (host) => GRAPH_HOSTS.includes(host),
  handle: (req, world) => {
    if (req.method === 'OPTIONS') return preflight(req);
    const ids = newRequestIds(header(req, 'client-request-id'));
    return finish(req, answer(req, world, ids), ids);
  },
};

function answer(req: SandboxRequest, world: World, ids: RequestIds): SandboxResponse {
  const [version = '', ...segments] = splitPath(req.url.pathname);
  if (version === 'beta') return graphError(400, 'BadRequest', 'The sandbox serves Microsoft Graph v1.0 only; /beta is not imitated.', ids);
  if (version !== 'v1.0') return graphError(400, 'BadRequest', `Invalid version: ${version}`, ids);

  const caller = authenticateGraphRequest(req, world, ids);
  if (!caller.ok) return caller.response;

  const matches = ROUTES.filter((r) => matchPath(r, segments) !== undefined);
  const chosen = matches.find((r) => r.method === req.method);
  if (!chosen) {
    if (matches.length > 0) return graphError(405, 'Request_BadRequest', `The HTTP method '${req.method}' is not allowed for this resource.`, ids);
    return graphError(400, 'BadRequest', `Resource not found for the segment '${segments[segments.length - 1] ?? ''}'.`, ids);
  }

  const ctx: GraphContext = {
    req,
    world,
    state: world.graph,
    user: caller.user,
    scopes: caller.scopes,
    appId: caller.claims.appid,
    ids,
    params: matchPath(chosen, segments) ?? [],
  };

  settleActions(world.graph, world.now());
  if (chosen.intune) {
    // Intune answers both a missing permission and a missing Intune role with its own 403.
    if (!hasAnyScope(ctx, chosen.intune.scopes) || !ctx.user.intuneRole) return intuneForbidden(req.url.pathname.replace(/^\/v1\.0/, ''), ids);
    const retryAfter = throttle(world.graph.throttling, chosen.intune.bucket, ctx.appId, req.method !== 'GET', world.now());
    if (retryAfter !== undefined) return throttled(retryAfter, ids);
  }

  const response = handleSafely(chosen, ctx);
  if (chosen.logAs) logDeviceWrite(ctx, chosen.logAs(ctx), response.status);
  return response;
}

/** The handler's answer, with the 400s it raises turned into Graph errors. */
function handleSafely(chosen: Route, ctx: GraphContext): SandboxResponse {
  try {
    return chosen.handle(ctx);
  } catch (error) {
    if (!(error instanceof GraphRequestError)) throw error;
    return graphError(error.status, error.code, error.message, ctx.ids);
  }
}

function logDeviceWrite(ctx: GraphContext, action: string, status: number): void {
  ctx.state.requests.push({
    at: ctx.world.now(),
    action,
    deviceId: ctx.params[0] ?? '',
    body: ctx.req.json,
    status,
    userPrincipalName: ctx.user.userPrincipalName,
    appId: ctx.appId,
  });
}

/** Path segments, with OData key syntax `managedDevices('id')` split into `managedDevices`, `id`. */
function splitPath(pathname: string): string[] {
  return pathname
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const decoded = decodeURIComponent(segment);
      const keyed = /^([^(]+)\('?([^')]*)'?\)$/.exec(decoded);
      return keyed ? [keyed[1] as string, keyed[2] as string] : [decoded];
    });
}

/** The route's path parameters if it serves these segments. */
function matchPath(route: Route, segments: readonly string[]): string[] | undefined {
  if (route.path.length !== segments.length) return undefined;
  const params: string[] = [];
  for (let i = 0; i < route.path.length; i++) {
    const expected = route.path[i] as string;
    const actual = segments[i] as string;
    if (expected.startsWith(':')) params.push(actual);
    // Graph's segment names are case-insensitive ("manageddevices" works).
    else if (expected.toLowerCase() !== actual.toLowerCase()) return undefined;
  }
  return route.accepts && !route.accepts(params) ? undefined : params;
}

/** Every Graph response carries the correlation IDs, Graph's content type and CORS headers. */
function finish(req: SandboxRequest, response: SandboxResponse, ids: RequestIds): SandboxResponse {
  const headers: Record<string, string> = { ...response.headers, ...idHeaders(ids), 'cache-control': 'no-cache' };
  if (headers['content-type']?.startsWith('application/json')) headers['content-type'] = GRAPH_JSON;
  if (response.status !== 204 && response.body) headers['odata-version'] = '4.0';
  if (header(req, 'origin')) Object.assign(headers, CORS_HEADERS);
  return { ...response, headers };
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'ETag, Location, Preference-Applied, Content-Range, request-id, client-request-id, ReadWriteConsistencyToken, SdkVersion, WWW-Authenticate, x-ms-client-gcc-tenant, Retry-After',
};

/** Graph allows cross-origin calls from any origin. */
function preflight(req: SandboxRequest): SandboxResponse {
  return {
    status: 200,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': header(req, 'access-control-request-headers') ?? 'Authorization, Content-Type',
      'access-control-max-age': '3600',
    },
    body: '',
  };
}
