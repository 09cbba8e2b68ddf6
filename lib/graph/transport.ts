import type { z } from 'zod';
import { isRedirect, NO_REDIRECTS } from '../redirects';
import { errorFromResponse, malformedResponse, networkError, redirectedResponse, type AttemptContext, type ResponseParts } from './error-response';
import { isGraphError, type GraphError } from './errors';
import { parseJsonOrUndefined } from './json';
import type { RequestLimiter } from './limiter';
import { InvalidRequestError } from './request-error';
import { retryDelayMs, type RetryPolicy } from './retry-policy';
import { describeIssues } from './zod-issues';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface GraphRequest {
  method: HttpMethod;
  /** A path under the cloud's /v1.0 base (query included), or an absolute URL Graph handed out (`@odata.nextLink`). */
  url: string;
  /** Sent as JSON. */
  body?: unknown;
  /** The scopes the endpoint needs, any one of them (to explain a 403). */
  scopes: readonly string[];
}

/** What identifies an accepted request to Microsoft support: Graph's request-id and our client-request-id. */
export interface GraphReceipt {
  requestId: string | null;
  clientRequestId: string;
}

export interface TransportDependencies {
  /** e.g. https://graph.microsoft.com/v1.0 */
  baseUrl: string;
  getAccessToken: () => Promise<string>;
  /** The scopes granted with the token, if the token source knows them. */
  grantedScopes?: () => Promise<readonly string[]>;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  limiter: RequestLimiter;
  retryPolicy: RetryPolicy;
  /** No wait may end after this time (on `now`); the failure is handed over instead, with its Retry-After. */
  retryUntil?: number;
}

export interface Transport {
  /** The 2xx body, parsed as JSON and checked against `schema`. */
  json<Schema extends z.ZodType>(request: GraphRequest, schema: Schema): Promise<z.output<Schema>>;
  /** For actions and DELETE: any 2xx, body ignored; the ids Microsoft support asks for. */
  noContent(request: GraphRequest): Promise<GraphReceipt>;
}

/** `path?k=v&…` with values percent-encoded (spaces as %20: OData does not read "+" as a space). */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${encodeURIComponent(value)}`]));
  return pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
}

export function createTransport(deps: TransportDependencies): Transport {
  const base = new URL(deps.baseUrl);

  /** The URL to fetch, verbatim for a link Graph gave us; never one that would carry the token off Graph. */
  function resolve(url: string): { href: string; path: string } {
    const href = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${deps.baseUrl}${url}`;
    const target = new URL(href);
    if (target.origin !== base.origin) {
      throw new InvalidRequestError(`Graph returned a link to ${target.origin}; the client only sends its token to ${base.origin}.`);
    }
    return { href, path: target.pathname };
  }

  async function grantedScopesOrNull(): Promise<readonly string[] | null> {
    try {
      return (await deps.grantedScopes?.()) ?? null;
    } catch {
      return null;
    }
  }

  async function send(request: GraphRequest): Promise<{ response: ResponseParts; context: AttemptContext }> {
    const target = resolve(request.url);
    // One id for the request and its retries, so that Microsoft support can follow all attempts.
    const clientRequestId = crypto.randomUUID();
    for (let retries = 0; ; retries += 1) {
      await deps.limiter.acquire(request.method === 'GET' ? 'read' : 'write');
      const token = await deps.getAccessToken();
      const context: AttemptContext = {
        method: request.method,
        path: target.path,
        clientRequestId,
        nowMs: deps.now(),
        requiredScopes: request.scopes,
        grantedScopes: null,
      };
      let failure: GraphError;
      try {
        const response = await deps.fetch(target.href, {
          ...NO_REDIRECTS,
          method: request.method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            'client-request-id': clientRequestId,
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
        // A redirect would carry the token to another host: stop there, and do not try again.
        if (isRedirect(response)) throw redirectedResponse(response, context);
        const parts: ResponseParts = {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
          text: await response.text(),
        };
        if (response.ok) return { response: parts, context };
        const grantedScopes = response.status === 403 ? await grantedScopesOrNull() : null;
        failure = errorFromResponse(parts, { ...context, nowMs: deps.now(), grantedScopes });
      } catch (cause) {
        if (isGraphError(cause, 'redirected')) throw cause;
        failure = networkError(cause, context);
      }
      const delay = retryDelayMs(failure, retries, deps.random, deps.retryPolicy);
      if (delay === null || (deps.retryUntil !== undefined && deps.now() + delay > deps.retryUntil)) throw failure;
      await deps.sleep(delay);
    }
  }

  return {
    async json(request, schema) {
      const { response, context } = await send(request);
      const body = parseJsonOrUndefined(response.text);
      if (body === undefined) throw malformedResponse(response, context, 'body is not JSON');
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw malformedResponse(response, context, `does not have the expected shape (${describeIssues(parsed.error)})`);
      return parsed.data;
    },
    async noContent(request) {
      const { response, context } = await send(request);
      return { requestId: response.headers.get('request-id'), clientRequestId: context.clientRequestId };
    },
  };
}
