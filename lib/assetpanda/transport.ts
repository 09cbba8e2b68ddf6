import { isRedirect, NO_REDIRECTS, redirectTarget } from '../redirects';
import { parseRetryAfter, sleep as realSleep } from '../retry';
import { API_BASE_URL_RULE, normaliseApiBaseUrl } from './api-base-url';
import type { ShapeLog } from './diagnostics';
import { AssetPandaError, NotUniqueError } from './errors';
import { checkAnswer, type Answer } from './expectations';
import { ACCESS_KEY_ID_HEADER, ACCESS_KEY_SECRET_HEADER, type Endpoint } from './published';
import { isRetryable, retryBackoffMs, RETRY_POLICY } from './retry';
import { ERROR_BODY, uniqueViolations, type ErrorBody } from './unpublished';

export interface Credentials {
  /** e.g. https://api.assetpanda.app, without a trailing slash. */
  baseUrl: string;
  accessKeyId: string;
  accessKeySecret: string;
}

export interface TransportOptions extends Credentials {
  fetch?: typeof fetch;
  /** How retries wait; tests pass their own. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** How long one attempt may take before it counts as a network failure. */
  timeoutMs?: number;
  /** Where the shapes of the answers go, for "Export diagnostics". */
  log?: ShapeLog;
}

export interface Call {
  endpoint: Endpoint;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** What the call is about, in words for a "not found" message: `collection 01H…`. */
  subject: string;
}

export type Send = (call: Call) => Promise<Answer>;

const REQUEST_TIMEOUT_MS = 30_000;

/** Sends Asset Panda calls with the key pair, retries what may be retried, and turns failures into errors an admin can act on. */
export function createTransport(options: TransportOptions): Send {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  // The one place the key pair is sent: it goes to Asset Panda's API or nowhere.
  const baseUrl = normaliseApiBaseUrl(options.baseUrl);
  if (!baseUrl) throw new AssetPandaError('invalid-input', API_BASE_URL_RULE);
  const headers = {
    [ACCESS_KEY_ID_HEADER]: options.accessKeyId,
    [ACCESS_KEY_SECRET_HEADER]: options.accessKeySecret,
    accept: 'application/json',
  };

  return async function send(call) {
    const { endpoint } = call;
    const operation = `${endpoint.method} ${endpoint.path}`;
    const init = (): RequestInit => ({
      ...NO_REDIRECTS,
      method: endpoint.method,
      signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
      headers: call.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    const url = requestUrl(baseUrl, call);
    for (let attempt = 0; ; attempt += 1) {
      const mayRetry = attempt < RETRY_POLICY.maxRetries;
      let status: number;
      let text: string;
      let retryAfter: string | null;
      let response: Response;
      try {
        response = await fetchImpl(url, init());
        status = response.status;
        retryAfter = response.headers.get('retry-after');
        text = await response.text();
      } catch (error) {
        if (mayRetry && isRetryable(endpoint.effect, 'network')) {
          await sleep(retryBackoffMs(attempt));
          continue;
        }
        throw unreachable(baseUrl, error);
      }
      if (isRedirect(response)) throw redirected(operation, response);
      const answer: Answer = { operation, status, body: parseJson(text) };
      if (status >= 200 && status < 300) {
        if (text !== '' && answer.body === undefined) throw notJson(answer, options.log);
        return answer;
      }
      const waitMs = parseRetryAfter(retryAfter, now()) ?? retryBackoffMs(attempt);
      if (mayRetry && isRetryable(endpoint.effect, status) && waitMs <= RETRY_POLICY.maxWaitMs) {
        await sleep(waitMs);
        continue;
      }
      throw failure(call, answer, waitMs, options.log);
    }
  };
}

function requestUrl(baseUrl: string, { endpoint, params = {}, query }: Call): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = query ? `?${new URLSearchParams(query).toString()}` : '';
  return `${baseUrl}${path}${search}`;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function unreachable(baseUrl: string, error: unknown): AssetPandaError {
  const reason = error instanceof Error ? [error.message, causeCode(error)].filter(Boolean).join(': ') : String(error);
  return new AssetPandaError(
    'network',
    `Could not reach Asset Panda at ${baseUrl} (${reason}). Check the API base URL and your network connection, then try again.`,
  );
}

function redirected(operation: string, response: Response): AssetPandaError {
  return new AssetPandaError(
    'redirected',
    `Asset Panda's API answered ${operation} with a redirect to ${redirectTarget(response)}. The extension never sends your API key to another ` +
      'address, so it stopped and sent nothing there. Check that the API base URL is https://api.assetpanda.app, then try again.',
  );
}

function causeCode(error: Error): string | undefined {
  const cause = error.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

function notJson(answer: Answer, log: ShapeLog | undefined): AssetPandaError {
  log?.record({ operation: answer.operation, status: answer.status, expectation: 'json', matched: false, problems: ['the answer is not JSON'], shape: 'text' });
  return new AssetPandaError(
    'unexpected-answer',
    `Asset Panda's answer to ${answer.operation} was not JSON. Check that the API base URL points at the Asset Panda API (https://api.assetpanda.app).`,
    answer.status,
  );
}

/** The error for an answer that is not a success (and will not be retried). */
function failure(call: Call, answer: Answer, waitMs: number, log: ShapeLog | undefined): AssetPandaError {
  const { status } = answer;
  const checked = answer.body === undefined ? undefined : checkAnswer(ERROR_BODY, answer, log);
  const body = checked?.ok ? checked.value : undefined;
  if (status === 401) {
    return new AssetPandaError(
      'unauthorized',
      'Asset Panda did not accept the Access Key ID and Access Key Secret. Check both in Asset Panda under Settings → API Configuration; ' +
        'the secret is only shown when a key is created, so create a new key if you no longer have it.',
      status,
    );
  }
  if (status === 403) {
    return new AssetPandaError(
      'forbidden',
      call.endpoint.effect === 'write'
        ? 'This API key may not change records. In Asset Panda, open Settings → API Configuration and give the key write permission, or create a key that has it.'
        : `This API key may not read ${call.subject}. In Asset Panda, open Settings → API Configuration and check the key's permissions.`,
      status,
    );
  }
  if (status === 404) {
    return new AssetPandaError(
      'not-found',
      `Asset Panda could not find ${call.subject}${body ? ` (${body.message})` : ''}. Check that it still exists in Asset Panda and that this API key's account can reach it.`,
      status,
      body?.errors,
    );
  }
  if (status === 429) {
    return new AssetPandaError(
      'rate-limited',
      `Asset Panda is limiting requests from this API key. Wait ${Math.ceil(waitMs / 1000)} seconds, then try again.`,
      status,
    );
  }
  const violations = uniqueViolations(status, body);
  if (violations.length > 0) return new NotUniqueError(violations, status, body?.errors);
  if (status >= 500) {
    return new AssetPandaError('server', `Asset Panda had a problem answering ${answer.operation} (HTTP ${status}). Try again in a few minutes.`, status);
  }
  return new AssetPandaError(
    'rejected',
    `Asset Panda refused the request for ${call.subject} (HTTP ${status})${body ? `: ${details(body)}` : ''}.` +
      (checked && !checked.ok ? ` Its error did not match what the extension assumes: ${ERROR_BODY.statement} Use "Export diagnostics" on the options page to report it.` : ''),
    status,
    body?.errors,
  );
}

function details(body: ErrorBody): string {
  const reasons = (body.errors ?? []).map((error) => error.message);
  return [body.message.replace(/\.$/, ''), ...reasons].join(' — ');
}
