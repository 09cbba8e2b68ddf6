import { SignInError } from '../auth/errors';
import { UserFacingError } from '../errors';
import type { GraphClient } from '../graph/client';
import { isGraphError } from '../graph/errors';
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
  if (isGraphError(error)) {
    switch (error.kind) {
      case 'unauthorized':
        return 'Microsoft Graph no longer accepts your sign-in. Sign in again (the toolbar button → Sign in) to see how many devices match.';
      case 'missingPermission':
      case 'forbidden':
        return `Microsoft Graph refused to list devices: the app registration needs ${error.requiredScopes.join(' or ') || 'DeviceManagementManagedDevices.Read.All'} with admin consent. Check it with Test and Save Connection.`;
      case 'noIntuneRole':
        return 'Your account holds no Intune role, so Intune lists no devices for it. Ask for an Intune role (for example Help Desk Operator), then try again.';
      case 'throttled':
      case 'serviceUnavailable':
      case 'network':
        return 'Microsoft Graph could not be reached or is busy right now. Change a filter, or reopen the mapping, to count again.';
      default:
        return `Microsoft Graph could not count the devices: ${error.serviceMessage} (${error.supportReference}).`;
    }
  }
  throw error;
}
