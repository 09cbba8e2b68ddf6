import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../entrypoints/options/App';
import type { Field } from '../../lib/assetpanda/types';
import type { Mapping } from '../../lib/mapping/schema';
import { devicesMapping, type FieldPairing } from './devices-mapping';
import { fakeBackground, type BackgroundAnswers } from './fake-background';
import { settle } from './settle';

// The options page in happy-dom for UI tests, against a fake background (see fake-background.ts).
// The test file mocks `lib/browser/messaging` so that `callBackground` calls `page.call`.

export const DEVICES = { id: '01HWWXB0M867WX8XDWJQY12EPJ', name: 'Devices' };
const column = (name: string, unique = false): Field => ({
  id: `${DEVICES.id}_0_${name.toLowerCase().replace(/[^a-z0-9]/g, '')}_text`,
  name,
  type: 'text',
  required: false,
  unique,
});
/** The Devices collection's fields, as the background lists them. */
export const DEVICE_FIELDS: Field[] = [column('Name'), column('Intune Device ID', true), column('Serial Number', true)];
const PAIRINGS: readonly FieldPairing[] = [
  ['deviceName', 'Name', { kind: 'asIs' }],
  ['id', 'Intune Device ID', { kind: 'asIs' }],
  ['serialNumber', 'Serial Number', { kind: 'asIs' }],
];

/** A saved mapping of Devices: three fields, matched by Intune Device ID then Serial Number. */
export function storedMapping(id: string, name: string): Mapping {
  return devicesMapping(DEVICE_FIELDS, DEVICES, { id, name }, PAIRINGS);
}

/** What every options page asks on opening, with no policy; a test adds or overrides answers. */
const OPENING: BackgroundAnswers = {
  getHealth: { version: '1.0.0', databaseReady: true },
  getPolicy: { state: 'none' },
  getIntuneConnection: {
    connection: null,
    session: { state: 'signed-out' },
    redirectUri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    requiredPermissions: [{ scope: 'DeviceManagementManagedDevices.ReadWrite.All', purpose: 'Read and update devices.' }],
  },
  getAssetPandaConnection: { state: 'not-connected' },
  getAssetPandaLock: { lock: 'off' },
  listMappings: { mappings: [] },
  checkMappings: { checks: [] },
  listAssetPandaCollections: { collections: [DEVICES] },
  listAssetPandaFields: { fields: DEVICE_FIELDS },
  countMatchingDevices: { state: 'unavailable', message: 'Not counted in this test.' },
  getDeviceCountProgress: { progress: null },
};

/** Opens the options page at `hash` (`#mappings/m1`) with the background answering `answers`. */
export async function openOptionsPage(page: { call: unknown }, hash: string, answers: BackgroundAnswers = {}) {
  const background = fakeBackground({ ...OPENING, ...answers });
  page.call = background.call;
  history.replaceState(null, '', hash);
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<App />, root));
  await settle();
  return {
    root,
    background,
    /** The element `selector` finds, or the test fails saying which was missing. */
    find<E extends Element = HTMLElement>(selector: string): E {
      const found = root.querySelector<E>(selector);
      if (!found) throw new Error(`Nothing on the page matches ${selector}`);
      return found;
    },
    /** Goes to `hash` as a link or the back button would, and lets the page follow. */
    async go(to: string) {
      location.hash = to;
      await settle();
    },
    async close() {
      await act(async () => render(null, root));
      root.remove();
      history.replaceState(null, '', '/');
      await settle();
    },
  };
}

export type OptionsPage = Awaited<ReturnType<typeof openOptionsPage>>;
