export const DEFAULT_API_BASE_URL = 'https://api.assetpanda.app';

/**
 * The API base URL, normalised; undefined when it is not an https address on assetpanda.app —
 * the hosts the extension may reach, and the only ones the key pair may be sent to. Blank means
 * the default.
 */
export function normaliseApiBaseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim() || DEFAULT_API_BASE_URL);
  } catch {
    return undefined;
  }
  const onAssetPanda = url.hostname === 'assetpanda.app' || url.hostname.endsWith('.assetpanda.app');
  if (url.protocol !== 'https:' || !onAssetPanda || url.username || url.password || url.search || url.hash) return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
