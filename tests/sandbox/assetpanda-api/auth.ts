import { header, type SandboxRequest } from '../http.ts';
import type { ApiKey, AssetPandaState } from './state.ts';
import { problem, success, type Outcome } from './tenant.ts';

/** The published scheme: two static headers, `Access-Key-Id` and `Access-Key-Secret`. */
export function authenticate(state: AssetPandaState, req: SandboxRequest): Outcome<ApiKey> {
  const keyId = header(req, 'access-key-id');
  const secret = header(req, 'access-key-secret');
  if (!keyId || !secret) return problem(401, 'Missing Access-Key-Id or Access-Key-Secret header.');
  const key = state.apiKeys.find((k) => k.keyId === keyId && k.secret === secret);
  return key ? success(key) : problem(401, 'Invalid API key or secret.');
}

export function authorize(key: ApiKey, access: 'read' | 'write'): Outcome<ApiKey> {
  return key.permissions[access] ? success(key) : problem(403, `The API key "${key.name}" does not have ${access} permission.`);
}

/**
 * Counts one request against the key's fixed window (see DEFAULT_RATE_LIMIT); when the window is
 * spent, how many whole seconds until it resets.
 */
export function spendRateLimit(state: AssetPandaState, key: ApiKey, nowMs: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
  const { limit, windowMs } = state.rateLimit;
  let window = state.rateWindows.get(key.keyId);
  if (!window || nowMs - window.startedAt >= windowMs) {
    window = { startedAt: nowMs, count: 0 };
    state.rateWindows.set(key.keyId, window);
  }
  if (window.count >= limit) {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + windowMs - nowMs) / 1000)) };
  }
  window.count += 1;
  return { ok: true };
}
