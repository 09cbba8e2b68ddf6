import { beforeEach, describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { SANDBOX_ADMIN, SANDBOX_USER_WITHOUT_ROLE } from '../directory.ts';
import { aadstsOf, acceptConsent, answerOf, authorizeUrl, cancelLinkOf, claimsOf, makePkce, open, redeemCode, signIn, type TokenBody } from './flow.ts';

const PRIVILEGED = 'DeviceManagementManagedDevices.PrivilegedOperations.All';
const READ_DEVICES = 'DeviceManagementManagedDevices.Read.All';
const DEFAULT_SCOPE = 'https://graph.microsoft.com/.default openid profile offline_access';
const ASK_PRIVILEGED = `https://graph.microsoft.com/${PRIVILEGED} openid profile offline_access`;

const sandbox = useSandbox();
const { fetch } = sandbox;

async function scpAfterSignIn(scope: string): Promise<string[]> {
  const body = await signIn(fetch, { scope });
  return String(claimsOf(body.access_token).scp).split(' ');
}

describe('scopes granted by .default', () => {
  it('are the configured, consented Graph permissions', async () => {
    const scp = await scpAfterSignIn(DEFAULT_SCOPE);
    expect(scp).toEqual(expect.arrayContaining([READ_DEVICES, PRIVILEGED, 'User.Read', 'openid', 'profile']));
    expect(scp).not.toContain('offline_access');
  });

  it('silently leave out a permission the registration does not configure (withheld)', async () => {
    sandbox.world.entra.configuredScopes.delete(PRIVILEGED);
    const scp = await scpAfterSignIn(DEFAULT_SCOPE);
    expect(scp).toContain(READ_DEVICES);
    expect(scp).not.toContain(PRIVILEGED);
  });

  it('accept Graph scopes as full URIs or short names alike', async () => {
    expect(await scpAfterSignIn(`${READ_DEVICES} openid`)).toEqual([READ_DEVICES, 'openid']);
  });
});

describe('an admin-only scope configured but not consented', () => {
  beforeEach(() => {
    sandbox.world.entra.consentedScopes.delete(PRIVILEGED);
  });

  it('shows a consent-capable admin the consent page with the organization checkbox', async () => {
    const res = await open(fetch, authorizeUrl(makePkce(), { scope: ASK_PRIVILEGED }));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Permissions requested');
    expect(page).toContain(`data-scope="${PRIVILEGED}"`);
    expect(page).toContain('Consent on behalf of your organization');
  });

  it('grants it tenant-wide when the admin ticks "Consent on behalf of your organization"', async () => {
    const pkce = makePkce();
    const page = await (await open(fetch, authorizeUrl(pkce, { scope: ASK_PRIVILEGED }))).text();
    const code = answerOf(await acceptConsent(fetch, page, { onBehalfOfOrganization: true })).get('code') ?? '';
    const body = (await (await redeemCode(fetch, code, pkce)).json()) as TokenBody;
    expect(String(claimsOf(body.access_token).scp).split(' ')).toContain(PRIVILEGED);
    expect(sandbox.world.entra.consentedScopes.has(PRIVILEGED)).toBe(true);

    // Another user now gets it without any page.
    sandbox.world.entra.signedInUserId = SANDBOX_USER_WITHOUT_ROLE.id;
    expect(await scpAfterSignIn(ASK_PRIVILEGED)).toContain(PRIVILEGED);
  });

  it('grants it to the admin alone without the checkbox', async () => {
    const page = await (await open(fetch, authorizeUrl(makePkce(), { scope: ASK_PRIVILEGED }))).text();
    answerOf(await acceptConsent(fetch, page));
    expect(sandbox.world.entra.consentedScopes.has(PRIVILEGED)).toBe(false);
    expect(await scpAfterSignIn(ASK_PRIVILEGED)).toContain(PRIVILEGED);

    sandbox.world.entra.signedInUserId = SANDBOX_USER_WITHOUT_ROLE.id;
    const res = await open(fetch, authorizeUrl(makePkce(), { scope: ASK_PRIVILEGED }));
    expect(await res.text()).toContain('Need admin approval');
  });

  it('shows a user who cannot consent "Need admin approval" (AADSTS90094), whose #cancel redirects with access_denied', async () => {
    sandbox.world.entra.signedInUserId = SANDBOX_USER_WITHOUT_ROLE.id;
    const res = await open(fetch, authorizeUrl(makePkce(), { scope: ASK_PRIVILEGED }));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Need admin approval');
    expect(page).toContain('AADSTS90094');
    expect(page).not.toContain('id="accept"');

    const answer = answerOf(await open(fetch, cancelLinkOf(page)));
    expect(answer.get('error')).toBe('access_denied');
    expect(answer.get('state')).toBe('state-123');
  });

  it('cannot be accepted from the admin-approval page', async () => {
    sandbox.world.entra.signedInUserId = SANDBOX_USER_WITHOUT_ROLE.id;
    const page = await (await open(fetch, authorizeUrl(makePkce(), { scope: ASK_PRIVILEGED }))).text();
    const ctx = /ctx=([^"&]+)/.exec(page)?.[1] ?? '';
    const forged = await fetch('https://login.microsoftonline.com/common/Consent/Set', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ctx: decodeURIComponent(ctx), consent_on_behalf: 'true' }).toString(),
      redirect: 'manual',
    });
    expect(forged.status).toBe(400);
    expect(sandbox.world.entra.consentedScopes.has(PRIVILEGED)).toBe(false);
  });

  it('answers prompt=none with consent_required (AADSTS65001), for admins and users alike', async () => {
    sandbox.world.entra.hasSession = true;
    for (const user of [SANDBOX_ADMIN, SANDBOX_USER_WITHOUT_ROLE]) {
      sandbox.world.entra.signedInUserId = user.id;
      const answer = answerOf(await open(fetch, authorizeUrl(makePkce(), { scope: ASK_PRIVILEGED, prompt: 'none' })));
      expect(answer.get('error')).toBe('consent_required');
      expect(aadstsOf(answer.get('error_description'))).toBe(65001);
    }
  });

  it('asks for it through .default as well', async () => {
    const page = await (await open(fetch, authorizeUrl(makePkce(), { scope: DEFAULT_SCOPE }))).text();
    expect(page).toContain(`data-scope="${PRIVILEGED}"`);
    expect(page).not.toContain(`data-scope="${READ_DEVICES}"`);
  });
});

describe('a withheld scope requested explicitly', () => {
  it('is treated like a scope not consented', async () => {
    sandbox.world.entra.configuredScopes.delete(PRIVILEGED);
    sandbox.world.entra.signedInUserId = SANDBOX_USER_WITHOUT_ROLE.id;
    const page = await (await open(fetch, authorizeUrl(makePkce(), { scope: ASK_PRIVILEGED }))).text();
    expect(page).toContain('Need admin approval');

    sandbox.world.entra.signedInUserId = SANDBOX_ADMIN.id;
    const consent = await (await open(fetch, authorizeUrl(makePkce(), { scope: ASK_PRIVILEGED }))).text();
    expect(consent).toContain(`data-scope="${PRIVILEGED}"`);
  });
});

describe('user-consentable scopes not yet consented', () => {
  it('show the consent page, without the organization checkbox, to a user who is no admin', async () => {
    sandbox.world.entra.consentedScopes.delete('User.Read');
    sandbox.world.entra.signedInUserId = SANDBOX_USER_WITHOUT_ROLE.id;
    const scope = 'User.Read openid profile offline_access';
    const page = await (await open(fetch, authorizeUrl(makePkce(), { scope }))).text();
    expect(page).toContain('data-scope="User.Read"');
    expect(page).not.toContain('Consent on behalf of your organization');
    answerOf(await acceptConsent(fetch, page));
    // The user's own consent holds for the next sign-in.
    expect(await scpAfterSignIn(scope)).toContain('User.Read');
  });
});
