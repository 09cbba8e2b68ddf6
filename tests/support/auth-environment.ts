import type { AuthEnvironment } from '../../lib/auth/entra.ts';
import { sandboxFetch } from '../sandbox/fetch.ts';
import type { Sandbox } from '../sandbox/server.ts';

export const TEST_EXTENSION_ID = 'fdafioenfmddkdkiiagipdpfhndphgpl';
export const TEST_REDIRECT_URI = `https://${TEST_EXTENSION_ID}.chromiumapp.org/`;

/**
 * The sign-in environment of the extension, played in Node against the sandbox: fetch sends the
 * Origin header a browser extension sends, and "the sign-in window" follows Entra's redirects to
 * the extension's redirect URI. A page that wants a person is answered by `onPage` when the test
 * plays the admin, and otherwise ends the way Chrome ends it (silent: no interaction allowed;
 * interactive: the admin closes the window).
 */
export function sandboxAuthEnvironment(
  sandbox: Sandbox,
  onPage?: (html: string, url: string, fetcher: typeof fetch) => Promise<string>,
): AuthEnvironment {
  const base = sandboxFetch(sandbox.port);
  const fetcher: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('origin', `chrome-extension://${TEST_EXTENSION_ID}`);
    return base(input, { ...init, headers });
  };
  return {
    fetch: fetcher,
    redirectUri: TEST_REDIRECT_URI,
    now: () => sandbox.world.now(),
    async launch(url, interactive) {
      let next = url;
      for (let hops = 0; hops < 10; hops++) {
        if (next.startsWith(TEST_REDIRECT_URI)) return next;
        const response = await base(next, { redirect: 'manual' });
        const location = response.headers.get('location');
        if (location) {
          next = new URL(location, next).href;
          continue;
        }
        const page = await response.text();
        // Chrome's messages: a silent window cannot show a page; a person closing the window.
        if (!interactive) throw new Error('User interaction required.');
        if (!onPage) throw new Error('The user did not approve access.');
        next = await onPage(page, next, base);
      }
      throw new Error('Too many redirects in the sign-in window.');
    },
  };
}
