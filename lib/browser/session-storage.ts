import { browser } from '#imports';
import { z } from 'zod';
import type { EphemeralStore } from '../actions/ephemeral-store';
import type { UnlockCache } from '../secrets/vault';

/**
 * Session storage holds the tokens and the vault's unlock key: only the extension's own pages and
 * worker may read it, never a content script. That is Chrome's default; it is set here explicitly so
 * nothing loosens it unseen. Firefox has no setAccessLevel, and keeps session storage from content
 * scripts anyway.
 */
export async function keepSessionStorageTrusted(): Promise<void> {
  const session: { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> } = browser.storage.session;
  await session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

const UNLOCK_KEY = 'vault-unlock';
const BytesSchema = z.array(z.number().int().min(0).max(255));

/** The passphrase's key for this browser session: in memory only, gone when the browser closes. */
export const sessionUnlockCache: UnlockCache = {
  async load() {
    const parsed = BytesSchema.safeParse((await browser.storage.session.get(UNLOCK_KEY))[UNLOCK_KEY]);
    return parsed.success && parsed.data.length > 0 ? new Uint8Array(parsed.data) : undefined;
  },
  async save(key) {
    await browser.storage.session.set({ [UNLOCK_KEY]: [...key] });
  },
  async clear() {
    await browser.storage.session.remove(UNLOCK_KEY);
  },
};

/** storage.session as the device actions keep their confirmations and one-time tokens: survives the service worker sleeping, never reaches disk. */
export const sessionStore: EphemeralStore = {
  get: async (key) => (await browser.storage.session.get(key))[key],
  set: (key, value) => browser.storage.session.set({ [key]: value }),
  remove: (key) => browser.storage.session.remove(key),
  entries: async (prefix) => Object.entries(await browser.storage.session.get(null)).filter(([key]) => key.startsWith(prefix)),
};
