import type { EntraState } from './state.ts';
import { AADSTS, type AadstsError } from './errors.ts';

/** The delegated permissions the sandbox knows, with the wording Entra shows on its consent page. */
const PERMISSIONS = [
  { name: 'openid', adminOnly: false, description: 'Sign you in' },
  { name: 'profile', adminOnly: false, description: 'View your basic profile' },
  { name: 'email', adminOnly: false, description: 'View your email address' },
  { name: 'offline_access', adminOnly: false, description: 'Maintain access to data you have given it access to' },
  { name: 'User.Read', adminOnly: false, description: 'Sign you in and read your profile' },
  { name: 'User.Read.All', adminOnly: true, description: "Read all users' full profiles" },
  { name: 'Group.Read.All', adminOnly: true, description: 'Read all groups' },
  {
    name: 'DeviceManagementManagedDevices.PrivilegedOperations.All',
    adminOnly: true,
    description: 'Perform user-impacting remote actions on Microsoft Intune devices',
  },
  { name: 'DeviceManagementManagedDevices.ReadWrite.All', adminOnly: true, description: 'Read and write Microsoft Intune devices' },
  { name: 'DeviceManagementManagedDevices.Read.All', adminOnly: true, description: 'Read Microsoft Intune devices' },
  { name: 'DeviceManagementApps.Read.All', adminOnly: true, description: 'Read Microsoft Intune apps' },
] as const;

export const KNOWN_SCOPES: readonly string[] = PERMISSIONS.map((p) => p.name);

/** The OpenID Connect scopes: they shape the token response and are not Graph resource scopes. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

/** Every name Microsoft Graph is known by as a resource (its URIs per cloud and its app id). */
const GRAPH_RESOURCES = new Set([
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
  '00000003-0000-0000-c000-000000000000',
]);

export function isOidcScope(scope: string): boolean {
  return OIDC_SCOPES.has(scope);
}

export function isAdminOnly(scope: string): boolean {
  return PERMISSIONS.some((p) => p.name === scope && p.adminOnly);
}

export function describeScope(scope: string): string {
  return PERMISSIONS.find((p) => p.name === scope)?.description ?? scope;
}

/** A `scope` parameter read into short names; a refresh without `scope` asks for the same again. */
export interface ScopeRequest {
  /** `https://graph.microsoft.com/.default`: every configured Graph permission that is granted. */
  usesDefault: boolean;
  /** Explicitly requested scopes (Graph and OIDC), short names with Entra's casing. */
  explicit: string[];
}

export type ParsedScopes = { ok: true; request: ScopeRequest } | { ok: false; error: AadstsError };

/** Reads a `scope` parameter; Graph scopes may come as `https://graph.microsoft.com/X` or bare `X`. */
export function parseScopes(raw: string, appName: string, tenant: string): ParsedScopes {
  const explicit = new Set<string>();
  let usesDefault = false;
  for (const token of raw.split(/\s+/).filter(Boolean)) {
    const slash = token.lastIndexOf('/');
    const resource = slash >= 0 ? token.slice(0, slash).replace(/\/$/, '').toLowerCase() : 'https://graph.microsoft.com';
    const name = slash >= 0 ? token.slice(slash + 1) : token;
    if (!GRAPH_RESOURCES.has(resource)) return { ok: false, error: AADSTS.resourceNotFound(resource, tenant) };
    if (name.toLowerCase() === '.default') {
      usesDefault = true;
      continue;
    }
    const known = KNOWN_SCOPES.find((s) => s.toLowerCase() === name.toLowerCase());
    if (!known) return { ok: false, error: AADSTS.scopeDoesNotExist(appName, name) };
    explicit.add(known);
  }
  // `.default` may only be combined with the OIDC scopes, never with other scopes of the same resource.
  if (usesDefault && [...explicit].some((s) => !isOidcScope(s))) return { ok: false, error: AADSTS.invalidScopeCombination(raw) };
  if (!usesDefault && explicit.size === 0) return { ok: false, error: AADSTS.missingParameter('scope') };
  return { ok: true, request: { usesDefault, explicit: [...explicit] } };
}

/** What the user would get for a request now: the scopes already granted and those still needing consent. */
export interface ScopeDecision {
  granted: string[];
  missing: string[];
}

/**
 * Consent model. A scope is granted when the tenant's admin consent covers it (admin consent covers
 * the permissions configured on the registration) or this user consented to it. `.default` stands
 * for the configured Graph permissions: one that is not configured (withheld) is silently left out,
 * as Entra does; asked for explicitly, it needs consent like any scope not consented.
 */
export function decideScopes(request: ScopeRequest, state: EntraState, userId: string): ScopeDecision {
  const fromDefault = request.usesDefault ? [...state.configuredScopes].filter((s) => !isOidcScope(s)) : [];
  const candidates = [...new Set([...fromDefault, ...request.explicit])];
  const userGrants = state.userConsents.get(userId);
  const isGranted = (s: string) =>
    (state.configuredScopes.has(s) && state.consentedScopes.has(s)) || (userGrants?.has(s) ?? false);
  return { granted: candidates.filter(isGranted), missing: candidates.filter((s) => !isGranted(s)) };
}
