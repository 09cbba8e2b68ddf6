import { isAssetPandaPage } from './record-page';

/**
 * The parts of an Asset Panda Pro page URL that may name the record on screen.
 *
 * The Pro web app's record route is not published (record-page.ts guesses one), so the panel does
 * not rely on it alone: every id-like part of the path, the hash (which single-page apps often route
 * on: `#/records/<id>`, `#!/item/<id>`) and the query (`?recordId=<id>`) becomes a candidate, and the
 * background confirms a candidate with the Asset Panda API before the panel shows anything.
 *
 * Only ids can be candidates: words ("records", "settings") carry no digit, and anything outside
 * `[A-Za-z0-9_-]` (dots, spaces, quotes, slashes) is split apart or dropped, so what reaches the
 * background is always a plain token.
 */

/** How many candidates a page may put to the background: each may cost Asset Panda a read. */
export const MAX_CANDIDATES = 6;

export const CANDIDATE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{5,63}$/;

/** Ids of the shapes Asset Panda is known to use come first: ULIDs (Pro), 24-hex (Classic), GUIDs. */
const KNOWN_SHAPES = [/^[0-9A-HJKMNP-TV-Z]{26}$/i, /^[0-9a-f]{24}$/i, /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i];
/** Calendar dates and times ("2024-05-01", "20240501T1200") name a day, not a record. */
const DATE_LIKE = /^\d{4}-?\d{2}-?\d{2}(T[\d:-]*)?$/;
const SEPARATORS = /[/?#&=;,:!.+~*'"()\s]+/;

function isIdLike(token: string): boolean {
  return CANDIDATE_PATTERN.test(token) && /\d/.test(token) && !DATE_LIKE.test(token);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The URL's parts in the order a record id is most likely found: path (last segment first), hash, query. */
function parts(url: URL): string[] {
  const path = url.pathname.split('/').map(safeDecode).toReversed();
  const hash = safeDecode(url.hash.slice(1)).split(SEPARATORS).toReversed();
  const query = [...url.searchParams.values()].flatMap((value) => value.split(SEPARATORS));
  return [...path, ...hash, ...query].flatMap((part) => part.split(SEPARATORS));
}

function shapeRank(token: string): number {
  const index = KNOWN_SHAPES.findIndex((shape) => shape.test(token));
  return index < 0 ? KNOWN_SHAPES.length : index;
}

/** The id-like tokens of an Asset Panda Pro page's URL, most likely first; none on other sites and on Classic. */
export function recordCandidates(url: URL): string[] {
  if (!isAssetPandaPage(url) || url.hostname === 'login.assetpanda.com') return [];
  const unique = [...new Set(parts(url).filter(isIdLike))];
  // A stable sort: known shapes first, URL order (as above) within a shape.
  return unique.toSorted((a, b) => shapeRank(a) - shapeRank(b)).slice(0, MAX_CANDIDATES);
}
