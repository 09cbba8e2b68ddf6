import type { RunViewMessage } from '../../lib/messaging/sync-messages.ts';
import { devicesNotExactlyOnce } from '../support/sync-harness.ts';
import { ask } from './extension-messages.ts';
import { describe, expect, test } from './fixtures.ts';
import { saveMapping } from './mapping.ts';
import { connectAndMap } from './panel-setup.ts';
import { conflictedDeviceIds, creates, emptyDevices, runWhen, syncMapping } from './sync.ts';

describe('quick sync in the popup', () => {
  test('offers the mapping used last, previews, shows a sync’s progress with counts and time left, cancels it, and links to the result', { timeout: 120_000 }, async ({ browser, sandbox }) => {
    sandbox.reset({ fleetSize: 500 });
    emptyDevices(sandbox);
    const options = await connectAndMap(browser, sandbox, { ...syncMapping(sandbox), name: 'All devices' });
    await saveMapping(options, syncMapping(sandbox));
    const { mappings } = await ask<{ mappings: Array<{ mapping: { id: string; name: string } }> }>(options, 'listMappings', {});
    const laptops = mappings.find((entry) => entry.mapping.name === 'Intune laptops')!.mapping.id;
    // The admin last previewed the mapping listed second, from the options page.
    const lastUsed = mappings[1]!.mapping.id;
    const earlier = await ask<RunViewMessage>(options, 'startSync', { mappingId: lastUsed, mode: 'preview' });
    await runWhen(options, earlier.run.id, ['previewed']);
    // Each create takes a while, so that the sync's progress can be seen.
    sandbox.fault({ host: 'api.assetpanda.app', method: 'POST', path: '/collection-records', delayMs: 150, times: 1_000 });

    const popup = await browser.openPopup();
    const quick = popup.getByTestId('quick-sync');
    await expect.poll(() => quick.getByLabel('Mapping').inputValue()).toBe(lastUsed);
    expect(await popup.getByTestId('intune-status').textContent()).toContain('Signed in to Intune as');
    await quick.getByLabel('Mapping').selectOption(laptops);

    await quick.getByRole('button', { name: 'Preview' }).click();
    const shown = quick.getByTestId('sync-run');
    await quick.locator('[data-testid="sync-run"][data-status="previewed"]').and(quick.locator(`:not([data-run-id="${earlier.run.id}"])`)).waitFor({ timeout: 30_000 });
    const preview = await runWhen(popup, (await shown.getAttribute('data-run-id'))!, ['previewed']);
    expect(await quick.getByTestId('sync-plan-counts').textContent()).toContain(`${preview.run.plan!.counts.creates} to create`);
    expect(await quick.getByRole('link', { name: 'See the whole preview' }).getAttribute('href')).toBe(`options.html#history/${preview.run.id}`);

    // Sync now: the bar moves, with counts and time left; Cancel stops it after the requests in flight.
    await quick.getByRole('button', { name: 'Sync now' }).click();
    const progress = quick.getByTestId('sync-progress-text');
    await progress.filter({ hasText: /Writing to Asset Panda: \d+ of \d+ · about \d+ s left/ }).waitFor({ timeout: 30_000 });
    const bar = quick.locator('progress');
    const first = Number(await bar.getAttribute('value'));
    await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(first);
    await quick.getByRole('button', { name: 'Cancel' }).click();
    await quick.locator('[data-testid="sync-run"][data-status="cancelled"]').waitFor({ timeout: 30_000 });
    const cancelledAt = creates(sandbox.requests).length;
    expect(cancelledAt).toBeLessThan(preview.run.plan!.counts.creates / 5);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(creates(sandbox.requests).length).toBe(cancelledAt);

    // Sync now again: the rest is created, and the result links to its report.
    sandbox.faults.clear();
    await quick.getByRole('button', { name: 'Sync now' }).click();
    await quick.locator('[data-testid="sync-run"][data-status="done"][data-running="false"]').waitFor({ timeout: 30_000 });
    const done = await runWhen(popup, (await shown.getAttribute('data-run-id'))!, ['done']);
    expect(devicesNotExactlyOnce(sandbox.world, await conflictedDeviceIds(popup, done.run.id))).toEqual([]);
    expect(await quick.getByTestId('sync-written').textContent()).toContain(`${done.run.written.created} created`);
    const [report] = await Promise.all([popup.context().waitForEvent('page'), quick.getByRole('link', { name: 'See the report' }).click()]);
    await report.getByTestId('history-part').getByTestId('sync-run').and(report.locator(`[data-run-id="${done.run.id}"][data-status="done"]`)).waitFor();
    expect(report.url()).toContain(`options.html#history/${done.run.id}`);
  });
});
