import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserFacingError } from '../lib/errors';
import type { MessageCall } from '../lib/messaging/content-client';
import type { DevicePanelStatus, PanelStatus } from '../lib/panel/status';
import { IntunePanel } from './IntunePanel';
import { settle } from '../tests/support/settle';
import type { RefreshSource } from './panel/usePanelStatus';

const record = { product: 'pro', collectionId: '01HWQ7CW7T626WY2A3KV603ZNF', recordId: 'rec_1' } as const;
let container: HTMLElement;

const deviceStatus = (overrides: Partial<DevicePanelStatus> = {}): DevicePanelStatus => ({
  state: 'device',
  recordTitle: 'LAPTOP-0042',
  collectionName: 'Devices',
  device: {
    id: 'd1',
    name: 'LAPTOP-0042',
    facts: [
      { label: 'User Principal Name (UPN)', text: 'megan.bowen@contoso.com', at: null },
      { label: 'Compliance', text: 'Compliant', at: null },
      { label: 'Last Successful Sync Date', text: '—', at: new Date().toISOString() },
    ],
    managementState: { code: 'managed' },
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

async function show(call: MessageCall, refreshes?: RefreshSource): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(<IntunePanel record={record} call={call} refreshes={refreshes} />, container);
  });
  await settle();
  return container;
}

afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

/** An event as the browser makes it from the admin's own input (happy-dom marks none as trusted). */
function trustedEvent<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

async function press(element: Element | null | undefined, name = 'button'): Promise<void> {
  if (!element) throw new Error(`The panel shows no ${name}.`);
  await act(async () => {
    element.dispatchEvent(trustedEvent(new MouseEvent('click', { bubbles: true })));
  });
  await settle();
}

const button = (panel: HTMLElement, text: string) => [...panel.querySelectorAll('button')].find((b) => b.textContent === text);

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
    const toggle = panel.querySelector<HTMLElement>('.panel__toggle');
    if (!retire || !toggle) throw new Error('The panel shows no Retire… button or no toggle.');
    await act(async () => {
      retire.click();
      retire.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      retire.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      retire.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      toggle.click();
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

  it('signs in only through the extension: Sign in opens its popup, and the panel reads Intune again when told', async () => {
    let refresh: (() => void) | undefined;
    const call = background({ live: { state: 'signed-out', account: 'megan.bowen@contoso.com' } });
    const panel = await show(call, (listener) => ((refresh = listener), () => undefined));

    await press(button(panel, 'Sign in'), 'Sign in button');
    await act(async () => refresh?.());

    expect(call.mock.calls.map(([type]) => type)).toEqual(['getPanelStatus', 'getPanelStatus', 'openSignIn', 'getPanelStatus']);
    expect(panel.querySelector('[data-testid="panel-note"]')?.textContent).toContain('Sign in in the window that opened');
  });

  it('follows an action under way on the device the admin picked', async () => {
    vi.useFakeTimers();
    const several: PanelStatus = {
      state: 'several-devices',
      recordTitle: 'LAPTOP-0042',
      collectionName: 'Devices',
      matchedBy: 'Serial Number',
      devices: ['d1', 'd2'].map((id) => ({ id, name: 'LAPTOP-0042', serialNumber: 'PF3ABCD1', operatingSystem: 'Windows', primaryUser: null, lastCheckIn: null })),
    };
    const pending = deviceStatus({ device: { ...deviceStatus().device, activity: [{ action: 'Wipe', state: 'pending', label: 'pending', startedAt: '', updatedAt: '' }] } });
    const call = vi.fn(async (type: string, payload: { source?: string }) => {
      if (type === 'chooseDevice') return pending;
      return payload.source === 'cache' ? null : several;
    }) as unknown as MessageCall & ReturnType<typeof vi.fn>;
    const panel = await show(call);

    await press(panel.querySelector('button[data-device-id="d2"]'), 'choice of d2');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3_000);
    });

    expect(call.mock.calls.map(([type, payload]) => `${type} ${(payload as { source?: string }).source ?? ''}`.trim())).toEqual([
      'getPanelStatus cache',
      'getPanelStatus live',
      'chooseDevice',
      'getPanelStatus live',
    ]);
  });

  it('tells re-enrolled devices of one name apart to screen readers', async () => {
    const several: PanelStatus = {
      state: 'several-devices',
      recordTitle: 'LAPTOP-0042',
      collectionName: 'Devices',
      matchedBy: 'Serial Number',
      devices: [
        { id: 'd1', name: 'LAPTOP-0042', serialNumber: null, operatingSystem: 'Windows', primaryUser: 'megan.bowen@contoso.com', lastCheckIn: null },
        { id: 'd2', name: 'LAPTOP-0042', serialNumber: null, operatingSystem: 'Windows', primaryUser: 'alex.wilber@contoso.com', lastCheckIn: null },
      ],
    };
    const panel = await show(background({ live: several }));
    const descriptions = [...panel.querySelectorAll('button[data-device-id]')].map((choice) => panel.querySelector(`#${choice.getAttribute('aria-describedby')}`)?.textContent);
    expect(descriptions).toEqual([expect.stringContaining('megan.bowen@contoso.com'), expect.stringContaining('alex.wilber@contoso.com')]);
  });

  it('keeps the focus when Escape closes the panel: it moves to the toggle', async () => {
    const panel = await show(background({ live: deviceStatus() }));
    const sync = button(panel, 'Sync this record');
    sync?.focus();
    await act(async () => {
      sync?.dispatchEvent(trustedEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    });
    const toggle = panel.querySelector('.panel__toggle');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(panel.querySelector('.panel__body')).toBeNull();
    expect(panel.ownerDocument.activeElement).toBe(toggle);
  });

  it("names the device's facts as Asset Panda's guide names the Intune fields", async () => {
    const panel = await show(background({ live: deviceStatus() }));
    expect([...panel.querySelectorAll('.panel__facts dt')].map((dt) => dt.textContent)).toEqual(['User Principal Name (UPN)', 'Compliance', 'Last Successful Sync Date']);
    expect(panel.querySelector('[data-fact="Last Successful Sync Date"] dd')?.textContent).toBe('just now');
  });

  it('says what to check when no Intune device matches, and opens the mapping', async () => {
    const call = background({ live: { state: 'no-device', recordTitle: 'AP-00012', collectionName: 'Devices', tried: [{ label: 'Serial Number', value: 'X1' }] } });
    const panel = await show(call);
    expect(panel.textContent).toContain("Check the record's Serial Number against the device in Intune, or the mapping's Unique Identifier.");
    await press(button(panel, 'Open the mapping'), 'Open the mapping button');
    expect(call).toHaveBeenLastCalledWith('openOptionsFromPanel', { record, part: 'mapping' });
  });

  it("shows the background's refusal of a request, and the panel stays usable", async () => {
    const call = vi.fn(async (type: string) => {
      if (type === 'requestDeviceAction') throw new UserFacingError('too-many-requests', 'This page asked the extension too often.');
      return type === 'getPanelStatus' ? deviceStatus() : {};
    }) as unknown as MessageCall;
    const panel = await show(call);
    await press(button(panel, 'Retire…'), 'Retire… button');
    expect(panel.querySelector('[role="alert"][data-testid="panel-note"]')?.textContent).toBe('This page asked the extension too often.');
    expect(button(panel, 'Retire…')?.disabled).toBe(false);
  });
});
