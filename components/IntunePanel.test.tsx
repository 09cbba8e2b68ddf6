import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserFacingError } from '../lib/errors';
import type { MessageCall } from '../lib/messaging/content-client';
import type { DevicePanelStatus, PanelStatus } from '../lib/panel/status';
import { IntunePanel } from './IntunePanel';

const record = { product: 'pro', collectionId: '01HWQ7CW7T626WY2A3KV603ZNF', recordId: 'rec_1' } as const;
let container: HTMLElement;

const deviceStatus = (overrides: Partial<DevicePanelStatus> = {}): DevicePanelStatus => ({
  state: 'device',
  recordTitle: 'LAPTOP-0042',
  collectionName: 'Devices',
  device: {
    id: 'd1',
    name: 'LAPTOP-0042',
    primaryUser: 'Megan Bowen (megan.bowen@contoso.com)',
    operatingSystem: 'Windows 10.0.22631.3296',
    serialNumber: 'PF3ABCD1',
    compliance: { code: 'compliant', label: 'Compliant' },
    ownership: 'Corporate',
    encryption: 'Encrypted',
    lastCheckIn: new Date().toISOString(),
    managementState: { code: 'managed', label: 'Managed' },
    activity: [],
    openInIntuneUrl: 'https://intune.microsoft.com/t/#view/x/mdmDeviceId/d1',
  },
  actions: [
    { action: 'retire', label: 'Retire', available: true },
    { action: 'remoteLock', label: 'Remote lock', available: false, reason: 'Intune does not offer Remote lock for Windows devices.' },
  ],
  pendingChanges: 2,
  readAt: Date.now(),
  cached: false,
  ...overrides,
});

/** A background that answers getPanelStatus from `statuses` and records every call. */
function background(statuses: { cache?: PanelStatus | null; live: PanelStatus | (() => Promise<PanelStatus>) }) {
  return vi.fn(async (type: string, payload: { source?: string }) => {
    if (type !== 'getPanelStatus') return {};
    if (payload.source === 'cache') return statuses.cache ?? null;
    return typeof statuses.live === 'function' ? statuses.live() : statuses.live;
  }) as unknown as MessageCall & ReturnType<typeof vi.fn>;
}

async function show(call: MessageCall): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(<IntunePanel record={record} call={call} />, container);
  });
  return container;
}

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('IntunePanel', () => {
  it('shows the cached device at once, then the live one', async () => {
    let answer: ((status: PanelStatus) => void) | undefined;
    const call = background({ cache: deviceStatus({ cached: true }), live: () => new Promise((resolve) => (answer = resolve)) });
    const panel = await show(call);
    expect(panel.querySelector('[data-testid="panel-freshness"]')?.textContent).toMatch(/^Saved .* · refreshing…$/);

    await act(async () => {
      answer?.(deviceStatus());
      await new Promise((resolve) => setTimeout(resolve));
    });
    expect(panel.querySelector('[data-testid="panel-freshness"]')?.textContent).toMatch(/^Read from Intune /);
    expect(panel.querySelector('[data-fact="Compliance"] dd')?.textContent).toBe('Compliant');
  });

  it('gives an unavailable action its reason on hover and to screen readers', async () => {
    const panel = await show(background({ live: deviceStatus() }));
    const lock = [...panel.querySelectorAll('button')].find((b) => b.textContent === 'Remote lock');
    expect(lock?.getAttribute('aria-disabled')).toBe('true');
    expect(lock?.title).toBe('Intune does not offer Remote lock for Windows devices.');
    expect(panel.querySelector(`#${lock?.getAttribute('aria-describedby')}`)?.textContent).toBe(lock?.title);
  });

  it('ignores clicks and key presses that scripts dispatch', async () => {
    const call = background({ live: deviceStatus() });
    const panel = await show(call);
    const retire = [...panel.querySelectorAll('button')].find((b) => b.textContent === 'Retire…');
    await act(async () => {
      retire?.click();
      retire?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      retire?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      panel.querySelector<HTMLElement>('.panel__toggle')?.click();
    });
    expect(call.mock.calls.map(([type]) => type)).toEqual(['getPanelStatus', 'getPanelStatus']);
    expect(panel.querySelector('.panel__toggle')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('says what to do in each state', async () => {
    const cases: Array<[PanelStatus, string]> = [
      [{ state: 'not-connected' }, 'Connect Microsoft Intune'],
      [{ state: 'signed-out', account: 'megan.bowen@contoso.com' }, 'Sign in as megan.bowen@contoso.com'],
      [{ state: 'no-mapping', collectionName: 'Employees' }, 'No mapping links the collection Employees'],
      [{ state: 'no-device', recordTitle: 'AP-00012', collectionName: 'Devices', tried: [{ label: 'Serial Number', value: 'X1' }] }, 'Serial Number X1'],
      [{ state: 'unreachable', service: 'intune', message: 'Microsoft Intune could not be reached.' }, 'could not be reached'],
      [{ state: 'record-not-found', recordId: 'rec_1', collectionName: 'Devices' }, 'Asset Panda has no record rec_1 in Devices'],
    ];
    for (const [status, words] of cases) {
      const panel = await show(background({ live: status }));
      expect(panel.textContent, status.state).toContain(words);
      render(null, container);
      container.remove();
    }
    container = document.createElement('div');
  });

  it("shows the background's message when the lookup fails", async () => {
    const call = vi.fn(async () => {
      throw new UserFacingError('no-reply', 'The extension did not answer. Reload the page and try again.');
    }) as unknown as MessageCall;
    const panel = await show(call);
    expect(panel.querySelector('.panel__error')?.textContent).toBe('The extension did not answer. Reload the page and try again.');
  });
});
