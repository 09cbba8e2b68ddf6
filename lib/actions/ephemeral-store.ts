import type { z } from 'zod';

/**
 * Short-lived state the background must keep across service-worker restarts but never on disk:
 * open confirmations and their one-time tokens. In the browser this is `storage.session`, which
 * content scripts cannot read (lib/browser/session-storage.ts); in tests, a Map
 * (tests/support/memory-store.ts). Values are read back as unknown: callers check them with zod.
 */
export interface EphemeralStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix`, to purge what has expired. */
  entries(prefix: string): Promise<Array<[key: string, value: unknown]>>;
}

/**
 * The entries under `prefix` that are still of use: those `schema` reads whose `expiresAt` is ahead.
 * The others, past their time or stored in a shape this version does not write, are removed.
 */
export async function purgeExpired<T extends { expiresAt: number }>(store: EphemeralStore, prefix: string, schema: z.ZodType<T>, now: number): Promise<Array<[key: string, value: T]>> {
  const live: Array<[string, T]> = [];
  for (const [key, value] of await store.entries(prefix)) {
    const entry = schema.safeParse(value).data;
    if (entry && entry.expiresAt > now) live.push([key, entry]);
    else await store.remove(key);
  }
  return live;
}
