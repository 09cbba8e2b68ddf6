import { SignInError } from '../auth/errors';
import { UserFacingError } from '../errors';
import type { GraphClient } from '../graph/client';
import { isGraphError } from '../graph/errors';
import { graphFailureText } from '../graph/failure-text';
import { CountCancelledError, countMatchingDevices, type CountProgress, type DeviceCount } from './device-count';
import type { Filters } from './schema';

export type CountAnswer =
  | ({ state: 'counted' } & DeviceCount)
  | { state: 'replaced' }
  | { state: 'unavailable'; message: string };

/**
 * The editor's live "N devices match": one count at a time (a newer one, after the admin changed
 * a filter, stops the older), with its progress readable while it runs.
 */
export function createDeviceCounter(deps: { graph(): Promise<GraphClient>; now(): number }) {
  let running: { id: string; controller: AbortController; progress: CountProgress } | undefined;

  return {
    async count(id: string, filters: Filters): Promise<CountAnswer> {
      running?.controller.abort();
      const mine = { id, controller: new AbortController(), progress: { seen: 0, total: null } as CountProgress };
      running = mine;
      try {
        const counted = await countMatchingDevices(await deps.graph(), filters, {
          now: deps.now(),
          signal: mine.controller.signal,
          onProgress: (progress) => (mine.progress = progress),
        });
        return { state: 'counted', ...counted };
      } catch (error) {
        if (error instanceof CountCancelledError) return { state: 'replaced' };
        return { state: 'unavailable', message: whyNoCount(error) };
      } finally {
        if (running === mine) running = undefined;
      }
    },

    /** How far the count `id` has got; undefined once it has ended. */
    progress(id: string): CountProgress | undefined {
      return running?.id === id ? running.progress : undefined;
    },
  };
}

export type DeviceCounter = ReturnType<typeof createDeviceCounter>;

/** Why the devices could not be counted, in words, with what to do. */
export function whyNoCount(error: unknown): string {
  if (error instanceof SignInError && (error.code === 'session-expired' || error.code === 'interaction-required')) {
    return 'You are signed out of Microsoft Intune. Sign in again (the extension’s toolbar button → Sign in) to see how many devices match.';
  }
  if (error instanceof UserFacingError) return error.message;
  if (isGraphError(error)) return graphFailureText(error, 'the device count');
  throw error;
}
