export const DEFAULT_API_BASE_URL = 'https://api.assetpanda.app';

/**
 * The API addresses Asset Panda documents for Pro. The key pair goes to these and nowhere else: a
 * typo or a pasted link to another host, even another *.assetpanda.app one, must not receive it.
 */
const API_BASE_URLS: readonly string[] = [DEFAULT_API_BASE_URL];

/** The API base URL as the extension uses it; undefined for anything but a documented one. Blank means the default. */
export function normaliseApiBaseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim() || DEFAULT_API_BASE_URL);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
  return API_BASE_URLS.includes(url.origin) ? url.origin : undefined;
}

/** What the admin is told when an address is refused. */
export const API_BASE_URL_RULE = `The API base URL must be ${DEFAULT_API_BASE_URL}, Asset Panda Pro's API: the extension sends your API key to no other address.`;
