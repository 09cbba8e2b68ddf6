import type { IntuneErrorDetails } from './intune-error';

/**
 * What went wrong, for callers that decide what to tell the admin:
 * - unauthorized: the token was refused (401): sign in again.
 * - missingPermission: the app lacks a Graph permission (scope) for this call (403).
 * - noIntuneRole: the token is fine but the signed-in user holds no Intune role (403 from Intune).
 * - forbidden: any other 403, including Intune's when nothing tells which of the two above it is.
 * - unsupportedAction: Intune refused a device action with 400, e.g. remoteLock on Windows.
 * - serviceUnavailable: 502/503/504; try later.
 * - network: no response at all. malformedResponse: a response this client cannot read.
 * - redirected: Graph answered with a redirect, which the client never follows with its token.
 */
export type GraphErrorKind =
  | 'unauthorized'
  | 'missingPermission'
  | 'noIntuneRole'
  | 'forbidden'
  | 'notFound'
  | 'throttled'
  | 'unsupportedAction'
  | 'badRequest'
  | 'serviceUnavailable'
  | 'serverError'
  | 'network'
  | 'malformedResponse'
  | 'redirected'
  | 'other';

export interface GraphErrorInit {
  method: string;
  /** URL path without the query, e.g. /v1.0/deviceManagement/managedDevices. */
  path: string;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  /** Graph's `error.code`, or this client's own: malformedResponse, networkError, httpError. */
  code: string;
  /** The readable message: Intune's message when it wrapped one, else Graph's. */
  serviceMessage: string;
  requestId: string | null;
  clientRequestId: string;
  /** When Graph answered (innerError.date or the Date header). */
  date: string | null;
  retryAfterMs: number | null;
  intune: IntuneErrorDetails | null;
  /** On a 403: the scopes Intune named, else the endpoint's documented ones (any one suffices). */
  requiredScopes: readonly string[];
  /** On a 403: whether the token lacks those scopes; null when nothing tells. */
  scopeMissing: boolean | null;
  cause?: unknown;
}

export class GraphError extends Error {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly code: string;
  readonly serviceMessage: string;
  readonly requestId: string | null;
  readonly clientRequestId: string;
  readonly date: string | null;
  readonly retryAfterMs: number | null;
  readonly intune: IntuneErrorDetails | null;
  readonly requiredScopes: readonly string[];
  readonly kind: GraphErrorKind;

  constructor(init: GraphErrorInit) {
    super(`${init.method} ${init.path} failed${init.status ? ` (HTTP ${init.status} ${init.code})` : ''}: ${init.serviceMessage}`, {
      cause: init.cause,
    });
    this.name = 'GraphError';
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.code = init.code;
    this.serviceMessage = init.serviceMessage;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.retryAfterMs = init.retryAfterMs;
    this.intune = init.intune;
    this.requiredScopes = init.requiredScopes;
    this.kind = classify(init);
  }

  /** The identifiers Microsoft support asks for. */
  get supportReference(): string {
    return [
      this.requestId && `request-id ${this.requestId}`,
      `client-request-id ${this.clientRequestId}`,
      this.intune?.activityId && `Activity ID ${this.intune.activityId}`,
      this.date && `date ${this.date}`,
    ]
      .filter(Boolean)
      .join(', ');
  }
}

export function isGraphError(error: unknown, kind?: GraphErrorKind): error is GraphError {
  return error instanceof GraphError && (kind === undefined || error.kind === kind);
}

function classify(init: GraphErrorInit): GraphErrorKind {
  if (init.code === 'malformedResponse') return 'malformedResponse';
  if (init.code === 'redirected') return 'redirected';
  switch (init.status) {
    case 0:
      return 'network';
    case 400:
      // Every POST this client sends is a device action; Intune answers 400 when the platform lacks it.
      return init.method === 'POST' ? 'unsupportedAction' : 'badRequest';
    case 401:
      return 'unauthorized';
    case 403:
      if (init.scopeMissing === true) return 'missingPermission';
      // Intune refuses although the token carries the scope: the signed-in user holds no Intune role.
      return init.scopeMissing === false && init.intune ? 'noIntuneRole' : 'forbidden';
    case 404:
      return 'notFound';
    case 429:
      return 'throttled';
    case 500:
      return 'serverError';
    case 502:
    case 503:
    case 504:
      return 'serviceUnavailable';
    default:
      return 'other';
  }
}
