import type { TokenSet } from './entra';
import { SignInError } from './errors';
import { REQUIRED_PERMISSIONS, type Probe, type RequiredScope } from './permissions';
import type { Account } from './settings';

/** How long the probes of one Test and Save may wait out Microsoft Graph's throttling, together. */
export const PROBE_RETRY_BUDGET_MS = 60_000;

export type PermissionStatus = 'granted' | 'missing' | 'needs-admin-consent' | 'not-checked';

export interface PermissionCheck {
  scope: RequiredScope;
  purpose: string;
  status: PermissionStatus;
  detail: string;
}

/** What a probe call told us; the Graph layer maps its errors onto these. */
export type ProbeOutcome =
  | { result: 'ok' }
  | { result: 'forbidden'; message: string }
  | { result: 'no-intune-role'; message: string }
  /** Graph kept answering 429 until the probes' time ran out; `retryAfterMs` from its last answer. */
  | { result: 'throttled'; retryAfterMs: number | null }
  | { result: 'failed'; message: string };

export interface ConnectionTestReport {
  ok: boolean;
  account: Account | undefined;
  permissions: PermissionCheck[];
  /** The one thing that stopped the test, in words the admin can act on. */
  problem: { code: string; message: string } | undefined;
}

export interface ConnectionTestResult {
  report: ConnectionTestReport;
  tokens: TokenSet | undefined;
}

/**
 * "Test and Save Connection", minus the saving: sign in, read the granted permissions, and prove
 * each one with a harmless Graph call. The caller saves only when `report.ok`.
 */
export async function testConnection(
  signIn: () => Promise<TokenSet>,
  runProbe: (probe: Probe | 'privilegedOperations', tokens: TokenSet) => Promise<ProbeOutcome>,
): Promise<ConnectionTestResult> {
  let tokens: TokenSet;
  try {
    tokens = await signIn();
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    const status: PermissionStatus = error.code === 'needs-admin-consent' ? 'needs-admin-consent' : 'not-checked';
    return {
      tokens: undefined,
      report: {
        ok: false,
        account: undefined,
        permissions: REQUIRED_PERMISSIONS.map((p) => check(p, status, status === 'needs-admin-consent' ? ADMIN_CONSENT_FIX : 'Sign-in did not finish.')),
        problem: { code: error.code, message: error.message },
      },
    };
  }

  let problem: ConnectionTestReport['problem'];
  const permissions: PermissionCheck[] = [];
  for (const permission of REQUIRED_PERMISSIONS) {
    if (!tokens.scopes.includes(permission.scope)) {
      permissions.push(check(permission, 'missing', `Not in your sign-in. Add ${permission.scope} as a Delegated Microsoft Graph permission under API permissions, then grant admin consent.`));
      continue;
    }
    const outcome = await runProbe(permission.probe ?? 'privilegedOperations', tokens);
    switch (outcome.result) {
      case 'ok':
        permissions.push(check(permission, 'granted', 'Granted and proven with a harmless test call.'));
        break;
      case 'forbidden':
        permissions.push(check(permission, 'missing', `Microsoft Graph refused it: ${outcome.message}`));
        break;
      case 'no-intune-role':
        permissions.push(check(permission, 'not-checked', 'Granted to the app, but your account has no Intune role.'));
        problem ??= { code: 'no-intune-role', message: NO_ROLE_FIX };
        break;
      case 'throttled':
        permissions.push(check(permission, 'not-checked', 'Not checked: Microsoft Graph is throttling requests.'));
        problem ??= { code: 'throttled', message: throttledMessage(outcome.retryAfterMs) };
        break;
      case 'failed':
        permissions.push(check(permission, 'not-checked', outcome.message));
        problem ??= { code: 'probe-failed', message: `A test call to Microsoft Graph failed: ${outcome.message}` };
        break;
    }
  }
  const missing = permissions.filter((p) => p.status === 'missing').map((p) => p.scope);
  if (!problem && missing.length > 0) {
    problem = {
      code: 'missing-permissions',
      message: `The app registration lacks ${missing.join(', ')}. Add ${missing.length === 1 ? 'it' : 'them'} as Delegated Microsoft Graph permissions under API permissions, click "Grant admin consent", then test again.`,
    };
  }
  return { tokens, report: { ok: !problem, account: tokens.account, permissions, problem } };
}

const ADMIN_CONSENT_FIX = 'Waiting for a Global Administrator to grant admin consent.';
const NO_ROLE_FIX =
  'You signed in, but your account has no Intune role, so Intune refuses its device data. Ask an Intune or Global Administrator to assign you the "Intune Administrator" role (or a custom Intune role with managed-device Read and Remote tasks), then test again.';

function throttledMessage(retryAfterMs: number | null): string {
  const wait = retryAfterMs === null ? 'a minute' : `${Math.max(1, Math.ceil(retryAfterMs / 1000))} seconds`;
  return `Microsoft is throttling this app's requests to Microsoft Graph (HTTP 429), and the test waited as long as it may. Nothing was saved. Try again in ${wait}.`;
}

function check(permission: (typeof REQUIRED_PERMISSIONS)[number], status: PermissionStatus, detail: string): PermissionCheck {
  return { scope: permission.scope, purpose: permission.purpose, status, detail };
}
