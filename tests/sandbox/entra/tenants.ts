import type { Directory } from '../directory.ts';

/** The segment after the host: a tenant by GUID or verified domain, or an alias resolved by the user. */
export type TenantRef = { kind: 'tenant'; tenantId: string } | { kind: 'alias'; alias: 'common' | 'organizations' };

/** Undefined when the directory holds no such tenant (AADSTS90002). */
export function resolveTenant(segment: string, directory: Directory): TenantRef | undefined {
  const value = segment.toLowerCase();
  if (value === 'common' || value === 'organizations') return { kind: 'alias', alias: value };
  if (value === directory.tenantId.toLowerCase() || value === directory.tenantDomain.toLowerCase()) {
    return { kind: 'tenant', tenantId: directory.tenantId };
  }
  return undefined;
}

/** The tenant a user signs in to through this segment: the named one, or the user's home tenant for an alias. */
export function tenantIdFor(ref: TenantRef, directory: Directory): string {
  // The sandbox directory holds one tenant, home of every user.
  return ref.kind === 'tenant' ? ref.tenantId : directory.tenantId;
}

/** Per-cloud values of the metadata, keyed by the login host that answers. */
export interface Cloud {
  cloudInstanceName: string;
  graphHost: string;
  /** Azure AD Graph, still named in the metadata. */
  aadGraphHost: string;
  tenantRegionScope: string;
  /** Issuer of v1.0 access tokens (Graph's), followed by `<tid>/`. */
  accessTokenIssuerBase: string;
}

// Assumption: a US Gov login host serves a GCC High tenant (DoD tenants would name dod-graph.microsoft.us).
const CLOUDS: Record<string, Cloud> = {
  'login.microsoftonline.com': {
    cloudInstanceName: 'microsoftonline.com',
    graphHost: 'graph.microsoft.com',
    aadGraphHost: 'graph.windows.net',
    tenantRegionScope: 'NA',
    accessTokenIssuerBase: 'https://sts.windows.net/',
  },
  'login.microsoftonline.us': {
    cloudInstanceName: 'microsoftonline.us',
    graphHost: 'graph.microsoft.us',
    aadGraphHost: 'graph.windows.net',
    tenantRegionScope: 'USGov',
    accessTokenIssuerBase: 'https://login.microsoftonline.us/',
  },
  'login.chinacloudapi.cn': {
    cloudInstanceName: 'partner.microsoftonline.cn',
    graphHost: 'microsoftgraph.chinacloudapi.cn',
    aadGraphHost: 'graph.chinacloudapi.cn',
    tenantRegionScope: 'AS',
    accessTokenIssuerBase: 'https://sts.chinacloudapi.cn/',
  },
};

export const LOGIN_HOSTS = Object.keys(CLOUDS);

export function cloudOf(host: string): Cloud | undefined {
  return CLOUDS[host];
}
