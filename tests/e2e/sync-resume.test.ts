import type { Page } from 'playwright-core';
import type { RunViewMessage } from '../../lib/messaging/sync-messages.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { devicesNotExactlyOnce, withoutUniqueFields } from '../support/sync-harness.ts';
import type { ExtensionBrowser } from './browser.ts';
import { ask } from './extension-messages.ts';
import { describe, expect, test } from './fixtures.ts';
import { connectAndMap } from './panel-setup.ts';
import { conflictedDeviceIds, creates, emptyDevices, onlyMappingId, openSyncPart, runWhen, stopServiceWorker, syncMapping } from './sync.ts';

const FLEET = 500;
const CREATE = { host: 'api.assetpanda.app', method: 'POST', path: '/collection-records' };

/** 500 devices, an empty collection without unique fields (nothing but the extension stands between a lost answer and a duplicate), mapped. */
async function prepare(browser: ExtensionBrowser, sandbox: Sandbox): Promise<{ page: Page; mappingId: string }> {
  sandbox.reset({ fleetSize: FLEET });
  emptyDevices(sandbox);
  withoutUniqueFields(sandbox.world);
  const page = await connectAndMap(browser, sandbox, syncMapping(sandbox));
  return { page, mappingId: await onlyMappingId(page) };
}

/** The run ended done with every device in Asset Panda exactly once, and nothing left to write. */
async function expectFinishedOnce(page: Page, world: Sandbox, runId: string): Promise<RunViewMessage> {
  const view = await runWhen(page, runId, ['done', 'paused', 'cancelled'], 90_000);
  expect(view.run.status).toBe('done');
  expect(view.run.written).toMatchObject({ created: view.run.plan!.counts.creates, failed: 0, pending: 0 });
  expect(devicesNotExactlyOnce(world.world, await conflictedDeviceIds(page, runId))).toEqual([]);
  return view;
}

/** Waits, without asking the extension anything, until the sandbox hears from a worker that started again by itself. */
async function resumedOnItsOwn(world: Sandbox, stoppedAt: number): Promise<void> {
  await expect
    .poll(() => world.requests.some((request) => request.at > stoppedAt && request.path === '/collection-columns'), { timeout: 60_000, interval: 250 })
    .toBe(true);
}

describe('a sync whose service worker the browser stops', () => {
  test('while it reads the devices: the options page follows it as the worker starts again, and it plans again and finishes', async ({ browser, sandbox: world }) => {
    const { page } = await prepare(browser, world);
    world.world.graph.pageSize = 100;
    // Intune is slow to answer the first page of devices: the worker is stopped while it waits.
    world.fault({ host: 'graph.microsoft.com', path: /managedDevices$/, delayMs: 3_000 });
    await openSyncPart(page);
    const part = page.getByTestId('sync-part');
    await part.getByRole('button', { name: 'Sync now' }).click();
    await part.getByTestId('sync-progress-text').filter({ hasText: 'Reading the Intune devices' }).waitFor();
    const runId = (await part.getByTestId('sync-run').getAttribute('data-run-id'))!;
    await stopServiceWorker(page);
    expect(creates(world.requests)).toEqual([]);

    // The page asks how the run stands every second: that starts the worker, which resumes the run.
    await part.locator(`[data-testid="sync-run"][data-run-id="${runId}"][data-status="done"][data-running="false"]`).waitFor({ timeout: 60_000 });
    await expectFinishedOnce(page, world, runId);
  });

  test('mid-writes, with no page open: the watchdog alarm starts the worker, which finishes without duplicates', { timeout: 120_000 }, async ({ browser, sandbox: world }) => {
    const { page, mappingId } = await prepare(browser, world);
    // Each create takes a little while, so that the run is surely mid-way when the worker stops.
    world.fault({ ...CREATE, delayMs: 60, times: 1_000 });
    const started = await ask<RunViewMessage>(page, 'startSync', { mappingId, mode: 'sync' });
    await expect.poll(() => creates(world.requests).length, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(30);
    await stopServiceWorker(page);
    const stoppedAt = world.world.now();
    const sentBefore = creates(world.requests).length;
    expect(sentBefore).toBeLessThan(90);

    await resumedOnItsOwn(world, stoppedAt);
    await expectFinishedOnce(page, world, started.run.id);
  });

  test('right after a write was sent: the records it created are found, not created again', { timeout: 120_000 }, async ({ browser, sandbox: world }) => {
    const { page, mappingId } = await prepare(browser, world);
    // Asset Panda takes four seconds over the first create; the worker is stopped meanwhile. The
    // create then happens, its answer never reaches the extension.
    world.fault({ ...CREATE, delayMs: 4_000 });
    const started = await ask<RunViewMessage>(page, 'startSync', { mappingId, mode: 'sync' });
    await expect.poll(() => creates(world.requests).length, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(1);
    await stopServiceWorker(page);
    const stoppedAt = world.world.now();

    await resumedOnItsOwn(world, stoppedAt);
    await expectFinishedOnce(page, world, started.run.id);
    // The slow create reached Asset Panda after the worker stopped: its five records were looked up.
    expect(creates(world.requests).some((request) => request.at > stoppedAt && request.at < stoppedAt + 5_000)).toBe(true);
    expect(world.requests.filter((request) => request.at > stoppedAt && request.path === '/collection-records/search').length).toBeGreaterThanOrEqual(5);
  });
});
