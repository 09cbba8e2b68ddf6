import { createHash } from 'node:crypto';
import { header, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { World } from '../world.ts';
import { AADSTS, entraTimestamp, errorJson, timeSpan, type AadstsError } from './errors.ts';
import { tokenResponse } from './issue.ts';
import { isRegisteredClient } from './registration.ts';
import { decideScopes, parseScopes, type ScopeRequest } from './scopes.ts';
import type { AuthorizationCode, RefreshToken } from './state.ts';
import { resolveTenant, tenantIdFor } from './tenants.ts';

/** Authorization codes are short-lived: "typically, they expire after about 10 minutes". */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** POST /{tenant}/oauth2/v2.0/token */
export function token(req: SandboxRequest, world: World, tenantSegment: string): SandboxResponse {
  const state = world.entra;
  const form = req.form;
  const fail = (error: AadstsError) => errorJson(req, world, error);
  if (req.method !== 'POST') return fail(AADSTS.postOnly(req.method));

  const tenant = resolveTenant(tenantSegment, world.directory);
  if (!tenant) return fail(AADSTS.tenantNotFound(tenantSegment));
  const clientId = form.get('client_id');
  if (!clientId) return fail(AADSTS.missingParameter('client_id'));
  if (!isRegisteredClient(state, clientId)) return fail(AADSTS.appNotFound(clientId, tenantIdFor(tenant, world.directory)));
  if (form.has('client_secret') || form.has('client_assertion')) return fail(AADSTS.publicClientWithSecret());
  const grantType = form.get('grant_type');
  if (!grantType) return fail(AADSTS.missingParameter('grant_type'));
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') return fail(AADSTS.unsupportedGrantType(grantType));
  // Every redirect URI of the registration is on the SPA platform, so every redemption must be cross-origin.
  if (!header(req, 'origin')) return fail(AADSTS.spaNeedsCrossOrigin());

  const outcome = grantType === 'authorization_code' ? redeemCode(req, world) : redeemRefreshToken(req, world);
  return 'error' in outcome ? fail(outcome.error) : outcome.response;
}

type Outcome = { response: SandboxResponse } | { error: AadstsError };

function redeemCode(req: SandboxRequest, world: World): Outcome {
  const form = req.form;
  const code = form.get('code');
  if (!code) return { error: AADSTS.missingParameter('code') };
  const redirectUri = form.get('redirect_uri');
  if (!redirectUri) return { error: AADSTS.missingParameter('redirect_uri') };
  const record = world.entra.codes.get(code);
  if (!record) return { error: AADSTS.malformed('invalid_grant') };
  const problem = codeProblem(record, world.now(), form);
  if (problem) return { error: problem };
  record.redeemed = true;

  const now = world.now();
  const chain = { chainStartedAt: now, chainExpiresAt: now + world.entra.refreshTokenLifetimeSeconds * 1000 };
  const { granted } = decideScopes(record.scopes, world.entra, record.userId);
  const withRefreshToken = granted.includes('offline_access');
  return { response: tokenResponse(req, world, record, granted, { withRefreshToken, chain, nonce: record.nonce }) };
}

function codeProblem(record: AuthorizationCode, now: number, form: URLSearchParams): AadstsError | undefined {
  if (record.redeemed) return AADSTS.codeRedeemed();
  if (now - record.issuedAt > CODE_LIFETIME_MS) return AADSTS.expired();
  if (form.get('client_id')?.toLowerCase() !== record.clientId.toLowerCase()) return AADSTS.codeOfOtherClient();
  const redirectUri = form.get('redirect_uri') ?? '';
  if (redirectUri !== record.redirectUri) return AADSTS.replyAddressMismatch(redirectUri, record.redirectUri);
  const verifier = form.get('code_verifier');
  if (!verifier) return AADSTS.verifierMissing();
  const derived = record.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  if (derived !== record.codeChallenge) return AADSTS.verifierMismatch();
  return undefined;
}

/**
 * Refresh with rotation: every answer carries a new refresh token. As in Entra, the old one is not
 * revoked by its use; it stays good until the chain's fixed SPA expiry.
 */
function redeemRefreshToken(req: SandboxRequest, world: World): Outcome {
  const state = world.entra;
  const form = req.form;
  const value = form.get('refresh_token');
  if (!value) return { error: AADSTS.missingParameter('refresh_token') };
  const record = state.refreshTokens.get(value);
  if (!record) return { error: AADSTS.malformed('invalid_grant') };
  const problem = refreshTokenProblem(record, world.now(), form);
  if (problem) return { error: problem };

  // Without `scope`, the request that started the chain is asked for again.
  let scopes: ScopeRequest = record.scopes;
  const scopeParam = form.get('scope');
  if (scopeParam) {
    const parsed = parseScopes(scopeParam, state.appDisplayName, record.tenantId);
    if (!parsed.ok) return { error: parsed.error };
    scopes = parsed.request;
  }
  const { granted, missing } = decideScopes(scopes, state, record.userId);
  if (missing.length > 0) return { error: AADSTS.notConsented('invalid_grant', state.clientId, state.appDisplayName) };
  const chain = { chainStartedAt: record.chainStartedAt, chainExpiresAt: record.chainExpiresAt };
  return { response: tokenResponse(req, world, { ...record, scopes }, granted, { withRefreshToken: true, chain }) };
}

function refreshTokenProblem(record: RefreshToken, now: number, form: URLSearchParams): AadstsError | undefined {
  if (form.get('client_id')?.toLowerCase() !== record.clientId.toLowerCase()) return AADSTS.refreshTokenOfOtherClient();
  if (record.revoked) return AADSTS.revoked(entraTimestamp(record.issuedAt));
  if (now >= record.chainExpiresAt) {
    const lifetime = timeSpan(record.chainExpiresAt - record.chainStartedAt);
    return AADSTS.spaRefreshTokenExpired(lifetime, entraTimestamp(record.chainStartedAt));
  }
  return undefined;
}
