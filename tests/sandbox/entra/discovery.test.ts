import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { SANDBOX_TENANT_DOMAIN, SANDBOX_TENANT_ID } from '../directory.ts';
import { aadstsOf, signIn, type TokenErrorBody } from './flow.ts';

const { fetch } = useSandbox();

async function getJson<T>(url: string): Promise<{ status: number; body: T; res: Response }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T, res };
}

interface OpenIdConfiguration {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  msgraph_host: string;
  tenant_region_scope: string | null;
  id_token_signing_alg_values_supported: string[];
}

describe('OpenID configuration', () => {
  it.each([
    ['login.microsoftonline.com', 'graph.microsoft.com'],
    ['login.microsoftonline.us', 'graph.microsoft.us'],
    ['login.chinacloudapi.cn', 'microsoftgraph.chinacloudapi.cn'],
  ])('names the tenant by GUID on %s, with the host called', async (host, graphHost) => {
    const { status, body, res } = await getJson<OpenIdConfiguration>(`https://${host}/${SANDBOX_TENANT_DOMAIN}/v2.0/.well-known/openid-configuration`);
    expect(status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const base = `https://${host}/${SANDBOX_TENANT_ID}`;
    expect(body).toMatchObject({
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      msgraph_host: graphHost,
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  it('publishes the issuer of common as a {tenantid} template', async () => {
    const { body } = await getJson<OpenIdConfiguration>('https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration');
    expect(body.issuer).toBe('https://login.microsoftonline.com/{tenantid}/v2.0');
    expect(body.token_endpoint).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/token');
    expect(body.tenant_region_scope).toBeNull();
  });

  it('answers an unknown tenant with AADSTS90002 in Entra’s error form', async () => {
    const { status, body } = await getJson<TokenErrorBody>('https://login.microsoftonline.com/fabrikam.onmicrosoft.com/v2.0/.well-known/openid-configuration');
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_tenant');
    expect(body.error_codes).toEqual([90002]);
    expect(aadstsOf(body.error_description)).toBe(90002);
  });
});

describe('signing keys', () => {
  it('publish the key that verifies the ID and access tokens', async () => {
    const { body } = await getJson<{ keys: Array<{ kid: string; kty: string; use: string; n: string; e: string }> }>(
      `https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/discovery/v2.0/keys`,
    );
    const tokens = await signIn(fetch);
    for (const jwt of [tokens.id_token ?? '', tokens.access_token]) {
      const [head = '', payload = '', signature = ''] = jwt.split('.');
      const { kid } = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { kid: string };
      const jwk = body.keys.find((k) => k.kid === kid);
      expect(jwk).toMatchObject({ kty: 'RSA', use: 'sig' });
      const key = createPublicKey({ key: { kty: 'RSA', n: jwk?.n, e: jwk?.e }, format: 'jwk' });
      expect(verify('sha256', Buffer.from(`${head}.${payload}`), key, Buffer.from(signature, 'base64url'))).toBe(true);
    }
  });
});

describe('instance discovery', () => {
  interface InstanceDiscovery {
    tenant_discovery_endpoint: string;
    'api-version': string;
    metadata: Array<{ preferred_network: string; aliases: string[] }>;
  }

  it('points at the tenant’s OpenID configuration and lists the clouds', async () => {
    const authority = encodeURIComponent(`https://login.microsoftonline.us/${SANDBOX_TENANT_ID}/oauth2/v2.0/authorize`);
    const { status, body } = await getJson<InstanceDiscovery>(
      `https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=${authority}`,
    );
    expect(status).toBe(200);
    expect(body['api-version']).toBe('1.1');
    expect(body.tenant_discovery_endpoint).toBe(`https://login.microsoftonline.us/${SANDBOX_TENANT_ID}/v2.0/.well-known/openid-configuration`);
    expect(body.metadata.find((m) => m.aliases.includes('login.chinacloudapi.cn'))?.preferred_network).toBe('login.partner.microsoftonline.cn');
  });

  it('refuses an authority that is no Entra instance', async () => {
    const authority = encodeURIComponent('https://login.example.com/common/oauth2/v2.0/authorize');
    const { status, body } = await getJson<TokenErrorBody>(
      `https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=${authority}`,
    );
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_instance');
  });
});
