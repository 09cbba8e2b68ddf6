import type { Page } from 'playwright-core';
import type { MappingDraft } from '../../lib/mapping/service.ts';
import type { ManagedDevice } from '../sandbox/fleet/managed-device.ts';
import type { Sandbox } from '../sandbox/server.ts';
import type { ExtensionBrowser } from './browser.ts';
import { connectBoth } from './connect.ts';
import { linkedRecord } from './linked-records.ts';
import { panelMapping, saveMapping } from './mapping.ts';
import { expectDeviceShown } from './panel.ts';

/** A profile connected to Intune and Asset Panda, with the Devices collection mapped (by `mapping`). Returns the options page. */
export async function connectAndMap(browser: ExtensionBrowser, sandbox: Sandbox, mapping: MappingDraft = panelMapping(sandbox)): Promise<Page> {
  const options = await connectBoth(browser, sandbox);
  await saveMapping(options, mapping);
  // Both Test and Save buttons probe write access (Intune: syncDevice on a device id no device has;
  // Asset Panda: a write it must refuse): the tests count writes from here on.
  sandbox.world.graph.requests.length = 0;
  sandbox.requests.length = 0;
  return options;
}

/** Connected and mapped, with the page of a record linked to a device `accept` likes, its device shown live. */
export async function openLinkedRecord(browser: ExtensionBrowser, sandbox: Sandbox, accept: (device: ManagedDevice) => boolean) {
  await connectAndMap(browser, sandbox);
  const record = linkedRecord(sandbox.world, accept);
  const page = await browser.open(record.url);
  await expectDeviceShown(page, record.device.deviceName ?? '');
  return { record, page };
}
