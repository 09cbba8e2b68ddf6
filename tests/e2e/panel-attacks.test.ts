import { collectionNamed } from '../sandbox/assetpanda-api/tenant.ts';
import { intuneError, intuneFailureText, throttled } from '../sandbox/graph/errors.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { deviceWrites, recordWrites } from '../support/writes.ts';
import type { ExtensionBrowser } from './browser.ts';
import { confirmAction, openConfirmation } from './confirm-window.ts';
import { sendFromPage } from './extension-messages.ts';
import { describe, expect, test } from './fixtures.ts';
import { linkedRecord, recordValues } from './linked-records.ts';
import { PANEL_HOST, panelIn, scriptPressesPanelButtons } from './panel.ts';
import { contentScriptOf, pagesOpening } from './panel-pages.ts';
import { openLinkedRecord } from './panel-setup.ts';

// The Asset Panda page is hostile: its scripts can reach the panel's open shadow root, post messages,
// change the URL, and (if they take over the content script) send its messages. None of that may
// start a device action, or read or write another record; each attempt below ends with nothing sent
// to Intune (world.graph.requests, sandbox.requests) and nothing written to Asset Panda.

/** Every device write Intune received, whatever its answer. */
const deviceWritesOf = (sandbox: Sandbox) => deviceWrites(sandbox.world).map(({ action, status }) => `${action} ${status}`);
/** The Graph POSTs of one action that reached the sandbox (a fault answers them before the Graph imitation sees them). */
const graphPosts = (sandbox: Sandbox, action: string) => sandbox.requests.filter((r) => r.host === 'graph.microsoft.com' && r.method === 'POST' && r.path.endsWith(`/${action}`));
const confirmationWindows = (browser: ExtensionBrowser) => browser.context.pages().filter((p) => p.url().includes('/confirm-action.html'));

const recordPage = (browser: ExtensionBrowser, sandbox: Sandbox, os: string) => openLinkedRecord(browser, sandbox, (d) => d.operatingSystem === os);

describe('attacks from the Asset Panda page and forged requests', () => {
  test('scripted clicks, key presses and window messages on the panel trigger nothing', async ({ browser, sandbox }) => {
    const { record, page } = await recordPage(browser, sandbox, 'macOS');
    const confirmations = pagesOpening(browser.context, '/confirm-action.html');

    const pressed = await scriptPressesPanelButtons(page, ['Enter', ' ', 'Escape']);
    await page.evaluate((deviceId) => {
      for (const type of ['requestDeviceAction', 'runDeviceAction', 'confirmDeviceAction', 'syncRecordFromIntune']) {
        window.postMessage({ type, payload: { deviceId, action: 'wipe', requestId: 'x', token: 'y', options: {} } }, '*');
      }
    }, record.device.id);
    // The toggle, Sync this record, and the five actions a macOS device offers.
    expect(pressed).toEqual(expect.arrayContaining(['Sync this record', 'Retire…', 'Wipe…', 'Delete…', 'Remote lock…', 'Sync device…']));

    // The barrier: the admin's own click, whose window opens after any the script could have caused.
    await openConfirmation(browser, page, 'Remote lock');

    expect(confirmations().map((p) => new URL(p.url()).pathname)).toEqual(['/confirm-action.html']);
    await expect(confirmations()[0]?.getByTestId('confirm-action').getAttribute('data-action')).resolves.toBe('remoteLock');
    expect(deviceWritesOf(sandbox)).toEqual([]);
    expect(recordWrites(sandbox.requests)).toEqual([]);
    await expect(panelIn(page, 'device').getByRole('button', { name: 'Microsoft Intune' }).getAttribute('aria-expanded')).resolves.toBe('true');
  });

  test("a page that rewrites the panel's text, or forges the request, cannot change which device or record is acted on", async ({ browser, sandbox }) => {
    const { record, page } = await recordPage(browser, sandbox, 'macOS');
    const other = linkedRecord(sandbox.world, (d) => d.id !== record.device.id);
    const employees = collectionNamed(sandbox.world.assetPanda, 'Employees');
    const [employee = ''] = employees.records.keys();
    const send = await contentScriptOf(browser, page);
    const confirmations = pagesOpening(browser.context, '/confirm-action.html');

    const shownName = await page.evaluate(
      ({ hostTag, name, id }) => {
        const root = document.querySelector(hostTag)?.shadowRoot;
        const shown = root?.querySelector('[data-testid="panel-device-name"]');
        if (!shown) throw new Error('The page script found no device name in the panel.');
        shown.textContent = name;
        root?.querySelector('[data-testid="panel-device"]')?.setAttribute('data-device-id', id);
        return root?.querySelector('[data-testid="panel-device-name"]')?.textContent;
      },
      { hostTag: PANEL_HOST, name: other.device.deviceName ?? '', id: other.device.id },
    );
    expect(shownName).toBe(other.device.deviceName);

    // The request itself, forged from the content script's world: another device on this record,
    // another record with its own device, a record of another collection.
    const forged = [
      { record: { product: 'pro', collectionId: record.collectionId, recordId: record.recordId }, deviceId: other.device.id },
      { record: { product: 'pro', collectionId: other.collectionId, recordId: other.recordId }, deviceId: other.device.id },
      { record: { product: 'pro', collectionId: employees.id, recordId: employee }, deviceId: other.device.id },
    ];
    const replies = [];
    for (const request of forged) replies.push(await send('requestDeviceAction', { ...request, action: 'wipe' }));
    expect(replies).toMatchObject([
      { ok: false, error: { code: 'device-changed' } },
      { ok: false, error: { code: 'not-this-record' } },
      { ok: false, error: { code: 'not-this-record' } },
    ]);

    const confirmation = await openConfirmation(browser, page, 'Retire');
    const named = await confirmation.getByTestId('confirm-device').textContent();
    expect(named).toContain(record.device.id);
    expect(named).not.toContain(other.device.id);
    await expect(confirmation.locator('h1').textContent()).resolves.toBe(`Retire “${record.device.deviceName}”`);
    expect(confirmations()).toEqual([confirmation]);
    expect(deviceWritesOf(sandbox)).toEqual([]);
  });

  test('the content script reads and writes only the record its page shows', async ({ browser, sandbox }) => {
    const { record, page } = await recordPage(browser, sandbox, 'Windows');
    const other = linkedRecord(sandbox.world, (d) => d.id !== record.device.id && d.operatingSystem === 'Windows');
    const employees = collectionNamed(sandbox.world.assetPanda, 'Employees');
    const [employee = ''] = employees.records.keys();
    const before = recordValues(sandbox.world, other.recordId);
    const send = await contentScriptOf(browser, page);
    const confirmations = pagesOpening(browser.context, '/confirm-action.html');
    const own = { product: 'pro', collectionId: record.collectionId, recordId: record.recordId };
    const elsewhere = [
      { product: 'pro', collectionId: other.collectionId, recordId: other.recordId },
      { product: 'pro', collectionId: employees.id, recordId: employee },
    ];

    // Its own record is answered, so the refusals below are about the record asked for.
    await expect(send('getPanelStatus', { record: own, source: 'live' })).resolves.toMatchObject({ ok: true, value: { state: 'device' } });
    for (const target of elsewhere) {
      for (const [type, payload] of [
        ['getPanelStatus', { record: target, source: 'live' }],
        ['getPanelStatus', { record: target, source: 'cache' }],
        ['chooseDevice', { record: target, deviceId: other.device.id }],
        ['syncRecordFromIntune', { record: target, deviceId: other.device.id }],
        ['requestDeviceAction', { record: target, deviceId: other.device.id, action: 'syncDevice' }],
        ['requestFinishDelete', { record: target }],
      ] as const) {
        await expect(send(type, payload), `${type} ${target.recordId}`).resolves.toMatchObject({ ok: false, error: { code: 'not-this-record' } });
      }
    }
    // Naming the other record when asking which record the page shows: the page's own, from its URL.
    await expect(send('locateRecord', { candidates: [other.recordId] })).resolves.toEqual({ ok: true, value: { record: own } });

    expect(recordWrites(sandbox.requests)).toEqual([]);
    expect(recordValues(sandbox.world, other.recordId)).toEqual(before);
    expect(confirmations()).toEqual([]);
    expect(deviceWritesOf(sandbox)).toEqual([]);
  });

  test('a page cannot sign in: the panel only opens the extension’s popup, where the admin signs in', async ({ browser, sandbox }) => {
    const { record, page } = await recordPage(browser, sandbox, 'iOS');
    const options = browser.context.pages().find((p) => p.url().includes('/options.html'));
    if (!options) throw new Error('No options page is open.');
    await sendFromPage(options, 'signOutOfIntune', {});
    const signedOutAt = sandbox.requests.length;
    const send = await contentScriptOf(browser, page);
    const popups = pagesOpening(browser.context, '/popup.html');

    await expect(send('signInFromPanel', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    await expect(send('signInToIntune', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden-message' } });
    await expect(send('openSignIn', { record: { product: 'pro', collectionId: record.collectionId, recordId: record.recordId } })).resolves.toEqual({ ok: true, value: {} });
    await expect.poll(() => popups().length).toBe(1);
    await popups()[0]?.getByTestId('intune-status').filter({ hasText: 'Signed out of Intune' }).waitFor();

    expect(sandbox.requests.slice(signedOutAt).filter((r) => r.host === 'login.microsoftonline.com')).toEqual([]);
    await expect(sendFromPage(options, 'getIntuneConnection', { verify: false })).resolves.toMatchObject({ ok: true, value: { session: { state: 'signed-out' } } });
  });

  test('confirmation windows: one per tab, a new request replaces the old, and a page that keeps asking is stopped', async ({ browser, sandbox }) => {
    const { record, page } = await recordPage(browser, sandbox, 'Android');
    const send = await contentScriptOf(browser, page);
    const confirmations = pagesOpening(browser.context, '/confirm-action.html');
    const first = await openConfirmation(browser, page, 'Retire');
    const firstRequest = decodeURIComponent(new URL(first.url()).hash.slice(1));

    const second = await openConfirmation(browser, page, 'Remote lock');

    await expect.poll(() => first.isClosed()).toBe(true);
    expect(confirmationWindows(browser)).toEqual([second]);
    await expect(sendFromPage(second, 'getActionConfirmation', { requestId: firstRequest })).resolves.toMatchObject({ ok: false, error: { code: 'confirmation-unknown' } });

    // A page that keeps asking: two more windows fit its budget (four a minute), then no more.
    const own = { product: 'pro', collectionId: record.collectionId, recordId: record.recordId };
    const replies = [];
    for (let attempt = 0; attempt < 4; attempt++) replies.push(await send('requestDeviceAction', { record: own, deviceId: record.device.id, action: 'syncDevice' }));
    expect(replies.map((reply) => (reply.ok ? 'opened' : reply.error.code))).toEqual(['opened', 'opened', 'too-many-requests', 'too-many-requests']);
    await expect.poll(() => confirmations().length).toBe(4);
    await expect.poll(() => confirmationWindows(browser).length).toBe(1);
    expect(deviceWritesOf(sandbox)).toEqual([]);
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
    expect(deviceWritesOf(sandbox)).toEqual([]);

    // A second token for the same confirmation: the confirmation still runs once.
    const again = await sendFromPage(confirmation, 'confirmDeviceAction', { requestId, typedName: '', options: {} });
    if (!again.ok) throw new Error(again.error.message);
    const secondToken = (again.value as { token: string }).token;
    const runs = await confirmation.evaluate(
      (tokens) => {
        const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean }> } } }).chrome;
        return Promise.all(tokens.map((each) => runtime.sendMessage({ type: 'runDeviceAction', payload: each })));
      },
      [token, secondToken].map((each) => ({ requestId, token: each, options: {} })),
    );
    expect(runs.filter((reply) => reply.ok)).toMatchObject([{ ok: true, value: { outcome: 'sent' } }]);
    const replayed = await sendFromPage(confirmation, 'runDeviceAction', { requestId, token, options: {} });
    expect(replayed.ok).toBe(false);
    expect(deviceWritesOf(sandbox)).toEqual(['remoteLock 204']);
    expect(sandbox.world.graph.requests[0]?.deviceId).toBe(record.device.id);
  });

  test('a record outside any mapped collection, reached by the URL the page sets, offers no actions', async ({ browser, sandbox }) => {
    const { page } = await recordPage(browser, sandbox, 'Windows');
    const employees = collectionNamed(sandbox.world.assetPanda, 'Employees');
    const [employee] = employees.records.keys();
    const send = await contentScriptOf(browser, page);

    // The page moves itself to an employee's record, by the route the extension knows and by one it does not.
    await page.evaluate((url) => history.pushState(null, '', url), `/collections/${employees.id}/records/${employee}`);
    await panelIn(page, 'no-mapping').filter({ hasText: 'Employees' }).waitFor();
    await expect(panelIn(page).getByRole('button', { name: /…$/ }).count()).resolves.toBe(0);
    await page.evaluate((url) => history.pushState(null, '', url), `/records/${employee}`);
    await page.locator(PANEL_HOST).waitFor({ state: 'detached' });

    // What the panel asked the background on this page, asked again: no record to show.
    await expect(send('locateRecord', {})).resolves.toEqual({ ok: true, value: { record: null } });
    await expect(page.locator(PANEL_HOST).count()).resolves.toBe(0);
    expect(deviceWritesOf(sandbox)).toEqual([]);
  });

  test('a device deleted from Intune meanwhile is not acted on, before or after the confirmation', async ({ browser, sandbox }) => {
    const { record, page } = await recordPage(browser, sandbox, 'macOS');
    const confirmation = await openConfirmation(browser, page, 'Retire');
    const graph = sandbox.world.graph;
    graph.devices.splice(graph.devices.findIndex((d) => d.id === record.device.id), 1);

    // The panel still shows the device: asking for another action is refused when the background looks again.
    await panelIn(page, 'device').getByRole('button', { name: 'Wipe…' }).click();
    await panelIn(page).getByTestId('panel-note').filter({ hasText: 'no longer linked to an Intune device' }).waitFor();
    expect(confirmationWindows(browser)).toEqual([confirmation]);

    // The confirmation opened before the delete reads the device again before acting.
    await expect(confirmAction(confirmation)).resolves.toBe('failed');
    await expect(confirmation.getByTestId('confirm-outcome').textContent()).resolves.toContain('Intune no longer has this device');
    expect(deviceWritesOf(sandbox)).toEqual([]);
  });

  test('Intune refusing the action for the platform (400) is told as such, and not retried', async ({ browser, sandbox }) => {
    const { page } = await recordPage(browser, sandbox, 'Android');
    sandbox.fault({
      host: 'graph.microsoft.com',
      method: 'POST',
      path: /\/remoteLock$/,
      response: intuneError(400, 'BadRequest', intuneFailureText('/deviceManagement/managedDevices/x/microsoft.management.services.api.remoteLock')),
    });
    const confirmation = await openConfirmation(browser, page, 'Remote lock');

    await expect(confirmAction(confirmation)).resolves.toBe('failed');

    await expect(confirmation.getByTestId('confirm-outcome').textContent()).resolves.toContain(
      'Intune refused Remote lock for this device: its platform or enrollment does not support it',
    );
    expect(graphPosts(sandbox, 'remoteLock').map((r) => r.status)).toEqual([400]);
  });

  test('Intune throttling (429) is waited out within bounds, then told with when to try again', async ({ browser, sandbox }) => {
    const { page } = await recordPage(browser, sandbox, 'Windows');
    sandbox.fault({ host: 'graph.microsoft.com', method: 'POST', path: /\/syncDevice$/, response: throttled(1), times: 10 });

    const confirmation = await openConfirmation(browser, page, 'Sync device');
    await expect(confirmAction(confirmation)).resolves.toBe('failed');

    await expect(confirmation.getByTestId('confirm-outcome').textContent()).resolves.toMatch(/throttling requests .* so Sync device was not done\. Try again in 1 second\./);
    // Graph did not run a throttled request: the first try and three retries, each after the Retry-After it was given.
    const posts = graphPosts(sandbox, 'syncDevice');
    expect(posts.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    const early = posts.slice(1).filter((post, index) => post.at < (posts[index]?.at ?? 0) + Number(posts[index]?.responseHeaders['retry-after']) * 1000);
    expect(early).toEqual([]);
    expect(deviceWritesOf(sandbox)).toEqual([]);
  });
});
