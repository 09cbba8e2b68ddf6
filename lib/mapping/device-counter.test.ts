import { describe, expect, it } from 'vitest';
import { SignInError } from '../auth/errors';
import type { GraphClient, Page } from '../graph/client';
import type { ManagedDevice } from '../graph/device-schema';
import { createDeviceCounter } from './device-counter';
import { FiltersSchema } from './schema';

const companyOwned = FiltersSchema.parse({ configuration: 'companyOwned' });

/** A Graph that hands out pages of devices one at a time, when the test says so. */
function steppedGraph(pages: ManagedDevice[][]) {
  const waiting: Array<() => void> = [];
  const graph = {
    countDevices: async () => 0,
    async *listDevices(): AsyncIterable<Page<ManagedDevice>> {
      for (const items of pages) {
        await new Promise<void>((resolve) => waiting.push(resolve));
        yield { items, totalCount: pages.flat().length };
      }
    },
  } as unknown as GraphClient;
  const next = async () => {
    while (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    waiting.shift()?.();
  };
  return { graph, next };
}

const device = (id: string, managedDeviceOwnerType: string): ManagedDevice => ({ id, managedDeviceOwnerType });

describe('the live device count of the editor', () => {
  it('shows how far a long count has got, and the newer count replaces the older', async () => {
    const { graph, next } = steppedGraph([[device('a', 'company'), device('b', 'personal')], [device('c', 'company')]]);
    const counter = createDeviceCounter({ graph: async () => graph, now: Date.now });
    const first = counter.count('first', companyOwned);
    await next();
    await expect.poll(() => counter.progress('first')).toEqual({ seen: 2, total: 3 });
    await next();
    expect(await first).toEqual({ state: 'counted', count: 2, method: 'client' });
    expect(counter.progress('first')).toBeUndefined();

    const again = steppedGraph([[device('a', 'company')], [device('b', 'company')]]);
    const replacing = createDeviceCounter({ graph: async () => again.graph, now: Date.now });
    const older = replacing.count('older', companyOwned);
    await again.next();
    await expect.poll(() => replacing.progress('older')).toEqual({ seen: 1, total: 2 });
    void replacing.count('newer', companyOwned);
    // The older count stops as soon as the page it was waiting for arrives.
    await again.next();
    expect(await older).toEqual({ state: 'replaced' });
  });

  it('says in words when Intune is not connected or the admin is signed out', async () => {
    const notConnected = createDeviceCounter({
      graph: async () => {
        throw new SignInError('not-connected', 'Microsoft Intune is not connected yet. Open the options page and use "Test and Save Connection".');
      },
      now: Date.now,
    });
    expect(await notConnected.count('x', companyOwned)).toEqual({ state: 'unavailable', message: expect.stringContaining('not connected yet') });

    const signedOut = createDeviceCounter({
      graph: async () =>
        ({
          countDevices: async () => {
            throw new SignInError('interaction-required', 'Entra needs you.');
          },
        }) as unknown as GraphClient,
      now: Date.now,
    });
    expect(await signedOut.count('y', FiltersSchema.parse({}))).toEqual({ state: 'unavailable', message: expect.stringContaining('You are signed out of Microsoft Intune') });
  });
});
