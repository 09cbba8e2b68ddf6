import { browser } from '#imports';
import type { AuthEnvironment } from '../auth/entra';
import { TokenSetSchema } from '../auth/tokens';
import type { TokenStore } from '../auth/session';

/** Entra sign-in through the browser's identity API: a Chrome/Edge or Firefox popup window. */
export function browserAuthEnvironment(): AuthEnvironment {
  return {
    fetch: (input, init) => fetch(input, init),
    redirectUri: browser.identity.getRedirectURL(),
    now: () => Date.now(),
    async launch(url, interactive) {
      const result = await browser.identity.launchWebAuthFlow({
        url,
        interactive,
        // Entra's prompt=none may finish with a script redirect rather than a 302 (Chrome only option).
        ...(import.meta.env.FIREFOX ? {} : { abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: 15_000 }),
      });
      if (!result) throw new Error('The sign-in window closed without an answer.');
      return result;
    },
  };
}

const TOKENS_KEY = 'intune-tokens';

/**
 * Tokens live in session storage: they survive the service worker sleeping, vanish when the browser
 * closes, and are not readable by content scripts (see keepSessionStorageTrusted).
 */
export const sessionTokenStore: TokenStore = {
  async load() {
    const stored = await browser.storage.session.get(TOKENS_KEY);
    const parsed = TokenSetSchema.safeParse(stored[TOKENS_KEY]);
    return parsed.success ? parsed.data : undefined;
  },
  async save(tokens) {
    await browser.storage.session.set({ [TOKENS_KEY]: tokens });
  },
  async clear() {
    await browser.storage.session.remove(TOKENS_KEY);
  },
};
