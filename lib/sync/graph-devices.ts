import { SignInError } from '../auth/errors';
import type { GraphClient } from '../graph/client';
import { GraphError, isGraphError } from '../graph/errors';
import { UserFacingError } from '../errors';
import { PortError } from './ports';
import type { DeviceSource } from './ports';

/**
 * The engine's DeviceSource over the Graph client. The client asks for a token before every
 * attempt, so a sign-in renewed during a long run is picked up; nothing here keeps a token.
 */
export function graphDeviceSource(client: GraphClient): DeviceSource {
  return {
    async page(query, cursor) {
      try {
        const pages = client.listDevices(cursor === undefined ? { select: query.select, ...(query.filter ? { filter: query.filter } : {}) } : { continueFrom: cursor });
        const iterator = pages[Symbol.asyncIterator]();
        const first = await iterator.next();
        // One page per call: the engine asks for the next one (and again, after a failure) itself.
        await iterator.return?.(undefined);
        if (first.done) return { items: [] };
        return { items: first.value.items, ...(first.value.nextLink === undefined ? {} : { next: first.value.nextLink }) };
      } catch (error) {
        throw graphFailure(error);
      }
    },

    async exists(deviceId) {
      try {
        await client.getDevice(deviceId, { select: ['id'] });
        return true;
      } catch (error) {
        if (isGraphError(error, 'notFound')) return false;
        throw graphFailure(error);
      }
    },
  };
}

/** A Graph or sign-in failure as the engine sees it: passing, or a reason to pause with what to do. */
export function graphFailure(error: unknown): unknown {
  if (error instanceof SignInError) {
    const passing = error.code === 'network' || error.code === 'service-unavailable';
    return new PortError(passing ? 'transient' : 'systemic', error.message, 'intune-sign-in', undefined, { cause: error });
  }
  if (!(error instanceof GraphError)) {
    return error instanceof UserFacingError ? new PortError('systemic', error.message, 'intune-sign-in', undefined, { cause: error }) : error;
  }
  const detail = `${error.serviceMessage} (${error.supportReference})`;
  const port = (kind: PortError['kind'], code: PortError['pause'], message: string) =>
    new PortError(kind, message, code, error.retryAfterMs ?? undefined, { cause: error });
  switch (error.kind) {
    case 'unauthorized':
      return port('systemic', 'intune-sign-in', `Microsoft Graph no longer accepts the sign-in. Sign in again on the options page, then continue the sync. ${detail}`);
    case 'missingPermission':
      return port('systemic', 'intune-access', `The app registration lacks a Microsoft Graph permission the sync needs (${error.requiredScopes.join(' or ')}). Add it and grant admin consent, then continue the sync.`);
    case 'noIntuneRole':
    case 'forbidden':
      return port('systemic', 'intune-access', `Intune refused to list devices for the signed-in account: it needs an Intune role that may read managed devices. ${detail}`);
    case 'throttled':
    case 'serviceUnavailable':
    case 'serverError':
    case 'network':
      return port('transient', 'intune-unavailable', `Microsoft Intune is not answering the device listing right now. The sync continues when you resume it. ${detail}`);
    case 'malformedResponse':
      return port('transient', 'intune-answer', `Microsoft Graph answered a page of devices the extension cannot read: ${error.serviceMessage}. Try again later; if it persists, report it.`);
    default:
      return port('systemic', 'unexpected', `Microsoft Graph refused the device listing: ${detail}`);
  }
}
