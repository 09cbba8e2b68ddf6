import { json, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { World } from '../world.ts';
import { AADSTS, errorJson } from './errors.ts';
import { cloudOf, resolveTenant } from './tenants.ts';

/** Entra's published instance metadata: the clouds and the host names each is known by. */
const INSTANCE_METADATA = [
  {
    preferred_network: 'login.microsoftonline.com',
    preferred_cache: 'login.windows.net',
    aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
  },
  {
    preferred_network: 'login.partner.microsoftonline.cn',
    preferred_cache: 'login.partner.microsoftonline.cn',
    aliases: ['login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'],
  },
  { preferred_network: 'login.microsoftonline.de', preferred_cache: 'login.microsoftonline.de', aliases: ['login.microsoftonline.de'] },
  {
    preferred_network: 'login.microsoftonline.us',
    preferred_cache: 'login.microsoftonline.us',
    aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'],
  },
  { preferred_network: 'login-us.microsoftonline.com', preferred_cache: 'login-us.microsoftonline.com', aliases: ['login-us.microsoftonline.com'] },
];

/** Metadata is public and readable cross-origin. */
const PUBLIC = { 'access-control-allow-origin': '*', 'cache-control': 'max-age=86400, private' };

/**
 * The endpoints' tenant segment and the issuer. A tenant's own document names it by GUID even when
 * asked by domain; the aliases keep their name and publish the issuer as a `{tenantid}` template.
 */
function issuerParts(segment: string, world: World): { pathTenant: string; issuerTenant: string } | undefined {
  const tenant = resolveTenant(segment, world.directory);
  if (!tenant) return undefined;
  return tenant.kind === 'tenant'
    ? { pathTenant: tenant.tenantId, issuerTenant: tenant.tenantId }
    : { pathTenant: tenant.alias, issuerTenant: '{tenantid}' };
}

/** GET /{tenant}/v2.0/.well-known/openid-configuration */
export function openidConfiguration(req: SandboxRequest, world: World, segment: string): SandboxResponse {
  const parts = issuerParts(segment, world);
  const cloud = cloudOf(req.host);
  if (!parts || !cloud) return errorJson(req, world, AADSTS.tenantNotFound(segment, 'invalid_tenant'));
  const base = `https://${req.host}/${parts.pathTenant}`;
  return json(
    200,
    {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `https://${req.host}/${parts.issuerTenant}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `https://${cloud.graphHost}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud',
        'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email',
      ],
      tenant_region_scope: parts.issuerTenant === '{tenantid}' ? null : cloud.tenantRegionScope,
      cloud_instance_name: cloud.cloudInstanceName,
      cloud_graph_host_name: cloud.aadGraphHost,
      msgraph_host: cloud.graphHost,
    },
    PUBLIC,
  );
}

/** GET /{tenant}/discovery/v2.0/keys */
export function keys(req: SandboxRequest, world: World, segment: string): SandboxResponse {
  const parts = issuerParts(segment, world);
  if (!parts) return errorJson(req, world, AADSTS.tenantNotFound(segment, 'invalid_tenant'));
  const issuer = `https://${req.host}/${parts.issuerTenant}/v2.0`;
  return json(200, { keys: world.signer.jwks().keys.map((key) => ({ ...key, issuer })) }, PUBLIC);
}

/** GET /common/discovery/instance?api-version=1.1&authorization_endpoint=… (MSAL's cloud discovery). */
export function instanceDiscovery(req: SandboxRequest, world: World): SandboxResponse {
  const query = req.url.searchParams;
  if (!query.get('api-version')) return errorJson(req, world, AADSTS.missingParameter('api-version'));
  const endpoint = query.get('authorization_endpoint') ?? `https://${req.host}/common/oauth2/v2.0/authorize`;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return errorJson(req, world, AADSTS.unknownInstance());
  }
  if (!INSTANCE_METADATA.some((m) => m.aliases.includes(url.hostname))) return errorJson(req, world, AADSTS.unknownInstance());
  const tenant = url.pathname.split('/')[1] || 'common';
  return json(
    200,
    {
      tenant_discovery_endpoint: `https://${url.hostname}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: INSTANCE_METADATA,
    },
    PUBLIC,
  );
}
