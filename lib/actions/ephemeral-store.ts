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
