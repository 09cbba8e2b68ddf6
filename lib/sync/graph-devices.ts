import { SignInError } from '../auth/errors';
import type { GraphClient } from '../graph/client';
import { GraphError, isGraphError } from '../graph/errors';
import { graphFailureText } from '../graph/failure-text';
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
        throw graphFailure(error, 'the device listing');
      }
    },

    async presence(deviceId) {
      try {
        await client.getDevice(deviceId, { select: ['id'] });
        return 'present';
      } catch (error) {
        if (isGraphError(error, 'notFound')) return 'gone';
        // Graph answers 400 for a value that is no device id at all (typed by hand, say): that record's
        // problem alone, never a reason to pause every run.
        if (isGraphError(error, 'badRequest')) return 'not-an-id';
        throw graphFailure(error, 'the read of one device');
      }
    },
  };
}

/**
 * A Graph or sign-in failure as the engine sees it: passing, or a reason to pause with what to do;
 * `what` names the request ("the device listing", "the read of one device").
 */
export function graphFailure(error: unknown, what: string): unknown {
  if (error instanceof SignInError) {
    const passing = error.code === 'network' || error.code === 'service-unavailable';
    return new PortError(passing ? 'transient' : 'systemic', error.message, 'intune-sign-in', undefined, { cause: error });
  }
  if (!(error instanceof GraphError)) {
    return error instanceof UserFacingError ? new PortError('systemic', error.message, 'intune-sign-in', undefined, { cause: error }) : error;
  }
  const text = graphFailureText(error, what);
  const port = (kind: PortError['kind'], code: PortError['pause']) =>
    new PortError(kind, `${text} ${kind === 'transient' ? 'The sync goes on when you continue it.' : 'Then continue the sync.'}`, code, error.retryAfterMs ?? undefined, { cause: error });
  switch (error.kind) {
    case 'unauthorized':
      return port('systemic', 'intune-sign-in');
    case 'missingPermission':
    case 'noIntuneRole':
    case 'forbidden':
      return port('systemic', 'intune-access');
    case 'throttled':
    case 'serviceUnavailable':
    case 'serverError':
    case 'network':
      return port('transient', 'intune-unavailable');
    case 'malformedResponse':
      return port('transient', 'intune-answer');
    default:
      return port('systemic', 'unexpected');
  }
}
