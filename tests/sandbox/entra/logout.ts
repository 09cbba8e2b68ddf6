import { html, redirect, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { World } from '../world.ts';
import { userOf } from './issue.ts';
import { signedOutPage, signOutPickerPage } from './pages.ts';
import { isRegisteredRedirectUri } from './registration.ts';

/**
 * GET /{tenant}/oauth2/v2.0/logout, the discovery document's end_session_endpoint. Without a
 * logout_hint Entra asks which account to sign out of; signing out ends the browser's session
 * (so prompt=none answers login_required) but revokes no refresh token. It then returns to
 * post_logout_redirect_uri when that is one of the app's registered redirect URIs.
 */
export function logout(req: SandboxRequest, world: World, tenantSegment: string): SandboxResponse {
  const postLogoutRedirectUri = req.url.searchParams.get('post_logout_redirect_uri');
  if (!world.entra.hasSession) return signedOut(world, postLogoutRedirectUri);
  return html(
    200,
    signOutPickerPage({
      userName: userOf(world, world.entra.signedInUserId).userPrincipalName,
      action: `/${encodeURIComponent(tenantSegment)}/oauth2/v2.0/logout`,
      postLogoutRedirectUri,
    }),
  );
}

/** POST /{tenant}/oauth2/v2.0/logout: the account picked on the sign-out page. */
export function confirmLogout(req: SandboxRequest, world: World): SandboxResponse {
  return signedOut(world, req.form.get('post_logout_redirect_uri'));
}

function signedOut(world: World, postLogoutRedirectUri: string | null): SandboxResponse {
  world.entra.hasSession = false;
  if (postLogoutRedirectUri && isRegisteredRedirectUri(world.entra, postLogoutRedirectUri)) return redirect(postLogoutRedirectUri);
  return html(200, signedOutPage());
}
