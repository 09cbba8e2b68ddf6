import type { Page } from 'playwright-core';
import { SANDBOX_ADMIN, SANDBOX_TENANT_ID, SANDBOX_USER_WITHOUT_ROLE } from '../sandbox/directory.ts';
import { SANDBOX_CLIENT_ID } from '../sandbox/entra/state.ts';
import type { ExtensionBrowser } from './browser.ts';
import { connectIntune, fillIntuneForm } from './connect.ts';
import { describe, expect, test } from './fixtures.ts';

const REQUIRED = [
  'DeviceManagementManagedDevices.ReadWrite.All',
  'DeviceManagementManagedDevices.PrivilegedOperations.All',
  'User.Read.All',
  'Group.Read.All',
  'DeviceManagementApps.Read.All',
];

const intuneSection = (options: Page) => options.getByTestId('intune-connection');
const testAndSaveButton = (options: Page) => intuneSection(options).getByRole('button', { name: 'Test and Save Connection' });

/** The next window Microsoft opens for this endpoint (sign-in: `authorize`, sign-out: `logout`), and no other page. */
const microsoftWindow = (browser: ExtensionBrowser, endpoint: 'authorize' | 'logout') =>
  browser.context.waitForEvent('page', { predicate: (page) => new URL(page.url()).pathname.endsWith(`/oauth2/v2.0/${endpoint}`) });

/** Clicks "Test and Save Connection" and accepts Entra's consent page in the sign-in window. */
async function testAndSaveWithConsent(browser: ExtensionBrowser, options: Page): Promise<void> {
  const signInWindow = microsoftWindow(browser, 'authorize');
  await testAndSaveButton(options).click();
  const consent = await signInWindow;
  await consent.locator('#accept').click();
}

const statusOf = (options: Page, scope: string) => options.locator(`[data-testid="permission-checks"] tr[data-scope="${scope}"]`);

describe('Connect to Intune', () => {
  test('from a fresh profile: fill the form, sign in, every permission Granted, connection saved', async ({ browser, sandbox }) => {
    sandbox.world.entra.mode = 'consent';
    const options = await browser.openOptions();
    await expect(options.getByTestId('redirect-uri').textContent()).resolves.toBe(`https://${browser.extensionId}.chromiumapp.org/`);
    await fillIntuneForm(options, { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID });

    await testAndSaveWithConsent(browser, options);

    const outcome = options.getByTestId('intune-test-outcome');
    await expect(outcome.getAttribute('data-saved')).resolves.toBe('true');
    for (const scope of REQUIRED) await expect(statusOf(options, scope).getAttribute('data-status')).resolves.toBe('granted');
    await expect(outcome.textContent()).resolves.toContain(SANDBOX_ADMIN.userPrincipalName);

    // The token went to Entra with PKCE, from the extension, and never with a secret.
    const tokenRequest = sandbox.requests.find((r) => r.path.endsWith('/oauth2/v2.0/token'))!;
    expect(tokenRequest.body).toContain('code_verifier=');
    expect(tokenRequest.body).not.toContain('client_secret');
    expect(tokenRequest.headers.origin).toBe(`chrome-extension://${browser.extensionId}`);

    const reloaded = await browser.openOptions();
    await expect(reloaded.getByTestId('intune-state').textContent()).resolves.toContain(SANDBOX_ADMIN.userPrincipalName);
    const popup = await browser.openPopup();
    await expect(popup.getByTestId('intune-status').textContent()).resolves.toContain(`Signed in to Intune as ${SANDBOX_ADMIN.userPrincipalName}`);
  });

  test('a scope the app registration lacks shows as Missing, and nothing is saved', async ({ browser, sandbox }) => {
    sandbox.world.entra.configuredScopes.delete('Group.Read.All');
    const options = await browser.openOptions();
    await fillIntuneForm(options, { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID });

    await testAndSaveButton(options).click();

    const outcome = options.getByTestId('intune-test-outcome');
    await expect(outcome.getAttribute('data-saved')).resolves.toBe('false');
    await expect(statusOf(options, 'Group.Read.All').getAttribute('data-status')).resolves.toBe('missing');
    await expect(statusOf(options, 'User.Read.All').getAttribute('data-status')).resolves.toBe('granted');
    await expect(outcome.textContent()).resolves.toContain('Group.Read.All');

    const reloaded = await browser.openOptions();
    await intuneSection(reloaded).getByLabel('Tenant ID').waitFor();
    await expect(reloaded.getByTestId('intune-state').count()).resolves.toBe(0);
  });

  test('a malformed Tenant ID or Client ID is refused on the form, before any sign-in', async ({ browser, sandbox }) => {
    const options = await browser.openOptions();
    await fillIntuneForm(options, { tenantId: 'my tenant', clientId: '1234' });
    await testAndSaveButton(options).click();
    await expect(options.locator('#tenantId-error').textContent()).resolves.toContain('Directory (tenant) ID');
    await expect(options.locator('#clientId-error').textContent()).resolves.toContain('Application (client) ID');
    expect(sandbox.requests.filter((r) => r.host === 'login.microsoftonline.com')).toHaveLength(0);
  });

  test('a revoked sign-in makes the extension ask to sign in again, and signing in restores it', async ({ browser, sandbox }) => {
    // Short-lived access tokens: the popup's check has to use the refresh token.
    sandbox.world.entra.accessTokenLifetimeSeconds = 60;
    await connectIntune(browser);

    sandbox.world.entra.revokeRefreshTokens();

    const popup = await browser.openPopup();
    await expect(popup.getByTestId('intune-status').textContent()).resolves.toContain('Signed out of Intune');
    await expect(popup.getByRole('status').first().textContent()).resolves.toMatch(/expired or was revoked/);

    sandbox.world.entra.mode = 'consent';
    const signInWindow = microsoftWindow(browser, 'authorize');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await (await signInWindow).locator('#accept').click();
    await popup.getByTestId('intune-status').filter({ hasText: `Signed in to Intune as ${SANDBOX_ADMIN.userPrincipalName}` }).waitFor();
  });
});

describe('Connect to Intune: signing in and out', () => {
  test('Sign in as a second account is refused, naming both accounts, and the connection stays as it was', async ({ browser, sandbox }) => {
    const options = await connectIntune(browser);
    await intuneSection(options).getByRole('button', { name: 'Sign out', exact: true }).click();
    await options.getByTestId('intune-state').filter({ hasText: 'Signed out' }).waitFor();

    sandbox.world.entra.signedInUserId = SANDBOX_USER_WITHOUT_ROLE.id;
    const popup = await browser.openPopup();
    await popup.getByRole('button', { name: 'Sign in' }).click();

    const refusal = popup.getByRole('alert');
    await expect(refusal.textContent()).resolves.toContain(`You signed in as Alex Wilber (${SANDBOX_USER_WITHOUT_ROLE.userPrincipalName}`);
    await expect(refusal.textContent()).resolves.toContain(`connected as Megan Bowen (${SANDBOX_ADMIN.userPrincipalName}`);
    const authorize = sandbox.requests.filter((r) => r.path.endsWith('/oauth2/v2.0/authorize')).at(-1);
    expect(authorize?.query.login_hint).toBe(SANDBOX_ADMIN.userPrincipalName);
    await expect(popup.getByTestId('intune-status').textContent()).resolves.toContain(`Sign in as ${SANDBOX_ADMIN.userPrincipalName}`);
    const reloaded = await browser.openOptions();
    await expect(reloaded.getByTestId('intune-state').textContent()).resolves.toContain(SANDBOX_ADMIN.userPrincipalName);
  });

  test('Sign out sticks: the renewal alarm goes, nothing signs in afterwards, and Sign out of Microsoft ends the browser session', async ({ browser, sandbox }) => {
    const renewalAlarm = () =>
      browser.serviceWorker.evaluate(async () => {
        const { alarms } = (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<unknown> } } }).chrome;
        return (await alarms.get('intune-sign-in-renewal')) !== undefined;
      });
    const options = await connectIntune(browser);
    await expect(renewalAlarm()).resolves.toBe(true);

    await intuneSection(options).getByRole('button', { name: 'Sign out', exact: true }).click();
    await options.getByTestId('intune-state').filter({ hasText: 'Signed out' }).waitFor();
    await expect(renewalAlarm()).resolves.toBe(false);
    const signedOutAt = sandbox.requests.length;

    const popup = await browser.openPopup();
    await expect(popup.getByTestId('intune-status').textContent()).resolves.toContain('Signed out of Intune');
    expect(sandbox.requests.slice(signedOutAt).filter((r) => r.host === 'login.microsoftonline.com')).toEqual([]);

    const signOutWindow = microsoftWindow(browser, 'logout');
    await intuneSection(options).getByRole('button', { name: 'Sign out of Microsoft too' }).click();
    const picker = await signOutWindow;
    await picker.locator('#sign-out-account').click();
    await intuneSection(options).getByRole('button', { name: 'Sign out of Microsoft too' }).and(options.locator(':enabled')).waitFor();
    expect(sandbox.world.entra.hasSession).toBe(false);
    await expect(options.getByTestId('intune-failure').count()).resolves.toBe(0);
  });
});

describe('Connect to Intune: what the admin is told', () => {
  test('permissions the tenant has not consented show as Needs admin consent, with who must grant it', async ({ browser, sandbox }) => {
    const { entra, directory } = sandbox.world;
    entra.signedInUserId = directory.users.find((u) => u.userPrincipalName.startsWith('alex.wilber'))!.id;
    entra.consentedScopes.delete('DeviceManagementApps.Read.All');
    const options = await browser.openOptions();
    await fillIntuneForm(options, { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID });

    const signInWindow = microsoftWindow(browser, 'authorize');
    await testAndSaveButton(options).click();
    const approval = await signInWindow;
    await expect(approval.textContent('body')).resolves.toContain('AADSTS90094');
    await approval.locator('#cancel').click();

    const outcome = options.getByTestId('intune-test-outcome');
    await expect(outcome.getAttribute('data-saved')).resolves.toBe('false');
    for (const scope of REQUIRED) await expect(statusOf(options, scope).getAttribute('data-status')).resolves.toBe('needs-admin-consent');
    await expect(outcome.textContent()).resolves.toContain('Grant admin consent');
  });

  test('an account without an Intune role is told so in plain words, with the fix', async ({ browser, sandbox }) => {
    const { entra, directory } = sandbox.world;
    entra.signedInUserId = directory.users.find((u) => !u.intuneRole)!.id;
    const options = await browser.openOptions();
    await fillIntuneForm(options, { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID });

    await testAndSaveButton(options).click();

    const outcome = options.getByTestId('intune-test-outcome');
    await expect(outcome.getAttribute('data-saved')).resolves.toBe('false');
    await expect(outcome.textContent()).resolves.toContain('no Intune role');
    await expect(outcome.textContent()).resolves.toContain('Intune Administrator');
  });

  test('a tenant Entra does not know is named, and the saved connection is left as it was', async ({ browser }) => {
    const options = await connectIntune(browser);

    await fillIntuneForm(options, { tenantId: '0f0f0f0f-1111-2222-3333-444444444444', clientId: SANDBOX_CLIENT_ID });
    await testAndSaveButton(options).click();
    const outcome = options.locator('[data-testid="intune-test-outcome"][data-saved="false"]');
    await expect(outcome.textContent()).resolves.toContain('does not know the tenant "0f0f0f0f-1111-2222-3333-444444444444"');

    const reloaded = await browser.openOptions();
    await expect(reloaded.getByTestId('intune-state').textContent()).resolves.toContain(SANDBOX_TENANT_ID);
    await expect(intuneSection(reloaded).getByLabel('Tenant ID').inputValue()).resolves.toBe(SANDBOX_TENANT_ID);
  });

  test('a network failure says to check the network', async ({ browser, sandbox }) => {
    sandbox.fault({ host: 'login.microsoftonline.com', drop: true, times: 10 });
    const options = await browser.openOptions();
    await fillIntuneForm(options, { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID });
    await testAndSaveButton(options).click();
    await expect(options.getByTestId('intune-test-outcome').textContent()).resolves.toContain('Could not reach Microsoft sign-in');
  });

  test('Microsoft sign-in failing with 5xx says to try again later', async ({ browser, sandbox }) => {
    sandbox.fault({ host: 'login.microsoftonline.com', response: { status: 503, body: '' }, times: 10 });
    const options = await browser.openOptions();
    await fillIntuneForm(options, { tenantId: SANDBOX_TENANT_ID, clientId: SANDBOX_CLIENT_ID });
    await testAndSaveButton(options).click();
    await expect(options.getByTestId('intune-test-outcome').textContent()).resolves.toContain('try again in a few minutes');
  });
});
