import * as oauth from 'oauth4webapi';
import { UserFacingError } from '../errors';
import { CLOUDS } from '../graph/clouds';
import type { IntuneSettings } from './settings';

export type SignInProblem =
  | 'sign-in-cancelled'
  | 'needs-admin-consent'
  | 'interaction-required'
  | 'session-expired'
  | 'unknown-tenant'
  | 'unknown-client'
  | 'redirect-uri-not-registered'
  | 'not-single-page-app'
  | 'network'
  | 'redirected'
  | 'service-unavailable'
  | 'sign-in-failed'
  // Raised by the extension itself, never read from an Entra answer:
  | 'wrong-account'
  | 'signed-out'
  /** No Intune connection is saved yet: Test and Save Connection first. */
  | 'not-connected';

/** The problems an Entra answer or a failed request can mean. */
type EntraProblem = Exclude<SignInProblem, 'wrong-account' | 'signed-out' | 'not-connected'>;

export class SignInError extends UserFacingError {
  constructor(
    override readonly code: SignInProblem,
    message: string,
    readonly aadsts?: string,
  ) {
    super(code, message);
    this.name = 'SignInError';
  }
}

/** A non-OAuth HTTP failure from Entra (e.g. OpenID discovery for an unknown tenant). */
export class EntraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Entra answered HTTP ${status}`);
  }
}

/** Entra answered with a redirect, which the sign-in never follows (see lib/redirects). */
export class EntraRedirectError extends Error {
  constructor(readonly target: string) {
    super(`Entra redirected to ${target}`);
  }
}

interface Context {
  redirectUri: string;
  settings: IntuneSettings;
}

const EXPIRED_GRANT = new Set(['50173', '700082', '700084', '70043', '70008', '54005', '50078', '50076']);
const CONSENT = new Set(['65001', '90094', '90008']);

/** Turns whatever the sign-in threw into one message that says what happened and what to do. */
export function explainSignInError(error: unknown, context: Context): SignInError {
  if (error instanceof SignInError) return error;
  const { error: code, description } = oauthFields(error);
  const aadsts = /AADSTS(\d+)/.exec(description ?? '')?.[1];
  const problem = classify(error, code, aadsts);
  const detail = error instanceof EntraRedirectError ? error.target : (description ?? (error instanceof Error ? error.message : undefined));
  return new SignInError(problem, advice(problem, context, detail), aadsts);
}

function oauthFields(error: unknown): { error?: string; description?: string } {
  if (error instanceof oauth.AuthorizationResponseError || error instanceof oauth.ResponseBodyError) {
    return { error: error.error, description: error.error_description };
  }
  if (error instanceof EntraHttpError && typeof error.body === 'object' && error.body) {
    const body = error.body as { error?: unknown; error_description?: unknown };
    return { error: String(body.error ?? ''), description: String(body.error_description ?? '') };
  }
  return {};
}

function classify(error: unknown, code: string | undefined, aadsts: string | undefined): EntraProblem {
  if (error instanceof EntraRedirectError) return 'redirected';
  if (aadsts && CONSENT.has(aadsts)) return 'needs-admin-consent';
  if (code === 'consent_required') return 'needs-admin-consent';
  if (aadsts === '90002' || aadsts === '900023') return 'unknown-tenant';
  if (aadsts === '700016') return 'unknown-client';
  if (aadsts === '50011') return 'redirect-uri-not-registered';
  if (aadsts === '9002326' || aadsts === '9002327') return 'not-single-page-app';
  if (code === 'invalid_grant' || (aadsts && EXPIRED_GRANT.has(aadsts))) return 'session-expired';
  if (code === 'login_required' || code === 'interaction_required') return 'interaction-required';
  if (code === 'access_denied') return 'sign-in-cancelled';
  if (error instanceof EntraHttpError) return error.status >= 500 ? 'service-unavailable' : 'sign-in-failed';
  if (error instanceof oauth.ResponseBodyError && error.status >= 500) return 'service-unavailable';
  const text = error instanceof Error ? error.message : String(error);
  if (/did not approve|user cancell?ed|closed/i.test(text)) return 'sign-in-cancelled';
  if (/interaction required/i.test(text)) return 'interaction-required';
  if (error instanceof TypeError || /failed to fetch|network|could not be loaded/i.test(text)) return 'network';
  if (error instanceof oauth.OperationProcessingError && /status code|response/i.test(text)) return 'service-unavailable';
  return 'sign-in-failed';
}

function advice(problem: EntraProblem, { redirectUri, settings }: Context, description: string | undefined): string {
  const loginHost = CLOUDS[settings.cloud].loginHost;
  switch (problem) {
    case 'sign-in-cancelled':
      return `Sign-in did not finish (the window was closed, or consent was declined), so nothing was changed. If Microsoft showed an error such as AADSTS700016 or AADSTS50011, check the Tenant ID, the Client ID and that ${redirectUri} is registered as a Single-page application redirect URI; if it asked for approval, a Global Administrator must grant admin consent first.`;
    case 'needs-admin-consent':
      return `Admin consent is needed for this app's Microsoft Graph permissions. A Global Administrator must open the Entra admin center → App registrations → your app → API permissions and click "Grant admin consent for ${settings.tenantId}" (or sign in here and accept with "Consent on behalf of your organization"). Then test again.`;
    case 'interaction-required':
      return 'Microsoft needs you to sign in again. Click "Sign in" and finish signing in.';
    case 'session-expired':
      return 'Your Microsoft sign-in has expired or was revoked. Sign in again to continue.';
    case 'unknown-tenant':
      return `Microsoft Entra does not know the tenant "${settings.tenantId}". Copy the Directory (tenant) ID from your app registration's Overview page, and check the cloud (${CLOUDS[settings.cloud].label}).`;
    case 'unknown-client':
      return `No application with Client ID ${settings.clientId} is registered in this tenant. Copy the Application (client) ID from the app registration's Overview page, and check that the app is registered in tenant ${settings.tenantId}.`;
    case 'redirect-uri-not-registered':
      return `The redirect URI ${redirectUri} is not registered on the app. In the app registration open Authentication → Add a platform → Single-page application, and add exactly ${redirectUri}.`;
    case 'not-single-page-app':
      return `The redirect URI ${redirectUri} must be registered under the "Single-page application" platform (not Web, nor Mobile and desktop). Move it in the app registration's Authentication page, then test again.`;
    case 'network':
      return `Could not reach Microsoft sign-in (${loginHost}). Check your network connection, proxy or firewall, then try again.`;
    case 'redirected':
      return `Microsoft sign-in (${loginHost}) answered with a redirect to ${description ?? 'another address'}. The extension never sends a sign-in code or token to another address, so it stopped and sent nothing there. Check your network's proxy or firewall, then try again.`;
    case 'service-unavailable':
      return 'Microsoft sign-in is not answering right now. Nothing was changed; try again in a few minutes.';
    case 'sign-in-failed':
      return `Sign-in failed${description ? `: ${description.split('\r\n')[0]}` : '.'} Nothing was changed.`;
  }
}
