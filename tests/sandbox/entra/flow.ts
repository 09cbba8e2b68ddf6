import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { SANDBOX_TENANT_ID } from '../directory.ts';
import { SANDBOX_CLIENT_ID } from './state.ts';

/** The auth-code + PKCE flow driven by hand, as tests of the Entra imitation need it. */

export const CHROME_REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
export const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const GRAPH_SCOPES = 'https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All openid profile offline_access';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function makePkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface Place {
  host?: string;
  tenant?: string;
}

function base({ host = 'login.microsoftonline.com', tenant = SANDBOX_TENANT_ID }: Place): string {
  return `https://${host}/${tenant}`;
}

/** An /authorize URL with the parameters the extension sends; `null` leaves one out. */
export function authorizeUrl(pkce: Pkce, params: Record<string, string | null> = {}, place: Place = {}): string {
  const url = new URL(`${base(place)}/oauth2/v2.0/authorize`);
  const all: Record<string, string | null> = {
    client_id: SANDBOX_CLIENT_ID,
    response_type: 'code',
    redirect_uri: CHROME_REDIRECT_URI,
    scope: GRAPH_SCOPES,
    response_mode: 'query',
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    state: 'state-123',
    nonce: 'nonce-456',
    ...params,
  };
  for (const [key, value] of Object.entries(all)) if (value !== null) url.searchParams.set(key, value);
  return url.href;
}

/** Opens a URL as the auth window would, without following redirects. */
export function open(fetch: typeof globalThis.fetch, url: string): Promise<Response> {
  return fetch(url, { redirect: 'manual' });
}

/** The answer carried by a redirect to the extension: the query (or fragment) of its Location. */
export function answerOf(res: Response): URLSearchParams {
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(CHROME_REDIRECT_URI);
  return new URLSearchParams(location.hash ? location.hash.slice(1) : location.search);
}

/** Where a click on the page's #cancel link goes. */
export function cancelLinkOf(page: string, host = 'login.microsoftonline.com'): string {
  const href = /<a id="cancel" href="([^"]+)"/.exec(page)?.[1];
  if (!href) throw new Error('The page has no #cancel link');
  return `https://${host}${href.replaceAll('&#38;', '&')}`;
}

/** Submits the consent form, as a click on #accept does (after ticking the organization box if asked). */
export function acceptConsent(
  fetch: typeof globalThis.fetch,
  page: string,
  options: { onBehalfOfOrganization?: boolean; host?: string } = {},
): Promise<Response> {
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  const ctx = /name="ctx" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !ctx || !page.includes('id="accept"')) throw new Error('The page has no consent form with #accept');
  const form = new URLSearchParams({ ctx });
  if (options.onBehalfOfOrganization) form.set('consent_on_behalf', 'true');
  return fetch(`https://${options.host ?? 'login.microsoftonline.com'}${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
}

/** POST to the token endpoint as the extension's service worker does (Origin chrome-extension://…). */
export function postToken(
  fetch: typeof globalThis.fetch,
  body: Record<string, string>,
  options: Place & { origin?: string | null } = {},
): Promise<Response> {
  const origin = options.origin === undefined ? EXTENSION_ORIGIN : options.origin;
  return fetch(`${base(options)}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      ...(origin === null ? {} : { origin }),
    },
    body: new URLSearchParams(body).toString(),
  });
}

export function redeemCode(fetch: typeof globalThis.fetch, code: string, pkce: Pkce, extra: Record<string, string> = {}, place: Place = {}) {
  return postToken(
    fetch,
    {
      client_id: SANDBOX_CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: CHROME_REDIRECT_URI,
      code_verifier: pkce.verifier,
      ...extra,
    },
    place,
  );
}

export function refresh(fetch: typeof globalThis.fetch, refreshToken: string, extra: Record<string, string> = {}) {
  return postToken(fetch, { client_id: SANDBOX_CLIENT_ID, grant_type: 'refresh_token', refresh_token: refreshToken, ...extra });
}

/** Signs in with an immediate redirect and redeems the code: the token response body. */
export async function signIn(fetch: typeof globalThis.fetch, params: Record<string, string | null> = {}): Promise<TokenBody> {
  const pkce = makePkce();
  const code = answerOf(await open(fetch, authorizeUrl(pkce, params))).get('code');
  if (!code) throw new Error('The sign-in gave no code');
  const res = await redeemCode(fetch, code, pkce);
  expect(res.status).toBe(200);
  return (await res.json()) as TokenBody;
}

export interface TokenBody {
  token_type: string;
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  id_token?: string;
  client_info?: string;
}

export interface TokenErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
}

/** The claims of a JWT, unverified. */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The AADSTS number at the head of an error_description. */
export function aadstsOf(description: string | null | undefined): number | undefined {
  const match = /^AADSTS(\d+):/.exec(description ?? '');
  return match ? Number(match[1]) : undefined;
}
