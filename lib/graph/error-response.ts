import { z } from 'zod';
import { redirectTarget } from '../redirects';
import { GraphError } from './errors';
import { parseIntuneMessage, requiredScopesIn } from './intune-error';
import { parseJsonOrUndefined } from './json';
import { parseRetryAfter } from '../retry';
import { grantsAny } from './scopes';

/** Where and when an attempt was made: every GraphError carries it. */
export interface AttemptContext {
  method: string;
  path: string;
  clientRequestId: string;
  nowMs: number;
  /** The endpoint's documented scopes, any one of which suffices. */
  requiredScopes: readonly string[];
  /** The scopes granted with the token, when the token source tells (only asked for after a 403). */
  grantedScopes: readonly string[] | null;
}

/** The parts of an HTTP response the error needs (a fetch Response after its body was read). */
export interface ResponseParts {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

const InnerErrorSchema = z.object({
  date: z.string().optional(),
  'request-id': z.string().optional(),
  'client-request-id': z.string().optional(),
});

// Graph's error body (learn.microsoft.com/graph/errors); `innerError` is spelled both ways in the wild.
const GraphErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    innerError: InnerErrorSchema.optional(),
    innererror: InnerErrorSchema.optional(),
  }),
});

/** The GraphError for a non-2xx response, with Intune's nested message unwrapped. */
export function errorFromResponse(response: ResponseParts, context: AttemptContext): GraphError {
  const body = GraphErrorBodySchema.safeParse(parseJsonOrUndefined(response.text));
  const error = body.success ? body.data.error : undefined;
  const inner = error?.innerError ?? error?.innererror;
  const intune = error ? parseIntuneMessage(error.message) : null;
  const serviceMessage = intune?.message ?? error?.message ?? (response.statusText.trim() || 'the service gave no details.');
  const namedScopes = requiredScopesIn(serviceMessage);
  return new GraphError({
    ...correlation(response, context, inner),
    status: response.status,
    code: error?.code ?? 'httpError',
    serviceMessage,
    intune,
    ...(response.status === 403 ? permissionVerdict(error?.code, namedScopes, context) : { requiredScopes: [], scopeMissing: null }),
  });
}

// Directory (non-Intune) endpoints deny a missing scope with these codes ("Insufficient privileges …").
const SCOPE_DENIED_CODES = new Set(['Authorization_RequestDenied', 'ErrorAccessDenied']);

/**
 * Which scopes a 403 is about, and whether the token lacks them. Intune names the scopes in app-only
 * calls ("must have one of the following scopes"), but answers a delegated call that lacks the scope
 * exactly as one whose user holds no Intune role; then only the granted scopes can tell the two apart.
 */
function permissionVerdict(code: string | undefined, namedScopes: readonly string[], context: AttemptContext) {
  const requiredScopes = namedScopes.length > 0 ? namedScopes : context.requiredScopes;
  let scopeMissing: boolean | null = null;
  if (namedScopes.length > 0 || SCOPE_DENIED_CODES.has(code ?? '')) scopeMissing = true;
  else if (context.grantedScopes) scopeMissing = !grantsAny(context.grantedScopes, requiredScopes);
  return { requiredScopes, scopeMissing };
}

/** A 2xx response whose body is not what the endpoint promises. */
export function malformedResponse(response: ResponseParts, context: AttemptContext, problem: string): GraphError {
  return new GraphError({
    ...correlation(response, context),
    status: response.status,
    code: 'malformedResponse',
    serviceMessage: `the response ${problem}.`,
    intune: null,
    requiredScopes: [],
    scopeMissing: null,
  });
}

/** A redirect answer: the client stops rather than send its token to wherever it points. */
export function redirectedResponse(response: Response, context: AttemptContext): GraphError {
  return new GraphError({
    ...correlation({ status: response.status, statusText: response.statusText, headers: response.headers, text: '' }, context),
    status: response.status,
    code: 'redirected',
    serviceMessage: `Microsoft Graph answered with a redirect to ${redirectTarget(response)}. The extension never sends your sign-in to another address, so it stopped and sent nothing there. Check your network's proxy or firewall, then try again.`,
    intune: null,
    requiredScopes: [],
    scopeMissing: null,
  });
}

/** No response: connection refused or reset, DNS, TLS, CORS, offline. */
export function networkError(cause: unknown, context: AttemptContext): GraphError {
  return new GraphError({
    method: context.method,
    path: context.path,
    status: 0,
    code: 'networkError',
    serviceMessage: `no response from Microsoft Graph (${cause instanceof Error ? cause.message : String(cause)}).`,
    requestId: null,
    clientRequestId: context.clientRequestId,
    date: null,
    retryAfterMs: null,
    intune: null,
    requiredScopes: [],
    scopeMissing: null,
    cause,
  });
}

/** Where, when and under which ids Graph answered: from the body's innerError, else the headers. */
function correlation(response: ResponseParts, context: AttemptContext, inner?: z.infer<typeof InnerErrorSchema>) {
  return {
    method: context.method,
    path: context.path,
    requestId: inner?.['request-id'] ?? response.headers.get('request-id'),
    clientRequestId: inner?.['client-request-id'] ?? response.headers.get('client-request-id') ?? context.clientRequestId,
    date: inner?.date ?? response.headers.get('date'),
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), context.nowMs),
  };
}
