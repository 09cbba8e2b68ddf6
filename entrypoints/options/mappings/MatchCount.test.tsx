import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FiltersSchema } from '../../../lib/mapping/schema';
import { MatchCount } from './MatchCount';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../../lib/browser/messaging', () => ({ callBackground: call }));

let container: HTMLElement;
const filters = FiltersSchema.parse({ configuration: 'companyOwned' });

beforeEach(() => {
  vi.useFakeTimers();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
  call.mockReset();
});

const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

describe('"N devices match"', () => {
  it('shows how far a long count has got, then the number', async () => {
    let finish: ((answer: unknown) => void) | undefined;
    let seen = 0;
    call.mockImplementation(async (type: string) => {
      if (type === 'getDeviceCountProgress') return { progress: { seen: (seen += 1000), total: 12_000 } };
      return new Promise((resolve) => (finish = resolve));
    });
    await act(async () => render(<MatchCount filters={filters} />, container));
    await advance(400);
    expect(call).toHaveBeenCalledWith('countMatchingDevices', { countId: expect.any(String), filters });
    await advance(1000);
    expect(container.textContent).toBe(`Counting… ${(2000).toLocaleString()} of ${(12_000).toLocaleString()} devices checked.`);
    finish?.({ state: 'counted', count: 4321, method: 'client' });
    await advance(0);
    expect(container.textContent).toBe(`${(4321).toLocaleString()} devices match in Intune right now.`);
  });

  it('says why there is no number, in the words the background gives', async () => {
    call.mockResolvedValue({ state: 'unavailable', message: 'You are signed out of Microsoft Intune. Sign in again.' });
    await act(async () => render(<MatchCount filters={filters} />, container));
    await advance(400);
    expect(container.textContent).toBe('You are signed out of Microsoft Intune. Sign in again.');
  });
});
