import type { EntraState } from './state.ts';

/** chrome.identity.getRedirectURL(): the extension id is 32 letters a–p. */
const CHROMIUM_REDIRECT = /^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/;
/** Firefox's identity.getRedirectURL(): the SHA-1 of the add-on id in hex. */
const FIREFOX_REDIRECT = /^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/;

/**
 * Whether the redirect URI is registered under the SPA platform. A real registration lists each
 * extension id; the sandbox accepts any, because an unpacked extension's id follows its folder.
 */
export function isRegisteredRedirectUri(state: EntraState, redirectUri: string): boolean {
  return CHROMIUM_REDIRECT.test(redirectUri) || FIREFOX_REDIRECT.test(redirectUri) || state.extraRedirectUris.includes(redirectUri);
}

/** Entra compares client ids as GUIDs, whatever their case. */
export function isRegisteredClient(state: EntraState, clientId: string): boolean {
  return clientId.toLowerCase() === state.clientId.toLowerCase();
}
