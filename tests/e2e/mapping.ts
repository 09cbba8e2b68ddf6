import type { Page } from 'playwright-core';
import type { MappingDraft } from '../../lib/mapping/service.ts';
import { collectionNamed, columnNamed } from '../sandbox/assetpanda-api/tenant.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { sendFromPage } from './extension-messages.ts';

/**
 * The mapping the panel tests use, on the seeded Devices collection: the guide's match keys (Intune
 * Device ID, then Serial Number), a few fields, and Status "Retired" as the retired status. Saved
 * through the background's own `saveMapping` message from an extension page, as the editor does.
 */
export function devicesMapping(sandbox: Sandbox): MappingDraft {
  const devices = collectionNamed(sandbox.world.assetPanda, 'Devices');
  const ref = (name: string) => {
    const column = columnNamed(devices, name);
    return { id: column.id, name: column.displayName, type: column.type };
  };
  const asIs = (source: string, target: string) => ({ source, target: ref(target), transform: { kind: 'asIs' as const }, keepWhenEmpty: true });
  return {
    name: 'Intune devices',
    collection: { id: devices.id, name: devices.name },
    entity: 'managedDevices',
    fields: [
      asIs('deviceName', 'Name'),
      asIs('id', 'Intune Device ID'),
      asIs('serialNumber', 'Serial Number'),
      asIs('manufacturer', 'Manufacturer'),
      asIs('model', 'Model'),
      asIs('operatingSystem', 'OS'),
      asIs('osVersion', 'OS Version'),
    ],
    matchKeys: ['id', 'serialNumber'],
    filters: { deviceTypes: [], configuration: 'companyManaged', complianceStates: [], enrollmentTypes: [], lastCheckInWithinDays: null },
    behaviour: { createRecords: false, missingDevices: { action: 'leave' }, retiredStatus: { field: ref('Status'), value: 'Retired' }, schedule: { kind: 'off' } },
  };
}

export async function saveMapping(extensionPage: Page, mapping: MappingDraft): Promise<void> {
  const reply = await sendFromPage(extensionPage, 'saveMapping', { mapping });
  if (!reply.ok || !(reply.value as { saved?: boolean }).saved) throw new Error(`The mapping was not saved: ${JSON.stringify(reply)}`);
}
