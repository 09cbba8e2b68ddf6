import type { EphemeralStore } from '../../lib/actions/ephemeral-store';

/** storage.session for Node tests: a Map, with values copied in and out as the browser does. */
export function memoryStore(): EphemeralStore & { keys(): string[] } {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(values.get(key)),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    remove: async (key) => void values.delete(key),
    entries: async (prefix) => [...values].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key, structuredClone(value)]),
    keys: () => [...values.keys()],
  };
}
