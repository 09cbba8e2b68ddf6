import type { RecordRef } from './record-ref';

/**
 * Where a record page lives in each Asset Panda product.
 *
 * Classic (documented through the API's `share_url`): https://login.assetpanda.com/<entity_key>/<object_id>
 * with a 24-hex object id.
 *
 * Pro: ASSUMPTION — no public material shows the record-page URL. We take
 * https://[<org>.]assetpanda.app/collections/<collectionId>/records/<recordId>, with a 26-character
 * ULID collection id as the API uses. If the real app differs, this is the one place to change.
 */
const PRO_RECORD_PATH = /^\/collections\/([0-9A-HJKMNP-TV-Z]{26})\/records\/([\w-]{1,64})\/?$/;
const CLASSIC_RECORD_PATH = /^\/([\w-]{1,64})\/([0-9a-f]{24})\/?$/;

export function isAssetPandaPage(url: URL): boolean {
  if (url.protocol !== 'https:') return false;
  if (url.hostname === 'login.assetpanda.com') return true;
  return (url.hostname === 'assetpanda.app' || url.hostname.endsWith('.assetpanda.app')) && url.hostname !== 'api.assetpanda.app';
}

export function recordOnPage(url: URL): RecordRef | undefined {
  if (!isAssetPandaPage(url)) return undefined;
  if (url.hostname === 'login.assetpanda.com') {
    const match = CLASSIC_RECORD_PATH.exec(url.pathname);
    return match?.[1] && match[2] ? { product: 'classic', entityKey: match[1], objectId: match[2] } : undefined;
  }
  const match = PRO_RECORD_PATH.exec(url.pathname);
  return match?.[1] && match[2] ? { product: 'pro', collectionId: match[1], recordId: match[2] } : undefined;
}
