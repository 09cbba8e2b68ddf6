import type { Page } from 'playwright-core';
import { collectionNamed } from '../sandbox/assetpanda-api/tenant.ts';
import { intuneError, intuneFailureText, throttled } from '../sandbox/graph/errors.ts';
import type { Sandbox } from '../sandbox/server.ts';
import type { ExtensionBrowser } from './browser.ts';
import { confirmAction, openConfirmation } from './confirm-window.ts';
import { sendFromPage } from './extension-messages.ts';
import { describe, expect, test } from './fixtures.ts';
import { linkedRecord } from './linked-records.ts';
import { PANEL_HOST, panelIn } from './panel.ts';
import { openLinkedRecord } from './panel-setup.ts';

// The Asset Panda page is hostile: its scripts can reach the panel's open shadow root, post messages
// and change the URL. None of that may start a device action; each attempt below ends with nothing
// sent to Intune (world.graph.requests) and nothing written to Asset Panda (sandbox.requests).

/** Every device write Intune received, whatever its answer. */
const deviceWrites = (sandbox: Sandbox) => sandbox.world.graph.requests.map(({ action, status }) => `${action} ${status}`);
const recordWrites = (sandbox: Sandbox) => sandbox.requests.filter((r) => r.host === 'api.assetpanda.app' && ['PUT', 'POST', 'DELETE'].includes(r.method) && r.path === '/collection-records');
const confirmationWindows = (browser: ExtensionBrowser) => browser.context.pages().filter((p) => p.url().includes('/confirm-action.html'));

const recordPage = (browser: ExtensionBrowser, sandbox: Sandbox, os: string) => openLinkedRecord(browser, sandbox, (d) => d.operatingSystem === os);

/** Nothing a page does can be awaited from outside: "nothing happened" is checked after a pause. */
const settle = (page: Page) => page.waitForTimeout(1_500);

describe('attacks from the Asset Panda page and forged requests', () => {
  test('scripted clicks, key presses and window messages on the panel trigger nothing', async ({ browser, sandbox }) => {
    const { record, page } = await recordPage(browser, sandbox, 'macOS');

    await page.evaluate(
      ({ hostTag, deviceId }) => {
        const root = document.querySelector(hostTag)?.shadowRoot;
        for (const button of root?.querySelectorAll('button') ?? []) {
          button.click();
          button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
          button.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
        }
        for (const type of ['requestDeviceAction', 'runDeviceAction', 'confirmDeviceAction', 'syncRecordFromIntune']) {
          window.postMessage({ type, payload: { deviceId, action: 'wipe', requestId: 'x', token: 'y', options: {} } }, '*');
        }
      },
      { hostTag: PANEL_HOST, deviceId: record.device.id },
    );
    await settle(page);

    expect(confirmationWindows(browser)).toEqual([]);
    expect(deviceWrites(sandbox)).toEqual([]);
    expect(recordWrites(sandbox)).toEqual([]);
    await expect(panelIn(page, 'device').getByRole('button', { name: 'Microsoft Intune' }).getAttribute('aria-expanded')).resolves.toBe('true');
  });

  test("a page that rewrites the panel's text cannot change which device the confirmation names", async ({ browser, sandbox }) => {
    const { record, page } = await recordPage(browser, sandbox, 'macOS');
    const other = linkedRecord(sandbox.world, (d) => d.id !== record.device.id);

    await page.evaluate(
      ({ hostTag, name, id }) => {
        const root = document.querySelector(hostTag)?.shadowRoot;
        const shown = root?.querySelector('[data-testid="panel-device-name"]');
        if (shown) shown.textContent = name;
        root?.querySelector('[data-testid="panel-device"]')?.setAttribute('data-device-id', id);
        for (const button of root?.querySelectorAll('button[aria-disabled]') ?? []) button.removeAttribute('aria-disabled');
      },
      { hostTag: PANEL_HOST, name: other.device.deviceName ?? '', id: other.device.id },
    );
    const confirmation = await openConfirmation(browser, page, 'Retire');

    const named = await confirmation.getByTestId('confirm-device').textContent();
    expect(named).toContain(record.device.id);
    expect(named).not.toContain(other.device.id);
    await expect(confirmation.locator('h1').textContent()).resolves.toBe(`Retire “${record.device.deviceName}”`);
    expect(deviceWrites(sandbox)).toEqual([]);
  });

  test('forged and replayed tokens, and confirmations sent from other extension pages, run nothing', async ({ browser, sandbox }) => {
    const { record, page } = await recordPage(browser, sandbox, 'iOS');
    const confirmation = await openConfirmation(browser, page, 'Remote lock');
    const requestId = decodeURIComponent(new URL(confirmation.url()).hash.slice(1));

    const forged = await sendFromPage(confirmation, 'runDeviceAction', { requestId, token: 'A'.repeat(43), options: {} });
    expect(forged).toMatchObject({ ok: false, error: { code: 'confirmation-invalid' } });

    const options = await browser.openOptions();
    for (const type of ['getActionConfirmation', 'confirmDeviceAction', 'runDeviceAction']) {
      const reply = await sendFromPage(options, type, { requestId, typedName: '', token: 'A'.repeat(43), options: {} });
      expect(reply, type).toMatchObject({ ok: false, error: { code: 'not-confirmation-window' } });
    }

    const issued = await sendFromPage(confirmation, 'confirmDeviceAction', { requestId, typedName: '', options: {} });
    if (!issued.ok) throw new Error(issued.error.message);
    const { token } = issued.value as { token: string };
    const otherOptions = await sendFromPage(confirmation, 'runDeviceAction', { requestId, token, options: { keepUserData: true } });
    expect(otherOptions).toMatchObject({ ok: false, error: { code: 'confirmation-mismatch' } });
    expect(deviceWrites(sandbox)).toEqual([]);

    await expect(sendFromPage(confirmation, 'runDeviceAction', { requestId, token, options: {} })).resolves.toMatchObject({ ok: true, value: { outcome: 'sent' } });
    const replayed = await sendFromPage(confirmation, 'runDeviceAction', { requestId, token, options: {} });
    expect(replayed.ok).toBe(false);
    expect(deviceWrites(sandbox)).toEqual(['remoteLock 204']);
    expect(sandbox.world.graph.requests[0]?.deviceId).toBe(record.device.id);
  });

  test('a record outside any mapped collection, reached by the URL the page sets, offers no actions', async ({ browser, sandbox }) => {
    const { page } = await recordPage(browser, sandbox, 'Windows');
    const employees = collectionNamed(sandbox.world.assetPanda, 'Employees');
    const [employee] = employees.records.keys();

    // The page moves itself to an employee's record, by the route the extension knows and by one it does not.
    await page.evaluate((url) => history.pushState(null, '', url), `/collections/${employees.id}/records/${employee}`);
    await panelIn(page, 'no-mapping').filter({ hasText: 'Employees' }).waitFor();
    await expect(panelIn(page).getByRole('button', { name: /…$/ }).count()).resolves.toBe(0);
    await page.evaluate((url) => history.pushState(null, '', url), `/records/${employee}`);
    await page.locator(PANEL_HOST).waitFor({ state: 'detached' });
    await settle(page);

    await expect(page.locator(PANEL_HOST).count()).resolves.toBe(0);
    expect(deviceWrites(sandbox)).toEqual([]);
  });

  test('a device deleted from Intune meanwhile is not acted on, before or after the confirmation', async ({ browser, sandbox }) => {
    const { record, page } = await recordPage(browser, sandbox, 'macOS');
    const confirmation = await openConfirmation(browser, page, 'Retire');
    const graph = sandbox.world.graph;
    graph.devices.splice(graph.devices.findIndex((d) => d.id === record.device.id), 1);

    // The panel still shows the device: asking for another action is refused when the background looks again.
    await panelIn(page, 'device').getByRole('button', { name: 'Wipe…' }).click();
    await panelIn(page).getByTestId('panel-note').filter({ hasText: 'no longer linked to an Intune device' }).waitFor();
    expect(confirmationWindows(browser)).toHaveLength(1);

    // The confirmation opened before the delete reads the device again before acting.
    await expect(confirmAction(confirmation)).resolves.toBe('failed');
    await expect(confirmation.getByTestId('confirm-outcome').textContent()).resolves.toContain('Intune no longer has this device');
    expect(deviceWrites(sandbox)).toEqual([]);
  });

  test('Intune refusing the action for the platform (400) is told as such', async ({ browser, sandbox }) => {
    const { page } = await recordPage(browser, sandbox, 'Android');
    sandbox.fault({
      host: 'graph.microsoft.com',
      method: 'POST',
      path: /\/remoteLock$/,
      response: intuneError(400, 'BadRequest', intuneFailureText('/deviceManagement/managedDevices/x/microsoft.management.services.api.remoteLock')),
    });

    await expect(confirmAction(await openConfirmation(browser, page, 'Remote lock'))).resolves.toBe('failed');

    const outcome = await page.context().pages().find((p) => p.url().includes('/confirm-action.html'))?.getByTestId('confirm-outcome').textContent();
    expect(outcome).toContain('Intune refused Remote lock for this device: its platform or enrollment does not support it');
    expect(deviceWrites(sandbox)).toEqual([]);
  });

  test('Intune throttling (429) says so and when to try again; nothing is sent', async ({ browser, sandbox }) => {
    const { page } = await recordPage(browser, sandbox, 'Windows');
    sandbox.fault({ host: 'graph.microsoft.com', method: 'POST', path: /\/syncDevice$/, response: throttled(1), times: 10 });

    const confirmation = await openConfirmation(browser, page, 'Sync device');
    await expect(confirmAction(confirmation)).resolves.toBe('failed');

    await expect(confirmation.getByTestId('confirm-outcome').textContent()).resolves.toMatch(/throttling requests .* so Sync device was not done\. Try again in 1 second\./);
    expect(deviceWrites(sandbox)).toEqual([]);
  });
});
