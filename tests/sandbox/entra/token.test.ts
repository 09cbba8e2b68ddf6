import { describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { SANDBOX_TENANT_ID } from '../directory.ts';
import {
  aadstsOf,
  answerOf,
  authorizeUrl,
  EXTENSION_ORIGIN,
  makePkce,
  open,
  postToken,
  redeemCode,
  type Pkce,
  type TokenErrorBody,
} from './flow.ts';
import { SANDBOX_CLIENT_ID } from './state.ts';

const sandbox = useSandbox();
const { fetch } = sandbox;

async function newCode(): Promise<{ code: string; pkce: Pkce }> {
  const pkce = makePkce();
  const code = answerOf(await open(fetch, authorizeUrl(pkce))).get('code') ?? '';
  return { code, pkce };
}

async function expectError(res: Response, status: number, error: string, aadsts: number): Promise<TokenErrorBody> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as TokenErrorBody;
  expect(body.error).toBe(error);
  expect(aadstsOf(body.error_description)).toBe(aadsts);
  expect(body.error_codes).toEqual([aadsts]);
  return body;
}

describe('redeeming an authorization code', () => {
  it('refuses a code_verifier that does not match the S256 challenge (AADSTS501481)', async () => {
    const { code } = await newCode();
    await expectError(await redeemCode(fetch, code, makePkce()), 400, 'invalid_grant', 501481);
  });

  it('refuses a redemption without code_verifier (AADSTS50148)', async () => {
    const { code, pkce } = await newCode();
    const res = await postToken(fetch, {
      client_id: SANDBOX_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    });
    await expectError(res, 400, 'invalid_grant', 50148);
    // The failed attempt does not use the code up.
    expect((await redeemCode(fetch, code, pkce)).status).toBe(200);
  });

  it('redeems a code once: the second time answers AADSTS54005', async () => {
    const { code, pkce } = await newCode();
    expect((await redeemCode(fetch, code, pkce)).status).toBe(200);
    await expectError(await redeemCode(fetch, code, pkce), 400, 'invalid_grant', 54005);
  });

  it('refuses a code older than ten minutes (AADSTS70008)', async () => {
    const { code, pkce } = await newCode();
    sandbox.world.advanceClock(11 * 60 * 1000);
    await expectError(await redeemCode(fetch, code, pkce), 400, 'invalid_grant', 70008);
  });

  it('refuses another redirect_uri than the one the code was issued to', async () => {
    const { code, pkce } = await newCode();
    const res = await redeemCode(fetch, code, pkce, { redirect_uri: 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/' });
    await expectError(res, 400, 'invalid_grant', 500112);
  });

  it('refuses a code it never issued', async () => {
    await expectError(await redeemCode(fetch, 'not-a-code', makePkce()), 400, 'invalid_grant', 9002313);
  });

  it('refuses an SPA redemption without Origin header (AADSTS9002327)', async () => {
    const { code, pkce } = await newCode();
    const res = await postToken(
      fetch,
      { client_id: SANDBOX_CLIENT_ID, grant_type: 'authorization_code', code, redirect_uri: 'x', code_verifier: pkce.verifier },
      { origin: null },
    );
    await expectError(res, 400, 'invalid_request', 9002327);
  });
});

describe('the token endpoint', () => {
  it('answers failures in Entra’s JSON form', async () => {
    const res = await fetch(`https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: EXTENSION_ORIGIN, 'client-request-id': 'abc-123' },
      body: new URLSearchParams({ client_id: SANDBOX_CLIENT_ID, grant_type: 'authorization_code', code: 'x', redirect_uri: 'y' }).toString(),
    });
    const body = await expectError(res, 400, 'invalid_grant', 9002313);
    expect(body.error_description).toMatch(
      /^AADSTS9002313: Invalid request\. Request is malformed or invalid\.\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: abc-123\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    );
    expect(body.correlation_id).toBe('abc-123');
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(body.error_uri).toBe('https://login.microsoftonline.com/error?code=9002313');
  });

  it('answers CORS with the caller’s Origin, on success, on failure and on preflight', async () => {
    const { code, pkce } = await newCode();
    expect((await redeemCode(fetch, code, pkce)).headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect((await redeemCode(fetch, code, pkce)).headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);

    const preflight = await fetch(`https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'OPTIONS',
      headers: { origin: EXTENSION_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('refuses an unknown client id (AADSTS700016) and a client secret from a public client (AADSTS700025)', async () => {
    const { code, pkce } = await newCode();
    await expectError(await redeemCode(fetch, code, pkce, { client_id: '11111111-2222-3333-4444-555555555555' }), 400, 'unauthorized_client', 700016);
    await expectError(await redeemCode(fetch, code, pkce, { client_secret: 'secret' }), 401, 'invalid_client', 700025);
  });

  it('refuses an unknown tenant (AADSTS90002)', async () => {
    const { code, pkce } = await newCode();
    await expectError(await redeemCode(fetch, code, pkce, {}, { tenant: 'fabrikam.onmicrosoft.com' }), 400, 'invalid_request', 90002);
  });

  it('refuses GET (AADSTS900561) and grant types it does not offer', async () => {
    await expectError(await fetch(`https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`), 400, 'invalid_request', 900561);
    const res = await postToken(fetch, { client_id: SANDBOX_CLIENT_ID, grant_type: 'password' });
    await expectError(res, 400, 'unsupported_grant_type', 70003);
  });

  it('takes the access-token lifetime from state', async () => {
    sandbox.world.entra.accessTokenLifetimeSeconds = 600;
    const { code, pkce } = await newCode();
    const body = (await (await redeemCode(fetch, code, pkce)).json()) as { expires_in: number };
    expect(body.expires_in).toBe(600);
  });
});
