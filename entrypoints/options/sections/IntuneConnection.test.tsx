import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillConnectionForms } from '../connection-prefill';
import { IntuneConnection } from './IntuneConnection';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../../lib/browser/messaging', () => ({ callBackground: call }));

const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const SAVED = { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', clientId: '0e3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', applicationObjectId: '', cloud: 'global' } as const;
const IMPORTED = { tenantId: 'contoso.onmicrosoft.com', clientId: '11111111-2222-4333-8444-555555555555', applicationObjectId: '', cloud: 'usGovHigh' } as const;

let container: HTMLElement;
/** Lets the background's answers arrive and the form render them. */
const settled = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  call.mockImplementation(async (type: string) => {
    if (type !== 'getIntuneConnection') throw new Error(`unexpected ${type}`);
    return {
      connection: { settings: SAVED, account: { username: 'megan.bowen@contoso.com', name: 'Megan Bowen', tenantId: SAVED.tenantId }, savedAt: '2026-06-01T10:00:00Z' },
      session: { state: 'signed-in' },
      redirectUri: REDIRECT_URI,
      requiredPermissions: [{ scope: 'DeviceManagementManagedDevices.Read.All', purpose: 'Read the managed devices.' }],
    };
  });
});

afterEach(() => {
  render(null, container);
  container.remove();
  call.mockReset();
});

describe('the Intune connection form filled from an imported configuration', () => {
  it('shows the imported values and still the setup guide and the saved connection', async () => {
    fillConnectionForms({ intune: IMPORTED });
    await act(async () => render(<IntuneConnection />, container));
    await settled();

    expect(container.querySelector<HTMLInputElement>('#tenantId')?.value).toBe(IMPORTED.tenantId);
    expect(container.querySelector<HTMLInputElement>('#clientId')?.value).toBe(IMPORTED.clientId);
    expect(container.textContent).toContain('Filled in from the imported configuration');
    // What the admin needs to register the app and to know what is saved now, before any Test and Save.
    expect(container.querySelector('[data-testid="redirect-uri"]')?.textContent).toContain(REDIRECT_URI);
    expect(container.textContent).toContain('DeviceManagementManagedDevices.Read.All');
    expect(container.querySelector('[data-testid="intune-state"]')?.textContent).toContain('megan.bowen@contoso.com');
  });
});
