import { describeScope } from './scopes.ts';
import type { AadstsError, Trace } from './errors.ts';

/** Markup of the pages Entra shows during /authorize: plain HTML, with the ids tests click. */

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title></head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function traceDetails(trace: Trace): string {
  return `<dl id="details">
<dt>Request Id</dt><dd>${trace.traceId}</dd>
<dt>Correlation Id</dt><dd>${escape(trace.correlationId)}</dd>
<dt>Timestamp</dt><dd>${trace.timestamp}</dd>
</dl>`;
}

/** Entra's error page: shown instead of a redirect when the redirect URI cannot be trusted. */
export function errorPage(error: AadstsError, trace: Trace): string {
  return page(
    'Sign in to your account',
    `<h1>Sorry, but we’re having trouble signing you in.</h1>
<p id="error">AADSTS${error.code}: ${escape(error.message)}</p>
${traceDetails(trace)}`,
  );
}

export interface ConsentPageContent {
  appName: string;
  userName: string;
  scopes: string[];
  /** Shown to users who may consent for the whole tenant. */
  offerOrganizationConsent: boolean;
  acceptAction: string;
  cancelHref: string;
  ctx: string;
}

export function consentPage(content: ConsentPageContent): string {
  const permissions = content.scopes
    .map((s) => `<li data-scope="${escape(s)}">${escape(describeScope(s))}</li>`)
    .join('\n');
  const organization = content.offerOrganizationConsent
    ? `<p><label><input type="checkbox" id="consent-on-behalf" name="consent_on_behalf" value="true"> Consent on behalf of your organization</label></p>`
    : '';
  return page(
    'Permissions requested',
    `<p id="user">${escape(content.userName)}</p>
<h1>Permissions requested</h1>
<p id="app-name">${escape(content.appName)}</p>
<p>unverified</p>
<p>This app would like to:</p>
<ul id="permissions">
${permissions}
</ul>
<form method="post" action="${escape(content.acceptAction)}">
<input type="hidden" name="ctx" value="${escape(content.ctx)}">
${organization}
<p>Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement.</p>
<a id="cancel" href="${escape(content.cancelHref)}">Cancel</a>
<button id="accept" type="submit">Accept</button>
</form>`,
  );
}

export function adminApprovalPage(content: { appName: string; userName: string; cancelHref: string; error: AadstsError; trace: Trace }): string {
  return page(
    'Need admin approval',
    `<p id="user">${escape(content.userName)}</p>
<h1>Need admin approval</h1>
<p id="app-name">${escape(content.appName)}</p>
<p>${escape(content.appName)} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>
<p>Have an admin account? Sign in with that account</p>
<a id="cancel" href="${escape(content.cancelHref)}">Return to the application without granting consent</a>
<p id="error">AADSTS${content.error.code}: ${escape(content.error.message)}</p>
${traceDetails(content.trace)}`,
  );
}

/** The sign-out page without logout_hint: Entra asks which signed-in account to sign out of. */
export function signOutPickerPage(content: { userName: string; action: string; postLogoutRedirectUri: string | null }): string {
  const back = content.postLogoutRedirectUri === null ? '' : `<input type="hidden" name="post_logout_redirect_uri" value="${escape(content.postLogoutRedirectUri)}">`;
  return page(
    'Sign out',
    `<h1>Pick an account</h1>
<p>Which account do you want to sign out of?</p>
<form method="post" action="${escape(content.action)}">
${back}
<button id="sign-out-account" type="submit" name="account" value="${escape(content.userName)}">${escape(content.userName)}</button>
</form>`,
  );
}

/** Shown after sign-out when there is no registered post_logout_redirect_uri to return to. */
export function signedOutPage(): string {
  return page('Sign out', `<h1 id="signed-out">You signed out of your account</h1>
<p>It's a good idea to close all browser windows.</p>`);
}

/** response_mode=form_post: a page that posts the answer to the redirect URI. */
export function formPostPage(redirectUri: string, params: URLSearchParams): string {
  const inputs = [...params].map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join('\n');
  return page(
    'Working...',
    `<form method="POST" name="hiddenform" action="${escape(redirectUri)}">
${inputs}
<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript>
</form>
<script>document.forms[0].submit();</script>`,
  );
}
