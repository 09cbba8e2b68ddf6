import { recordCandidates } from '../assetpanda/page-candidates';
import { recordOnPage } from '../assetpanda/record-page';
import type { RecordRef } from '../assetpanda/record-ref';
import { UserFacingError } from '../errors';
import type { ConfirmedRecordRef } from './record-cache';

/**
 * The record a content script's page shows, from the page's URL as the browser reports it (the
 * sender's tab, which the page cannot make the browser misreport): a route the extension knows names
 * it; otherwise the URL's id-like parts, confirmed with the Asset Panda API (`locate`, cached). What
 * the page puts in a message's payload is never taken for it.
 */
export async function recordOfPage(url: string | undefined, locate: (candidates: readonly string[]) => Promise<ConfirmedRecordRef | null>): Promise<RecordRef | null> {
  let page: URL;
  try {
    page = new URL(url ?? '');
  } catch {
    return null;
  }
  const known = recordOnPage(page);
  if (known) return known;
  const found = await locate(recordCandidates(page));
  return found && { product: 'pro', ...found };
}

export function sameRecord(a: RecordRef, b: RecordRef): boolean {
  if (a.product === 'pro' && b.product === 'pro') return a.collectionId === b.collectionId && a.recordId === b.recordId;
  if (a.product === 'classic' && b.product === 'classic') return a.entityKey === b.entityKey && a.objectId === b.objectId;
  return false;
}

/** Refuses a record that is not the one the sender's page shows. */
export async function requireRecordOfPage(
  url: string | undefined,
  record: RecordRef,
  locate: (candidates: readonly string[]) => Promise<ConfirmedRecordRef | null>,
): Promise<void> {
  const shown = await recordOfPage(url, locate);
  if (!shown || !sameRecord(shown, record)) {
    throw new UserFacingError('not-this-record', 'The Intune panel only reads and acts on the record this page shows, so the extension refused. Reload the page.');
  }
}
