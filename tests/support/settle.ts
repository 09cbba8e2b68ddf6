import { act } from 'preact/test-utils';
import { vi } from 'vitest';

/**
 * Lets a rendered component finish what it started (answers, renders, effects, hash changes): each
 * turn renders what the last one changed. Under fake timers no timer would fire, so it lets the
 * pending promises settle instead.
 */
export async function settle(): Promise<void> {
  if (vi.isFakeTimers()) {
    await act(async () => {
      for (let tick = 0; tick < 20; tick++) await Promise.resolve();
    });
    return;
  }
  for (let turn = 0; turn < 10; turn++) await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}
