/**
 * Identifier sources for one Asset Panda state. Seeded so that a fresh world always hands out the
 * same ids in the same order: e2e tests and people clicking around see stable URLs.
 */
export interface IdSource {
  /** A 26-character ULID whose time part is `atMs` (Pro collection ids are ULIDs, as published). */
  ulid(atMs: number): string;
  /** A 24-hex Mongo-style object id, as Classic uses. */
  objectId(): string;
  /** A random UUID v4 string (reference `pullFromId`s look like one in the published example). */
  uuid(): string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function createIdSource(seed: number): IdSource {
  const random = mulberry32(seed);
  const pick = (alphabet: string, length: number): string =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  return {
    ulid: (atMs) => encodeTime(atMs) + pick(CROCKFORD, 16),
    objectId: () => pick('0123456789abcdef', 24),
    uuid: () => {
      const hex = pick('0123456789abcdef', 32);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
}

function encodeTime(ms: number): string {
  let rest = Math.max(0, Math.floor(ms));
  let out = '';
  for (let i = 0; i < 10; i += 1) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
