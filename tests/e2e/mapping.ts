import type { Page } from 'playwright-core';
import type { MappingDraft } from '../../lib/mapping/service.ts';
import { collectionNamed } from '../sandbox/assetpanda-api/tenant.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { devicesMapping, fieldRef, type FieldPairing } from '../support/devices-mapping.ts';
import { ask } from './extension-messages.ts';

/** The few Devices fields the panel tests map, each as it is. */
const PANEL_FIELDS: readonly FieldPairing[] = [
  ['deviceName', 'Name', { kind: 'asIs' }],
  ['id', 'Intune Device ID', { kind: 'asIs' }],
  ['serialNumber', 'Serial Number', { kind: 'asIs' }],
  ['manufacturer', 'Manufacturer', { kind: 'asIs' }],
  ['model', 'Model', { kind: 'asIs' }],
  ['operatingSystem', 'OS', { kind: 'asIs' }],
  ['osVersion', 'OS Version', { kind: 'asIs' }],
];

/**
 * The mapping the panel tests use, on the seeded Devices collection: the guide's match keys (Intune
 * Device ID, then Serial Number), a few fields, existing records only, and Status "Retired" as the
 * retired status. Saved through the background's own `saveMapping` message from an extension page,
 * as the editor does.
 */
export function panelMapping(sandbox: Sandbox): MappingDraft {
  const devices = collectionNamed(sandbox.world.assetPanda, 'Devices');
  const fields = devices.columns.map((column) => ({ id: column.id, name: column.displayName, type: column.type }));
  const behaviour = { createRecords: false, retiredStatus: { field: fieldRef(fields, 'Status'), value: 'Retired' } };
  const { id: _id, createdAt: _created, updatedAt: _updated, ...draft } = devicesMapping(fields, devices, { behaviour }, PANEL_FIELDS);
  return draft;
}

export async function saveMapping(extensionPage: Page, mapping: MappingDraft): Promise<void> {
  const answer = await ask<{ saved?: boolean }>(extensionPage, 'saveMapping', { mapping });
  if (!answer.saved) throw new Error(`The mapping was not saved: ${JSON.stringify(answer)}`);
}
