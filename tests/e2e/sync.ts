import type { Page } from 'playwright-core';
import type { RunViewMessage } from '../../lib/messaging/sync-messages.ts';
import type { MappingDraft } from '../../lib/mapping/service.ts';
import type { Schedule } from '../../lib/mapping/schema.ts';
import { collectionNamed, columnNamed } from '../sandbox/assetpanda-api/tenant.ts';
import type { RecordedRequest, Sandbox } from '../sandbox/server.ts';
import { recordWrites } from '../support/writes.ts';
import { ask } from './extension-messages.ts';
import { valuesByColumnName } from './linked-records.ts';
import { panelMapping } from './mapping.ts';
import { openOptionsPart } from './options-part.ts';

// A sync as the admin runs it, and what the tests read back from the extension and the sandbox.
// Used by `npm start` too, so nothing here needs the test runner.

/** Asks `check` every `interval` ms until it holds; fails with `what` after `timeout`. */
async function until(what: string, check: () => Promise<boolean>, timeout = 60_000, interval = 500): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The panel tests' Devices mapping, creating records, with a schedule. */
export function syncMapping(sandbox: Sandbox, schedule: Schedule = { kind: 'off' }): MappingDraft {
  const draft = panelMapping(sandbox);
  return { ...draft, name: 'Intune laptops', behaviour: { ...draft.behaviour, createRecords: true, schedule } };
}

export async function onlyMappingId(page: Page): Promise<string> {
  const { mappings } = await ask<{ mappings: Array<{ mapping: { id: string } }> }>(page, 'listMappings', {});
  const [first] = mappings;
  if (!first || mappings.length !== 1) throw new Error(`Expected one mapping, found ${mappings.length}`);
  return first.mapping.id;
}

/** The run once its status is one of `statuses` (asking every half second, which wakes a stopped worker). */
export async function runWhen(page: Page, runId: string, statuses: readonly string[], timeout = 60_000): Promise<RunViewMessage> {
  let view: RunViewMessage | undefined;
  await until(
    `run ${runId} to be ${statuses.join(' or ')}`,
    async () => {
      view = await ask<RunViewMessage>(page, 'getSyncRun', { runId });
      return statuses.includes(view.run.status) && !view.running;
    },
    timeout,
  );
  return view!;
}

/** The options page's Sync part, and a click on Preview or Sync now; returns the run once it ends. */
export async function runFromSyncPart(page: Page, button: 'Preview' | 'Sync now'): Promise<RunViewMessage> {
  const part = page.getByTestId('sync-part');
  const shown = part.getByTestId('sync-run');
  const earlier = (await shown.count()) > 0 ? await shown.getAttribute('data-run-id') : null;
  await part.getByRole('button', { name: button }).click();
  await until('a new run to show', async () => (await shown.count()) > 0 && (await shown.getAttribute('data-run-id')) !== earlier, 10_000, 100);
  const runId = (await shown.getAttribute('data-run-id'))!;
  await part.locator(`[data-testid="sync-run"][data-run-id="${runId}"][data-running="false"]:is([data-status="previewed"], [data-status="done"])`).waitFor({ timeout: 60_000 });
  return runWhen(page, runId, ['previewed', 'done']);
}

/** The options page's Sync part, on the page given, once it offers Preview. */
export async function openSyncPart(page: Page): Promise<Page> {
  return openOptionsPart(page, 'sync', page.getByTestId('sync-part').getByRole('button', { name: 'Preview' }));
}

/** The Intune device ids a run's plan holds back as conflicts (never written). */
export async function conflictedDeviceIds(page: Page, runId: string): Promise<Set<string>> {
  const { lines } = await ask<{ lines: Array<{ entry: { devices: Array<{ id: string }> } }> }>(page, 'getSyncLines', { runId, filter: 'conflict', search: '', offset: 0, limit: 200 });
  return new Set(lines.flatMap((line) => line.entry.devices.map((device) => device.id.toLowerCase())));
}

/** Empties the Devices collection: the first sync of a new inventory. */
export function emptyDevices(sandbox: Sandbox): void {
  collectionNamed(sandbox.world.assetPanda, 'Devices').records.clear();
}

/** The Devices record holding this Intune Device ID, by field name. */
export function recordOfDevice(sandbox: Sandbox, deviceId: string): Record<string, unknown> | undefined {
  const devices = collectionNamed(sandbox.world.assetPanda, 'Devices');
  const column = columnNamed(devices, 'Intune Device ID').id;
  const record = [...devices.records.values()].find((candidate) => String(candidate.values[column] ?? '').toLowerCase() === deviceId.toLowerCase());
  return record && valuesByColumnName(devices, record, undefined);
}

export const creates = (requests: readonly RecordedRequest[]) => recordWrites(requests).filter((request) => request.method === 'POST');

/** Stops the extension's service worker as the browser does when it is idle, through the DevTools protocol. */
export async function stopServiceWorker(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
  } finally {
    await session.detach();
  }
}
