import type { Page } from 'playwright-core';
import type { RunRecord } from '../../lib/sync/run-store.ts';
import { devicesNotExactlyOnce } from '../support/sync-harness.ts';
import { ask } from './extension-messages.ts';
import { describe, expect, test } from './fixtures.ts';
import { saveMapping } from './mapping.ts';
import { connectAndMap } from './panel-setup.ts';
import { conflictedDeviceIds, emptyDevices, onlyMappingId, syncMapping } from './sync.ts';

const HOURS = 6;

interface Chrome {
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined>; create(name: string, info: { when: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getBadgeText(details: object): Promise<string> };
}
// Extension APIs, called in an extension page through the DevTools protocol.
const alarmTime = (page: Page, name: string) =>
  page.evaluate(async (alarm) => (await (globalThis as unknown as { chrome: Chrome }).chrome.alarms.get(alarm))?.scheduledTime ?? null, name);
const moveAlarmToNow = (page: Page, name: string) => page.evaluate((alarm) => (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create(alarm, { when: Date.now() }), name);
const notificationIds = async (page: Page) => Object.keys(await page.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()));
const badgeText = (page: Page) => page.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}));

describe('scheduled sync', () => {
  test('the schedule sets an alarm; when it fires the sync runs, tells the admin, and the alarm moves to the next time', async ({ browser, sandbox }) => {
    sandbox.reset({ fleetSize: 100 });
    emptyDevices(sandbox);
    const page = await connectAndMap(browser, sandbox, syncMapping(sandbox, { kind: 'everyHours', hours: HOURS }));
    const mappingId = await onlyMappingId(page);
    const alarm = `sync-schedule:${mappingId}`;
    const { mappings } = await ask<{ mappings: Array<{ mapping: { updatedAt: string } }> }>(page, 'listMappings', {});
    const savedAt = Date.parse(mappings[0]!.mapping.updatedAt);
    await expect.poll(() => alarmTime(page, alarm)).toBe(savedAt + HOURS * 3_600_000);
    expect((await ask<{ runs: RunRecord[] }>(page, 'listSyncRuns', {})).runs).toEqual([]);

    // Six hours pass: the alarm is moved to now through the DevTools protocol, and the browser fires it.
    const firedAt = Date.now();
    await moveAlarmToNow(page, alarm);
    let run: RunRecord | undefined;
    await expect
      .poll(async () => {
        [run] = (await ask<{ runs: RunRecord[] }>(page, 'listSyncRuns', {})).runs;
        return run?.status;
      }, { timeout: 30_000 })
      .toBe('done');
    expect(run).toMatchObject({ trigger: 'schedule', mode: 'sync', mappingId });
    expect(run!.written.created).toBe(run!.plan!.counts.creates);
    expect(devicesNotExactlyOnce(sandbox.world, await conflictedDeviceIds(page, run!.id))).toEqual([]);
    const next = await alarmTime(page, alarm);
    expect(next! - firedAt).toBeGreaterThanOrEqual(HOURS * 3_600_000);
    expect(next! - firedAt).toBeLessThan(HOURS * 3_600_000 + 30_000);
    expect(await notificationIds(page)).toContain(run!.id);
    expect(await badgeText(page)).toBe('');

    // Schedule off: the alarm goes.
    await saveMapping(page, { ...syncMapping(sandbox), id: mappingId });
    await expect.poll(() => alarmTime(page, alarm)).toBeNull();
  });
});
