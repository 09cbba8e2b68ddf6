import { json, type SandboxResponse } from '../http.ts';

/** The two correlation IDs Graph returns on every response and repeats in error bodies. */
export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

export function newRequestIds(clientRequestId?: string): RequestIds {
  return { requestId: crypto.randomUUID(), clientRequestId: clientRequestId ?? crypto.randomUUID() };
}

export function idHeaders(ids: RequestIds): Record<string, string> {
  return { 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId };
}

/** Graph's JSON content type, as the service sends it. */
export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** `{ error: { code, message, innerError: { date, request-id, client-request-id } } }` */
export function graphError(
  status: number,
  code: string,
  message: string,
  ids: RequestIds = newRequestIds(),
  headers: Record<string, string> = {},
  extraInnerError: Record<string, string> = {},
): SandboxResponse {
  const innerError = {
    ...extraInnerError,
    date: new Date().toISOString().slice(0, 19),
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
  };
  return json(status, { error: { code, message, innerError } }, { 'content-type': GRAPH_JSON, ...idHeaders(ids), ...headers });
}

/** 429 with Retry-After and the body of Graph's throttling documentation. */
export function throttled(retryAfterSeconds: number, ids?: RequestIds): SandboxResponse {
  return graphError(429, 'TooManyRequests', 'Please retry again later.', ids, { 'retry-after': String(retryAfterSeconds) }, {
    code: '429',
    message: 'Please retry after',
    status: '429',
  });
}

/** 503 as Graph documents it ("serviceNotAvailable"; may carry Retry-After). */
export function serviceUnavailable(retryAfterSeconds?: number, ids?: RequestIds): SandboxResponse {
  const headers: Record<string, string> = retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
  return graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Try the request again after a delay.', ids, headers);
}

/** Where the Intune front end that Graph forwards to lives; Intune's messages quote the URL. */
const INTUNE_FRONT_END = 'https://fef.msua06.manage.microsoft.com/DeviceFE/StatelessDeviceFEService';
const INTUNE_API_VERSION = '2023-07-04';

/**
 * The Intune service error that Graph passes on as a JSON *string* in `error.message`, pretty-printed
 * with CRLF line breaks as Intune writes it (reference/intune-graph.md §4.3).
 */
function intuneServiceMessage(message: string, httpHeaders: Record<string, string> = {}): string {
  const body = {
    _version: 3,
    Message: message,
    CustomApiErrorPhrase: '',
    RetryAfter: null,
    ErrorSourceService: '',
    HttpHeaders: JSON.stringify(httpHeaders),
  };
  return JSON.stringify(body, null, 2).replace(/\n/g, '\r\n');
}

/** Intune's generic failure text, naming the front-end URL that failed. */
export function intuneFailureText(intunePath: string): string {
  return (
    'An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - ' +
    `Activity ID: ${crypto.randomUUID()} - Url: ${INTUNE_FRONT_END}${intunePath}?api-version=${INTUNE_API_VERSION}`
  );
}

/** An Intune error as Graph returns it: `code` outside, Intune's JSON inside `message`. */
export function intuneError(status: number, code: string, innerMessage: string, ids?: RequestIds): SandboxResponse {
  return graphError(status, code, intuneServiceMessage(innerMessage), ids);
}

/**
 * Intune's 403 for a caller without the permission or without an Intune role: `UnknownError`
 * wrapping `{"ErrorCode":"Forbidden","Message":"<Intune JSON>",…}`.
 */
export function intuneForbidden(intunePath: string, ids?: RequestIds): SandboxResponse {
  const challenge = { 'WWW-Authenticate': `Bearer realm="urn:intune:service,${crypto.randomUUID()},${crypto.randomUUID()}"` };
  const message = JSON.stringify({
    ErrorCode: 'Forbidden',
    Message: intuneServiceMessage(intuneFailureText(intunePath), challenge),
    Target: null,
    Details: null,
    InnerError: null,
    InstanceAnnotations: [],
  });
  return graphError(403, 'UnknownError', message, ids);
}

/** A 400 from Graph's OData layer or from a handler's validation, raised where it is found. */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function badRequest(message: string, code = 'BadRequest'): GraphRequestError {
  return new GraphRequestError(400, code, message);
}
