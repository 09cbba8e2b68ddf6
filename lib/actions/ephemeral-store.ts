/**
 * Short-lived state the background must keep across service-worker restarts but never on disk:
 * open confirmations and their one-time tokens. In the browser this is `storage.session`, which
 * content scripts cannot read; in tests, a Map.
 */
export interface EphemeralStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export function memoryStore(): EphemeralStore {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(values.get(key)),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    remove: async (key) => void values.delete(key),
  };
}
