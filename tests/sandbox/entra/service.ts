import { html, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { Service } from '../services.ts';
import type { World } from '../world.ts';
import { acceptConsent, authorize, cancelConsent } from './authorize.ts';
import { preflight } from './cors.ts';
import { instanceDiscovery, keys, openidConfiguration } from './discovery.ts';
import { confirmLogout, logout } from './logout.ts';
import { LOGIN_HOSTS } from './tenants.ts';
import { token } from './token.ts';

type Route = (req: SandboxRequest, world: World, tenantSegment: string) => SandboxResponse;

/** Paths after the tenant segment, lower-cased (Entra's paths ignore case), by method. */
const ROUTES: Record<string, Partial<Record<string, Route>>> = {
  'v2.0/.well-known/openid-configuration': { GET: openidConfiguration },
  'discovery/v2.0/keys': { GET: keys },
  'discovery/instance': { GET: (req, world) => instanceDiscovery(req, world) },
  'oauth2/v2.0/authorize': { GET: authorize },
  // Any method reaches the token endpoint: it answers GET with its own AADSTS900561.
  'oauth2/v2.0/token': { GET: token, POST: token },
  'consent/set': { POST: (req, world) => acceptConsent(req, world) },
  'consent/cancel': { GET: (req, world) => cancelConsent(req, world) },
  'oauth2/v2.0/logout': { GET: logout, POST: (req, world) => confirmLogout(req, world) },
};

/** Entra ID (Microsoft identity platform v2.0) in the three clouds the extension supports. */
export const entra: Service = {
  name: 'Entra ID',
  hosts: (host) => LOGIN_HOSTS.includes(host),
  handle(req, world) {
    const [, tenantSegment = '', ...rest] = req.url.pathname.split('/');
    const routes = ROUTES[rest.join('/').toLowerCase()];
    if (!routes || !tenantSegment) return html(404, '<!doctype html><title>404</title><h1>Not found</h1>');
    if (req.method === 'OPTIONS') return preflight(req);
    const route = routes[req.method];
    if (!route) return html(405, '<!doctype html><title>405</title><h1>Method not allowed</h1>');
    return route(req, world, decodeURIComponent(tenantSegment));
  },
};
