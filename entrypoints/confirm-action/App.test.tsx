import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from '../../tests/support/settle';
import { App } from './App';
import { ARM_DELAY_MS } from './useArmedAfterFocus';

const background = vi.hoisted(() => vi.fn());
vi.mock('../../lib/browser/messaging', () => ({ callBackground: background }));

const view = {
  requestId: 'req-1',
  kind: 'action',
  action: 'delete',
  label: 'Delete',
  typeToConfirm: false,
  device: { id: 'd1', name: 'MAC-0001', serialNumber: 'C02AAA', operatingSystem: 'macOS', osVersion: '15.1', primaryUser: 'megan.bowen@contoso.com', lastCheckIn: null },
  record: { collectionId: 'c1', collectionName: 'Devices', recordId: 'r1', title: 'MAC-0001' },
  inIntune: 'Intune deletes the device record.',
  inAssetPanda: 'The record "MAC-0001" is deleted from Devices.',
  wipeChoices: [],
  expiresAt: Date.now() + 600_000,
};

let container: HTMLElement;
let focused = true;

async function open(outcome: 'sent' | 'failed' | 'partial' = 'sent'): Promise<HTMLElement> {
  background.mockImplementation(async (type: string) => {
    if (type === 'getActionConfirmation') return view;
    if (type === 'confirmDeviceAction') return { token: 't', expiresAt: Date.now() + 60_000 };
    return { outcome, intune: 'Intune deleted the device.', assetPanda: 'Asset Panda did not delete the record.', auditId: 'a1', requestId: 'r', retryRequestId: null };
  });
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => render(<App requestId="req-1" />, container));
  await settle();
  return container;
}

const confirmButton = () => container.querySelector<HTMLButtonElement>('button.danger');

beforeEach(() => {
  vi.useFakeTimers();
  focused = true;
  vi.spyOn(document, 'hasFocus').mockImplementation(() => focused);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the confirmation window', () => {
  it('arms its confirm button only once the window has had the focus for a moment, and disarms it when the focus leaves', async () => {
    await open();
    expect(confirmButton()?.disabled).toBe(true);
    await act(async () => void vi.advanceTimersByTime(ARM_DELAY_MS));
    expect(confirmButton()?.disabled).toBe(false);

    await act(async () => void window.dispatchEvent(new Event('blur')));
    expect(confirmButton()?.disabled).toBe(true);
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
      vi.advanceTimersByTime(ARM_DELAY_MS - 1);
    });
    expect(confirmButton()?.disabled).toBe(true);
    await act(async () => void vi.advanceTimersByTime(1));
    expect(confirmButton()?.disabled).toBe(false);
  });

  it('stays disarmed while the window has no focus', async () => {
    focused = false;
    await open();
    await act(async () => void vi.advanceTimersByTime(10 * ARM_DELAY_MS));
    expect(confirmButton()?.disabled).toBe(true);
  });

  it.each([
    ['partial', 'Half done', 'alert'],
    ['failed', 'Not done', 'alert'],
    ['sent', 'Done', 'status'],
  ] as const)('puts the focus on the outcome (%s) that replaces the form, an alert unless done', async (outcome, heading, role) => {
    await open(outcome);
    await act(async () => void vi.advanceTimersByTime(ARM_DELAY_MS));
    confirmButton()?.focus();
    await act(async () => void confirmButton()?.click());
    await settle();

    const shown = container.querySelector('[data-testid="confirm-outcome"]');
    expect(shown?.querySelector('h2')?.textContent).toBe(heading);
    expect(document.activeElement).toBe(shown?.querySelector('h2'));
    expect(shown?.querySelector('.notice')?.getAttribute('role')).toBe(role);
  });

  it("names the device with Asset Panda's guide's names of the Intune fields", async () => {
    await open();
    expect([...container.querySelectorAll('[data-testid="confirm-device"] dt')].map((dt) => dt.textContent)).toEqual([
      'Device Name',
      'Serial Number',
      'OS',
      'User Principal Name (UPN)',
      'Last Successful Sync Date',
      'Intune Device ID',
      'Asset Panda record',
    ]);
  });
});
