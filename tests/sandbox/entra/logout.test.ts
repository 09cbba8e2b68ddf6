import { describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { SANDBOX_ADMIN, SANDBOX_TENANT_ID } from '../directory.ts';
import { answerOf, authorizeUrl, CHROME_REDIRECT_URI, makePkce, open, refresh, signIn } from './flow.ts';

const sandbox = useSandbox();
const { fetch } = sandbox;

const logoutUrl = (postLogoutRedirectUri = CHROME_REDIRECT_URI) =>
  `https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(postLogoutRedirectUri)}`;

/** Picks the account on the sign-out page, as a click on it does. */
async function pickAccount(page: string): Promise<Response> {
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  const back = /name="post_logout_redirect_uri" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !page.includes('id="sign-out-account"')) throw new Error('The page has no account to pick');
  return fetch(`https://login.microsoftonline.com${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(back ? { post_logout_redirect_uri: back.replaceAll('&#38;', '&') } : {}).toString(),
    redirect: 'manual',
  });
}

describe('sign-out (end_session_endpoint)', () => {
  it('is the discovery document’s end_session_endpoint', async () => {
    const metadata = (await (await fetch(`https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/v2.0/.well-known/openid-configuration`)).json()) as {
      end_session_endpoint: string;
    };
    expect(metadata.end_session_endpoint).toBe(`https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/oauth2/v2.0/logout`);
  });

  it('asks which account to sign out of, ends the browser session, returns to the app, and revokes no refresh token', async () => {
    const tokens = await signIn(fetch);
    expect(sandbox.world.entra.hasSession).toBe(true);

    const picker = await open(fetch, logoutUrl());
    expect(picker.status).toBe(200);
    const page = await picker.text();
    expect(page).toContain(SANDBOX_ADMIN.userPrincipalName);

    const back = await pickAccount(page);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe(CHROME_REDIRECT_URI);
    expect(sandbox.world.entra.hasSession).toBe(false);
    expect(answerOf(await open(fetch, authorizeUrl(makePkce(), { prompt: 'none' }))).get('error')).toBe('login_required');
    // "Entra cannot revoke a single refresh token": signing out of the browser leaves it valid.
    expect((await refresh(fetch, tokens.refresh_token ?? '')).status).toBe(200);
  });

  it('returns at once when the browser has no session, and only to a registered redirect URI', async () => {
    const back = await open(fetch, logoutUrl());
    expect(back.headers.get('location')).toBe(CHROME_REDIRECT_URI);
    const elsewhere = await open(fetch, logoutUrl('https://evil.example/'));
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get('location')).toBeNull();
    expect(await elsewhere.text()).toContain('You signed out of your account');
  });
});
