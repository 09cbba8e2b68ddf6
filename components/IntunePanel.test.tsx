import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserFacingError } from '../lib/errors';
import type { MessageClient } from '../lib/messaging/client';
import { IntunePanel } from './IntunePanel';

const record = { product: 'pro', collectionId: '01HWQ7CW7T626WY2A3KV603ZNF', recordId: 'rec_1' } as const;
let container: HTMLElement;

async function show(call: MessageClient): Promise<HTMLElement> {
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
  it('asks the background about its record and offers the options page when Intune is not connected', async () => {
    const call = vi.fn(async (type: string) => (type === 'getPanelStatus' ? { state: 'not-connected' } : {})) as unknown as MessageClient;
    const panel = await show(call);
    expect(call).toHaveBeenCalledWith('getPanelStatus', { record });
    expect(panel.textContent).toContain('Connect Microsoft Intune');
    expect(panel.querySelector('button')?.textContent).toBe('Open options');
  });

  it("ignores a page script's synthetic click (the real click is tried in the record-panel e2e)", async () => {
    const call = vi.fn(async (type: string) => (type === 'getPanelStatus' ? { state: 'not-connected' } : {})) as unknown as MessageClient;
    const panel = await show(call);
    await act(async () => panel.querySelector('button')!.click());
    await act(async () => {
      panel.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    expect(call).not.toHaveBeenCalledWith('openOptionsPage', {});
  });

  it("shows the background's message when the lookup fails", async () => {
    const call = vi.fn(async () => {
      throw new UserFacingError('no-reply', 'The extension did not answer. Reload the page and try again.');
    }) as unknown as MessageClient;
    const panel = await show(call);
    expect(panel.querySelector('.panel__error')?.textContent).toBe('The extension did not answer. Reload the page and try again.');
  });
});
