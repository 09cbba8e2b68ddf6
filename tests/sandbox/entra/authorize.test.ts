import { beforeEach, describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { SANDBOX_ADMIN, SANDBOX_TENANT_DOMAIN, SANDBOX_TENANT_ID } from '../directory.ts';
import {
  aadstsOf,
  acceptConsent,
  answerOf,
  authorizeUrl,
  cancelLinkOf,
  claimsOf,
  makePkce,
  open,
  redeemCode,
  type TokenBody,
} from './flow.ts';
import { SANDBOX_CLIENT_ID } from './state.ts';

const sandbox = useSandbox();
const { fetch } = sandbox;

describe('interactive sign-in, mode redirect', () => {
  it('answers at once with a code that redeems for tokens', async () => {
    const pkce = makePkce();
    const answer = answerOf(await open(fetch, authorizeUrl(pkce)));
    expect(answer.get('state')).toBe('state-123');
    const code = answer.get('code');
    expect(code).toBeTruthy();

    const res = await redeemCode(fetch, code ?? '', pkce, { client_info: '1' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as TokenBody;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(body.scope.split(' ')).toEqual(
      expect.arrayContaining(['https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All', 'openid', 'profile']),
    );
    expect(body.refresh_token).toBeTruthy();
    expect(body.refresh_token_expires_in).toBe(86_400);

    const idToken = sandbox.world.signer.verify(body.id_token ?? '');
    expect(idToken).toMatchObject({
      iss: `https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/v2.0`,
      aud: SANDBOX_CLIENT_ID,
      oid: SANDBOX_ADMIN.id,
      tid: SANDBOX_TENANT_ID,
      name: SANDBOX_ADMIN.displayName,
      preferred_username: SANDBOX_ADMIN.userPrincipalName,
      nonce: 'nonce-456',
      ver: '2.0',
    });
    expect(idToken?.sub).toEqual(expect.any(String));
    expect(Number(idToken?.exp)).toBeGreaterThan(Number(idToken?.iat));

    const clientInfo = JSON.parse(Buffer.from(body.client_info ?? '', 'base64url').toString('utf8')) as unknown;
    expect(clientInfo).toEqual({ uid: SANDBOX_ADMIN.id, utid: SANDBOX_TENANT_ID });
    expect(claimsOf(body.access_token).scp).toBe('DeviceManagementManagedDevices.Read.All openid profile');
  });

  it('leaves out the refresh token without offline_access, the ID token without openid, client_info unless asked', async () => {
    const pkce = makePkce();
    const scope = 'https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All';
    const code = answerOf(await open(fetch, authorizeUrl(pkce, { scope }))).get('code') ?? '';
    const body = (await (await redeemCode(fetch, code, pkce)).json()) as TokenBody;
    expect(body.access_token).toBeTruthy();
    expect(body.refresh_token).toBeUndefined();
    expect(body.id_token).toBeUndefined();
    expect(body.client_info).toBeUndefined();
  });

  it('puts the answer in the fragment with response_mode=fragment', async () => {
    const res = await open(fetch, authorizeUrl(makePkce(), { response_mode: 'fragment' }));
    expect(new URL(res.headers.get('location') ?? '').search).toBe('');
    expect(answerOf(res).get('code')).toBeTruthy();
  });

  it('posts the answer to the redirect URI with response_mode=form_post', async () => {
    const res = await open(fetch, authorizeUrl(makePkce(), { response_mode: 'form_post' }));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<form method="POST" name="hiddenform" action="https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/">');
    expect(page).toMatch(/<input type="hidden" name="code" value="[^"]+">/);
    expect(page).toContain('<input type="hidden" name="state" value="state-123">');
  });

  it('shows the consent page anyway with prompt=consent', async () => {
    const page = await (await open(fetch, authorizeUrl(makePkce(), { prompt: 'consent' }))).text();
    expect(answerOf(await acceptConsent(fetch, page)).get('code')).toBeTruthy();
  });

  it('gives the browser an Entra session, so a later prompt=none succeeds', async () => {
    expect(sandbox.world.entra.hasSession).toBe(false);
    answerOf(await open(fetch, authorizeUrl(makePkce())));
    const silent = answerOf(await open(fetch, authorizeUrl(makePkce(), { prompt: 'none' })));
    expect(silent.get('code')).toBeTruthy();
  });

  it.each([
    ['login.microsoftonline.com'],
    ['login.microsoftonline.us'],
    ['login.chinacloudapi.cn'],
  ])('behaves the same on %s, with its own host in the issuer', async (host) => {
    const pkce = makePkce();
    const code = answerOf(await open(fetch, authorizeUrl(pkce, {}, { host }))).get('code') ?? '';
    const body = (await (await redeemCode(fetch, code, pkce, {}, { host })).json()) as TokenBody;
    expect(claimsOf(body.id_token ?? '').iss).toBe(`https://${host}/${SANDBOX_TENANT_ID}/v2.0`);
  });

  it.each([[SANDBOX_TENANT_DOMAIN], ['common'], ['organizations']])('resolves the tenant addressed as %s', async (tenant) => {
    const pkce = makePkce();
    const code = answerOf(await open(fetch, authorizeUrl(pkce, {}, { tenant }))).get('code') ?? '';
    const body = (await (await redeemCode(fetch, code, pkce, {}, { tenant })).json()) as TokenBody;
    expect(claimsOf(body.id_token ?? '')).toMatchObject({ tid: SANDBOX_TENANT_ID, iss: `https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/v2.0` });
  });
});

describe('interactive sign-in, mode consent', () => {
  beforeEach(() => {
    sandbox.world.entra.mode = 'consent';
  });

  it('shows a page that needs a click on #accept, then redirects with a code', async () => {
    const res = await open(fetch, authorizeUrl(makePkce()));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('id="accept"');
    expect(page).toContain('id="cancel"');
    expect(page).toContain('Read Microsoft Intune devices');

    const answer = answerOf(await acceptConsent(fetch, page));
    expect(answer.get('code')).toBeTruthy();
    expect(answer.get('state')).toBe('state-123');
  });

  it('redirects with access_denied and AADSTS65004 when #cancel is clicked', async () => {
    const page = await (await open(fetch, authorizeUrl(makePkce()))).text();
    const answer = answerOf(await open(fetch, cancelLinkOf(page)));
    expect(answer.get('error')).toBe('access_denied');
    expect(answer.get('error_subcode')).toBe('cancel');
    expect(aadstsOf(answer.get('error_description'))).toBe(65004);
    expect(answer.get('state')).toBe('state-123');
    expect(answer.get('code')).toBeNull();
  });

  it('accepts a page only once', async () => {
    const page = await (await open(fetch, authorizeUrl(makePkce()))).text();
    answerOf(await acceptConsent(fetch, page));
    const again = await acceptConsent(fetch, page);
    expect(again.status).toBe(400);
  });
});

describe('interactive sign-in, mode deny', () => {
  it('redirects at once with error=access_denied', async () => {
    sandbox.world.entra.mode = 'deny';
    const answer = answerOf(await open(fetch, authorizeUrl(makePkce())));
    expect(answer.get('error')).toBe('access_denied');
    expect(answer.get('state')).toBe('state-123');
    expect(answer.get('code')).toBeNull();
  });
});

const silent = () => authorizeUrl(makePkce(), { prompt: 'none' });

describe('prompt=none', () => {
  it('answers login_required (AADSTS50058) when the browser has no Entra session', async () => {
    const answer = answerOf(await open(fetch, silent()));
    expect(answer.get('error')).toBe('login_required');
    expect(aadstsOf(answer.get('error_description'))).toBe(50058);
  });

  it('answers login_required when the login hint names someone not signed in', async () => {
    sandbox.world.entra.hasSession = true;
    const answer = answerOf(await open(fetch, authorizeUrl(makePkce(), { prompt: 'none', login_hint: 'someone@contoso.onmicrosoft.com' })));
    expect(answer.get('error')).toBe('login_required');
  });

  it('redirects with a code when there is a session and nothing to ask', async () => {
    sandbox.world.entra.hasSession = true;
    const answer = answerOf(await open(fetch, authorizeUrl(makePkce(), { prompt: 'none', login_hint: SANDBOX_ADMIN.userPrincipalName })));
    expect(answer.get('code')).toBeTruthy();
  });

  it.each([['consent'], ['deny']] as const)('answers interaction_required, never a page, in mode %s', async (mode) => {
    sandbox.world.entra.hasSession = true;
    sandbox.world.entra.mode = mode;
    const answer = answerOf(await open(fetch, silent()));
    expect(answer.get('error')).toBe('interaction_required');
    expect(aadstsOf(answer.get('error_description'))).toBe(65001);
  });
});

describe('requests Entra refuses', () => {
  it('shows an error page with AADSTS700016 for an unknown client id', async () => {
    const res = await open(fetch, authorizeUrl(makePkce(), { client_id: '11111111-2222-3333-4444-555555555555' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('AADSTS700016: Application with identifier &#39;11111111-2222-3333-4444-555555555555&#39; was not found');
  });

  it('shows an error page with AADSTS90002 for an unknown tenant', async () => {
    const res = await open(fetch, authorizeUrl(makePkce(), {}, { tenant: 'fabrikam.onmicrosoft.com' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('AADSTS90002: Tenant &#39;fabrikam.onmicrosoft.com&#39; not found');
  });

  it('shows an error page with AADSTS50011 for a redirect URI not registered as SPA', async () => {
    const res = await open(fetch, authorizeUrl(makePkce(), { redirect_uri: 'https://evil.example/callback' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('AADSTS50011');
  });

  it('accepts the Firefox redirect form and redirect URIs listed in state', async () => {
    const firefox = `https://${'0123456789abcdef0123456789abcdef01234567'}.extensions.allizom.org/`;
    const viaFirefox = await open(fetch, authorizeUrl(makePkce(), { redirect_uri: firefox }));
    expect(viaFirefox.headers.get('location')).toMatch(new RegExp(`^${firefox.replaceAll('.', '\\.')}\\?code=`));

    const extra = 'https://assetpanda.app/intune/callback';
    expect((await open(fetch, authorizeUrl(makePkce(), { redirect_uri: extra }))).status).toBe(400);
    sandbox.world.entra.extraRedirectUris.push(extra);
    expect((await open(fetch, authorizeUrl(makePkce(), { redirect_uri: extra }))).headers.get('location')).toMatch(/^https:\/\/assetpanda\.app\/intune\/callback\?code=/);
  });

  it.each([
    ['no code_challenge', { code_challenge: null }, 9002325],
    ['an unknown method', { code_challenge_method: 'S512' }, 50149],
    ['a challenge of the wrong size', { code_challenge: 'short' }, 501491],
    ['a plain challenge of the wrong size', { code_challenge: 'short', code_challenge_method: 'plain' }, 501491],
  ])('redirects with invalid_request for PKCE with %s', async (_, params, aadsts) => {
    const answer = answerOf(await open(fetch, authorizeUrl(makePkce(), params)));
    expect(answer.get('error')).toBe('invalid_request');
    expect(aadstsOf(answer.get('error_description'))).toBe(aadsts);
  });

  it.each([
    ['plain', { code_challenge_method: 'plain' }],
    ['no method, which Entra takes as plain', { code_challenge_method: null }],
  ])('accepts PKCE with %s, as Entra does: the verifier must then be the challenge itself', async (_, params) => {
    const verifier = makePkce().verifier;
    const plain = { verifier, challenge: verifier };
    const code = answerOf(await open(fetch, authorizeUrl(plain, params))).get('code') ?? '';
    expect(code).toBeTruthy();
    expect((await redeemCode(fetch, code, makePkce())).status).toBe(400);
    expect((await redeemCode(fetch, code, plain)).status).toBe(200);
  });

  it('redirects with unsupported_response_type for anything but code', async () => {
    const answer = answerOf(await open(fetch, authorizeUrl(makePkce(), { response_type: 'token' })));
    expect(answer.get('error')).toBe('unsupported_response_type');
  });

  it('redirects with the scope errors Entra gives', async () => {
    const unknown = answerOf(await open(fetch, authorizeUrl(makePkce(), { scope: 'https://graph.microsoft.com/Nope.Read openid' })));
    expect(aadstsOf(unknown.get('error_description'))).toBe(650053);
    const otherResource = answerOf(await open(fetch, authorizeUrl(makePkce(), { scope: 'https://management.azure.com/user_impersonation' })));
    expect(otherResource.get('error')).toBe('invalid_resource');
    const mixed = answerOf(await open(fetch, authorizeUrl(makePkce(), { scope: 'https://graph.microsoft.com/.default User.Read' })));
    expect(mixed.get('error')).toBe('invalid_scope');
  });

  it('describes errors with trace, correlation and timestamp lines', async () => {
    const answer = answerOf(await open(fetch, authorizeUrl(makePkce(), { code_challenge: null })));
    expect(answer.get('error_description')).toMatch(
      /^AADSTS9002325: .+\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    );
    expect(answer.get('error_uri')).toBe('https://login.microsoftonline.com/error?code=9002325');
  });
});
