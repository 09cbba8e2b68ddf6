import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from '../../../../tests/support/settle';
import { PassphraseLock } from './PassphraseLock';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../../../lib/browser/messaging', () => ({ callBackground: call }));

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  call.mockReset();
  vi.unstubAllGlobals();
});

describe('the passphrase lock', () => {
  it('says when the stored key cannot be read, offers nothing that would replace it, and forgets it only when asked', async () => {
    let lock = 'unreadable';
    call.mockImplementation(async (type: string) => {
      if (type === 'getAssetPandaLock') return { lock };
      if (type === 'forgetLockedAssetPandaKey') {
        lock = 'off';
        return { state: 'not-connected' };
      }
      throw new Error(`unexpected ${type}`);
    });
    const forgotten = vi.fn();
    vi.stubGlobal('confirm', () => true);
    await act(async () => render(<PassphraseLock onChange={() => undefined} onForgotten={forgotten} />, container));
    await settle();

    expect(container.querySelector('[data-testid="assetpanda-key-unreadable"]')?.textContent).toContain('cannot be read');
    expect(container.querySelectorAll('input')).toHaveLength(0);
    expect([...container.querySelectorAll('button')].map((button) => button.textContent)).toEqual(['Forget the saved key']);

    await act(async () => container.querySelector('button')?.click());
    await settle();

    expect(call).toHaveBeenCalledWith('forgetLockedAssetPandaKey', {});
    expect(forgotten).toHaveBeenCalledWith({ state: 'not-connected' });
    expect(container.querySelector('form')?.dataset.lock).toBe('off');
  });
});
