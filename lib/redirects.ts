/**
 * Requests that carry a key, a token, a code or a code verifier never follow a redirect: a browser
 * re-sends custom headers such as Access-Key-Secret to the new host (it strips only Authorization),
 * and a followed token request would hand the code verifier to whoever answers there. They are sent
 * with `redirect: 'manual'` and a redirect answer becomes an error the caller words for the admin.
 */
export const NO_REDIRECTS = { redirect: 'manual' } as const satisfies RequestInit;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Whether a fetch made with `redirect: 'manual'` stopped at a redirect. Browsers hand back an
 * opaque response (type `opaqueredirect`, status 0, no headers); Node hands back the 3xx itself.
 */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || REDIRECT_STATUSES.has(response.status);
}

/** Where a redirect pointed, in words: browsers hide the Location of an opaque redirect. */
export function redirectTarget(response: Response): string {
  const location = response.headers.get('location');
  if (!location) return 'another address';
  try {
    return new URL(location, response.url || undefined).origin;
  } catch {
    return 'another address';
  }
}
