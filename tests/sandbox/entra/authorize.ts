import { html, redirect, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { World } from '../world.ts';
import { AADSTS, describeError, errorUri, traceOf, type AadstsError } from './errors.ts';
import { opaque, userOf } from './issue.ts';
import { adminApprovalPage, consentPage, errorPage, formPostPage } from './pages.ts';
import { isRegisteredClient, isRegisteredRedirectUri } from './registration.ts';
import { decideScopes, isAdminOnly, parseScopes } from './scopes.ts';
import type { AuthorizeTarget, CodeBinding, PendingAuthorization } from './state.ts';
import { resolveTenant, tenantIdFor } from './tenants.ts';

const RESPONSE_MODES = ['query', 'fragment', 'form_post'] as const;

/** GET /{tenant}/oauth2/v2.0/authorize */
export function authorize(req: SandboxRequest, world: World, tenantSegment: string): SandboxResponse {
  const state = world.entra;
  const query = req.url.searchParams;
  // Until the client and its redirect URI are trusted, Entra shows its error page instead of redirecting.
  const showError = (error: AadstsError) => html(400, errorPage(error, traceOf(req, world)));

  const tenant = resolveTenant(tenantSegment, world.directory);
  if (!tenant) return showError(AADSTS.tenantNotFound(tenantSegment));
  const tenantId = tenantIdFor(tenant, world.directory);
  const clientId = query.get('client_id');
  if (!clientId) return showError(AADSTS.missingParameter('client_id'));
  if (!isRegisteredClient(state, clientId)) return showError(AADSTS.appNotFound(clientId, tenantId));
  const redirectUri = query.get('redirect_uri');
  if (!redirectUri) return showError(AADSTS.missingParameter('redirect_uri'));
  if (!isRegisteredRedirectUri(state, redirectUri)) return showError(AADSTS.redirectUriMismatch(redirectUri, clientId));

  const responseMode = query.get('response_mode') ?? 'query';
  const target: AuthorizeTarget = {
    redirectUri,
    responseMode: RESPONSE_MODES.find((m) => m === responseMode) ?? 'query',
    state: query.get('state') ?? undefined,
  };
  const fail = (error: AadstsError, extra?: Record<string, string>) => answerError(req, world, target, error, extra);
  if (target.responseMode !== responseMode) return fail(AADSTS.malformed());

  const responseType = query.get('response_type');
  if (!responseType) return fail(AADSTS.missingParameter('response_type'));
  if (responseType !== 'code') return fail(AADSTS.unsupportedResponseType(responseType));
  const parsed = parseScopes(query.get('scope') ?? '', state.appDisplayName, tenantId);
  if (!parsed.ok) return fail(parsed.error);

  const pkce = checkChallenge(query.get('code_challenge'), query.get('code_challenge_method'));
  if ('error' in pkce) return fail(pkce.error);

  const user = userOf(world, state.signedInUserId);
  const binding: CodeBinding = {
    userId: user.id,
    tenantId,
    clientId: state.clientId,
    scopes: parsed.request,
    redirectUri,
    codeChallenge: pkce.challenge,
    codeChallengeMethod: pkce.method,
    nonce: query.get('nonce') ?? undefined,
  };
  const { granted, missing } = decideScopes(parsed.request, state, user.id);
  const prompt = query.get('prompt');

  if (prompt === 'none') {
    // A silent request never shows a page: it answers with the reason interaction would be needed.
    if (!state.hasSession) return fail(AADSTS.noSession());
    const hint = query.get('login_hint');
    if (hint && hint.toLowerCase() !== user.userPrincipalName.toLowerCase()) return fail(AADSTS.hintNotSignedIn());
    if (missing.length > 0) return fail(AADSTS.notConsented('consent_required', state.clientId, state.appDisplayName));
    if (state.mode !== 'redirect') return fail(AADSTS.notConsented('interaction_required', state.clientId, state.appDisplayName));
    return issueCode(world, binding, target);
  }

  // The sign-in itself is not imitated: the signed-in user passes it at once and the browser keeps a session.
  // ASSUMPTION: an interactive request signs in `signedInUserId` whatever its login_hint names. Entra
  // only pre-fills the account picker with the hint and the user may pick or type another account, so
  // the test says who signs in; prompt=none, which shows no page, does hold to the hint (above).
  state.hasSession = true;
  if (state.mode === 'deny') return fail(AADSTS.userDeclined(), { error_subcode: 'cancel' });
  const ctx = opaque('');
  const cancelHref = `/${encodeURIComponent(tenantSegment)}/Consent/Cancel?ctx=${encodeURIComponent(ctx)}`;
  if (missing.some(isAdminOnly) && !state.consentAdminIds.has(user.id)) {
    state.pending.set(ctx, { page: 'admin-approval', binding, target, missing });
    const markup = adminApprovalPage({
      appName: state.appDisplayName,
      userName: user.userPrincipalName,
      cancelHref,
      error: AADSTS.adminApprovalRequired(),
      trace: traceOf(req, world),
    });
    return html(200, markup);
  }
  if (missing.length > 0 || state.mode === 'consent' || prompt === 'consent') {
    state.pending.set(ctx, { page: 'consent', binding, target, missing });
    const markup = consentPage({
      appName: state.appDisplayName,
      userName: user.userPrincipalName,
      scopes: missing.length > 0 ? missing : granted,
      offerOrganizationConsent: state.consentAdminIds.has(user.id),
      acceptAction: `/${encodeURIComponent(tenantSegment)}/Consent/Set`,
      cancelHref,
      ctx,
    });
    return html(200, markup);
  }
  return issueCode(world, binding, target);
}

/** POST /{tenant}/Consent/Set: #accept on the consent page. */
export function acceptConsent(req: SandboxRequest, world: World): SandboxResponse {
  const state = world.entra;
  const pending = takePending(world, req.form.get('ctx'));
  if (!pending || pending.page !== 'consent') return html(400, errorPage(AADSTS.malformed(), traceOf(req, world)));
  const { userId } = pending.binding;
  const userGrants = state.userConsents.get(userId) ?? new Set<string>();
  for (const scope of pending.missing) userGrants.add(scope);
  state.userConsents.set(userId, userGrants);
  if (req.form.get('consent_on_behalf') === 'true' && state.consentAdminIds.has(userId)) {
    for (const scope of pending.missing) state.consentedScopes.add(scope);
  }
  return issueCode(world, pending.binding, pending.target);
}

/** GET /{tenant}/Consent/Cancel: #cancel on the consent or "Need admin approval" page. */
export function cancelConsent(req: SandboxRequest, world: World): SandboxResponse {
  const pending = takePending(world, req.url.searchParams.get('ctx'));
  if (!pending) return html(400, errorPage(AADSTS.malformed(), traceOf(req, world)));
  return answerError(req, world, pending.target, AADSTS.userDeclined(), { error_subcode: 'cancel' });
}

function takePending(world: World, ctx: string | null): PendingAuthorization | undefined {
  const pending = ctx === null ? undefined : world.entra.pending.get(ctx);
  if (ctx !== null) world.entra.pending.delete(ctx);
  return pending;
}

/**
 * PKCE: Entra requires a code_challenge for SPA redirect URIs, and "supports both plain and S256";
 * without code_challenge_method the challenge is taken as plain. (The extension sends S256.)
 */
function checkChallenge(
  challenge: string | null,
  method: string | null,
): { challenge: string; method: 'S256' | 'plain' } | { error: AadstsError } {
  if (!challenge) return { error: AADSTS.pkceRequired() };
  const chosen = method ?? 'plain';
  if (chosen !== 'S256' && chosen !== 'plain') return { error: AADSTS.invalidChallengeMethod() };
  // S256: base64url of a SHA-256 digest, without padding. Plain: the verifier itself, 43 to 128
  // unreserved characters (RFC 7636).
  const size = chosen === 'S256' ? /^[A-Za-z0-9_-]{43}$/ : /^[A-Za-z0-9._~-]{43,128}$/;
  if (!size.test(challenge)) return { error: AADSTS.invalidChallengeSize() };
  return { challenge, method: chosen };
}

function issueCode(world: World, binding: CodeBinding, target: AuthorizeTarget): SandboxResponse {
  const code = opaque('1.AQ');
  world.entra.codes.set(code, { ...binding, issuedAt: world.now(), redeemed: false });
  const params = new URLSearchParams({ code });
  if (target.state !== undefined) params.set('state', target.state);
  params.set('session_state', crypto.randomUUID());
  return answer(target, params);
}

function answerError(
  req: SandboxRequest,
  world: World,
  target: AuthorizeTarget,
  error: AadstsError,
  extra: Record<string, string> = {},
): SandboxResponse {
  const params = new URLSearchParams({
    error: error.error,
    error_description: describeError(error, traceOf(req, world)),
    error_uri: errorUri(req.host, error),
    ...extra,
  });
  if (target.state !== undefined) params.set('state', target.state);
  return answer(target, params);
}

function answer(target: AuthorizeTarget, params: URLSearchParams): SandboxResponse {
  if (target.responseMode === 'form_post') return html(200, formPostPage(target.redirectUri, params));
  const url = new URL(target.redirectUri);
  if (target.responseMode === 'fragment') url.hash = params.toString();
  else for (const [key, value] of params) url.searchParams.append(key, value);
  return redirect(url.href);
}
