import { header, json, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { World } from '../world.ts';
import { corsHeaders } from './cors.ts';

/** One Entra failure: the OAuth `error`, the AADSTS number and its text (wording from Entra's answers). */
export interface AadstsError {
  error: string;
  code: number;
  message: string;
  /** Entra adds `suberror` when the fix is a specific user action (e.g. consent_required). */
  suberror?: string;
  /** HTTP status on the token endpoint; 400 unless said. */
  status?: number;
}

const err = (error: string, code: number, message: string, extra: Partial<AadstsError> = {}): AadstsError => ({
  error,
  code,
  message,
  ...extra,
});

export const AADSTS = {
  missingParameter: (name: string) =>
    err('invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  postOnly: (method: string) =>
    err('invalid_request', 900561, `The endpoint only accepts POST requests. Received a ${method} request.`),
  malformed: (error = 'invalid_request') => err(error, 9002313, 'Invalid request. Request is malformed or invalid.'),
  /** `invalid_tenant` from the metadata endpoints, `invalid_request` from the token endpoint. */
  tenantNotFound: (tenant: string, error = 'invalid_request') =>
    err(
      error,
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  unknownInstance: () =>
    err('invalid_instance', 50049, "Unknown or invalid instance. The 'authorization_endpoint' is not a known Microsoft Entra authority."),
  appNotFound: (clientId: string, tenant: string) =>
    err(
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  publicClientWithSecret: () =>
    err(
      'invalid_client',
      700025,
      "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
      { status: 401 },
    ),
  redirectUriMismatch: (redirectUri: string, clientId: string) =>
    err(
      'invalid_request',
      50011,
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
    ),
  unsupportedResponseType: (value: string) =>
    err('unsupported_response_type', 700051, `response_type '${value}' is not enabled for the application.`),
  pkceRequired: () =>
    err('invalid_request', 9002325, 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.'),
  invalidChallengeMethod: () => err('invalid_request', 50149, 'Invalid Code_Challenge_method parameter.'),
  invalidChallengeSize: () => err('invalid_request', 501491, 'Invalid size of Code_Challenge parameter.'),
  resourceNotFound: (resource: string, tenant: string) =>
    err(
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  scopeDoesNotExist: (appName: string, scope: string) =>
    err(
      'invalid_client',
      650053,
      `The application '${appName}' asked for scope '${scope}' that doesn't exist on the resource '00000003-0000-0000-c000-000000000000'. Contact the app vendor.`,
    ),
  invalidScopeCombination: (raw: string) =>
    err('invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope '${raw}' is not valid.`),
  noSession: () =>
    err(
      'login_required',
      50058,
      "A silent sign-in request was sent but no user is signed in. The cookies used to represent the user's session were not sent in the request to Azure AD.",
    ),
  hintNotSignedIn: () =>
    err('login_required', 50058, 'A silent sign-in request was sent but none of the currently signed in user(s) match the requested login hint.'),
  notConsented: (error: 'consent_required' | 'interaction_required' | 'invalid_grant', clientId: string, appName: string) =>
    err(
      error,
      65001,
      `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
      error === 'invalid_grant' ? { suberror: 'consent_required' } : {},
    ),
  userDeclined: () => err('access_denied', 65004, 'User declined to consent to access the app.'),
  adminApprovalRequired: () => err('access_denied', 90094, 'The grant requires admin permission.'),
  codeRedeemed: () =>
    err(
      'invalid_grant',
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    ),
  expired: () =>
    err(
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    ),
  codeOfOtherClient: () => err('invalid_grant', 70000, "The provided value for the 'code' parameter is not valid."),
  refreshTokenOfOtherClient: () =>
    err('invalid_grant', 70000, "The provided value for the input parameter 'refresh_token' or 'assertion' is not valid."),
  replyAddressMismatch: (given: string, expected: string) =>
    err(
      'invalid_grant',
      500112,
      `The reply address '${given}' does not match the reply address '${expected}' provided when requesting Authorization code.`,
    ),
  verifierMissing: () =>
    err('invalid_grant', 50148, 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.'),
  verifierMismatch: () =>
    err('invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'),
  spaNeedsCrossOrigin: () =>
    err(
      'invalid_request',
      9002327,
      "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
    ),
  spaRefreshTokenExpired: (lifetime: string, issuedAt: string) =>
    err(
      'invalid_grant',
      700084,
      `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of ${lifetime}, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on ${issuedAt}.`,
    ),
  revoked: (issuedAt: string) =>
    err(
      'invalid_grant',
      50173,
      `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${issuedAt}'.`,
    ),
  unsupportedGrantType: (grantType: string) =>
    err('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`),
};

/** Ids Entra stamps on every failure; the correlation id echoes the client's `client-request-id`. */
export interface Trace {
  traceId: string;
  correlationId: string;
  timestamp: string;
}

export function traceOf(req: SandboxRequest, world: World): Trace {
  return {
    traceId: crypto.randomUUID(),
    correlationId: header(req, 'client-request-id') ?? req.url.searchParams.get('client-request-id') ?? crypto.randomUUID(),
    timestamp: entraTimestamp(world.now()),
  };
}

/** Entra's timestamp form: "2024-08-29 03:22:33Z". */
export function entraTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A .NET TimeSpan as Entra prints lifetimes: "1.00:00:00". */
export function timeSpan(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  return `${days}.${pad(hours)}:${pad(minutes)}:${pad(totalSeconds % 60)}`;
}

export function describeError(error: AadstsError, trace: Trace): string {
  return `AADSTS${error.code}: ${error.message}\r\nTrace ID: ${trace.traceId}\r\nCorrelation ID: ${trace.correlationId}\r\nTimestamp: ${trace.timestamp}`;
}

export function errorUri(host: string, error: AadstsError): string {
  return `https://${host}/error?code=${error.code}`;
}

/** A token or metadata endpoint failure in Entra's JSON form. */
export function errorJson(req: SandboxRequest, world: World, error: AadstsError): SandboxResponse {
  const trace = traceOf(req, world);
  return json(
    error.status ?? 400,
    {
      error: error.error,
      error_description: describeError(error, trace),
      error_codes: [error.code],
      timestamp: trace.timestamp,
      trace_id: trace.traceId,
      correlation_id: trace.correlationId,
      error_uri: errorUri(req.host, error),
      ...(error.suberror ? { suberror: error.suberror } : {}),
    },
    { ...corsHeaders(req), 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
  );
}
