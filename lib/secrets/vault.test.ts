import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/open';
import { createSecretVault, PassphraseError, SecretUnreadableError, VaultLockedError, VaultUnreadableError, type UnlockCache } from './vault';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** Session storage: one per browser session, shared by every service worker of that session. */
function browserSession(): UnlockCache & { kept: Uint8Array<ArrayBuffer> | undefined } {
  return {
    kept: undefined,
    async load() {
      return this.kept;
    },
    async save(key) {
      this.kept = key;
    },
    async clear() {
      this.kept = undefined;
    },
  };
}

const PASSPHRASE = 'correct horse battery staple';

/** Every stored key record, out of its versioned envelope. */
async function storedKeys(database: Promise<Database>): Promise<unknown[]> {
  return ((await (await database).getAll('cryptoKeys')) as Array<{ data: unknown }>).map((stored) => stored.data);
}

/** Rewrites the stored key record as format 1 stored it: the record itself, without an envelope. */
async function storeAsFormatOne(database: Promise<Database>): Promise<void> {
  const db = await database;
  const [key] = await db.getAllKeys('cryptoKeys');
  const stored = (await db.get('cryptoKeys', key!)) as { schemaVersion: number; data: unknown };
  expect(stored.schemaVersion).toBe(1);
  await db.put('cryptoKeys', stored.data, key!);
}

describe('secret vault', () => {
  it('seals a secret so that the stored bytes do not hold it, and opens it again', async () => {
    const vault = createSecretVault(openDatabase(), browserSession());
    const sealed = await vault.seal('asset-panda', 'aps_secret-value');
    expect(new TextDecoder().decode(sealed.ciphertext)).not.toContain('aps_secret-value');
    expect(await vault.open('asset-panda', sealed)).toBe('aps_secret-value');
  });

  it('draws a fresh nonce for every seal, so the same secret never seals the same way twice', async () => {
    const vault = createSecretVault(openDatabase(), browserSession());
    const seals = await Promise.all(Array.from({ length: 20 }, () => vault.seal('asset-panda', 'same secret')));
    expect(new Set(seals.map((sealed) => sealed.iv.join())).size).toBe(20);
    expect(new Set(seals.map((sealed) => sealed.ciphertext.join())).size).toBe(20);
    for (const sealed of seals) expect(sealed.iv).toHaveLength(12);
  });

  it('keeps its data key in IndexedDB only wrapped, by a key that cannot be exported, and a later background opens it', async () => {
    const database = openDatabase();
    const sealed = await createSecretVault(database, browserSession()).seal('asset-panda', 'kept');
    expect(await createSecretVault(openDatabase(), browserSession()).open('asset-panda', sealed)).toBe('kept');

    const [record] = (await storedKeys(database)) as Array<{ lock: string; wrappingKey: CryptoKey; wrappedKey: Uint8Array }>;
    expect(record?.lock).toBe('device');
    expect(record?.wrappingKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', record!.wrappingKey)).rejects.toThrow();
    expect(record?.wrappedKey).toHaveLength(40);
  });

  it('does not open a secret sealed for another purpose', async () => {
    const vault = createSecretVault(openDatabase(), browserSession());
    const sealed = await vault.seal('asset-panda', 'kept');
    await expect(vault.open('something-else', sealed)).rejects.toBeInstanceOf(SecretUnreadableError);
  });

  it('reads a key record stored before records were versioned (format 1, no envelope)', async () => {
    const database = openDatabase();
    const sealed = await createSecretVault(database, browserSession()).seal('asset-panda', 'kept');
    await storeAsFormatOne(database);
    expect(await createSecretVault(database, browserSession()).open('asset-panda', sealed)).toBe('kept');
  });

  it('never replaces a key record it cannot read: every sealed secret would be lost', async () => {
    const database = openDatabase();
    const session = browserSession();
    const sealed = await createSecretVault(database, session).seal('asset-panda', 'kept');
    const db = await database;
    const [key] = await db.getAllKeys('cryptoKeys');
    const original = (await db.get('cryptoKeys', key!)) as { data: unknown };
    // A newer version of the extension wrote it (a downgrade), or the storage was altered.
    const newer = { schemaVersion: 99, data: original.data };
    await db.put('cryptoKeys', newer, key!);

    const vault = createSecretVault(database, session);
    expect(await vault.lockState()).toBe('unreadable');
    await expect(vault.open('asset-panda', sealed)).rejects.toBeInstanceOf(VaultUnreadableError);
    await expect(vault.seal('asset-panda', 'new')).rejects.toThrow(/newer version of the extension/);
    await expect(vault.setPassphrase(undefined, PASSPHRASE)).rejects.toBeInstanceOf(VaultUnreadableError);
    await expect(vault.unlock(PASSPHRASE)).rejects.toBeInstanceOf(VaultUnreadableError);
    expect(await db.getAll('cryptoKeys')).toEqual([newer]);

    // Put back as it was (the extension updated again), the secret opens: nothing was lost.
    await db.put('cryptoKeys', original, key!);
    expect(await vault.open('asset-panda', sealed)).toBe('kept');
    // Forgetting it on purpose is the way out.
    await db.put('cryptoKeys', { garbage: true }, key!);
    await vault.reset();
    expect(await vault.lockState()).toBe('off');
  });

  it('says so when the key is gone', async () => {
    const database = openDatabase();
    const sealed = await createSecretVault(database, browserSession()).seal('asset-panda', 'kept');
    await (await database).clear('cryptoKeys');
    await expect(createSecretVault(database, browserSession()).open('asset-panda', sealed)).rejects.toBeInstanceOf(SecretUnreadableError);
  });
});

describe('secret vault with a passphrase', () => {
  it('keeps a copy of the profile from opening the secret: it needs the passphrase', async () => {
    const database = openDatabase();
    const session = browserSession();
    const vault = createSecretVault(database, session);
    const sealed = await vault.seal('asset-panda', 'aps_secret');
    await vault.setPassphrase(undefined, PASSPHRASE);

    // What a copy of the profile holds: the database, without this browser session's memory.
    const copy = createSecretVault(database, browserSession());
    expect(await copy.lockState()).toBe('locked');
    await expect(copy.open('asset-panda', sealed)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(copy.seal('asset-panda', 'another')).rejects.toBeInstanceOf(VaultLockedError);
    const [record] = (await storedKeys(database)) as Array<Record<string, unknown>>;
    expect(Object.keys(record ?? {}).toSorted()).toEqual(['iterations', 'lock', 'salt', 'wrappedKey']);
    expect(Object.values(record ?? {}).some((value) => value instanceof CryptoKey)).toBe(false);
  });

  it('asks once per browser session: a restarted service worker opens it without asking', async () => {
    const database = openDatabase();
    const session = browserSession();
    const vault = createSecretVault(database, session);
    const sealed = await vault.seal('asset-panda', 'aps_secret');
    await vault.setPassphrase(undefined, PASSPHRASE);
    expect(await vault.lockState()).toBe('unlocked');

    const restarted = createSecretVault(database, session);
    expect(await restarted.open('asset-panda', sealed)).toBe('aps_secret');

    const nextSession = browserSession();
    const nextDay = createSecretVault(database, nextSession);
    await expect(nextDay.unlock('not the passphrase at all')).rejects.toMatchObject({ problem: 'wrong' });
    expect(await nextDay.lockState()).toBe('locked');
    await nextDay.unlock(PASSPHRASE);
    expect(await nextDay.open('asset-panda', sealed)).toBe('aps_secret');
    expect(await createSecretVault(database, nextSession).lockState()).toBe('unlocked');
  });

  it('changes and removes the passphrase without losing the secret', async () => {
    const database = openDatabase();
    const vault = createSecretVault(database, browserSession());
    const sealed = await vault.seal('asset-panda', 'aps_secret');
    await vault.setPassphrase(undefined, PASSPHRASE);

    await expect(vault.setPassphrase('a wrong current one', 'another long passphrase')).rejects.toBeInstanceOf(PassphraseError);
    await expect(vault.setPassphrase(PASSPHRASE, 'short')).rejects.toMatchObject({ problem: 'too-short' });
    await vault.setPassphrase(PASSPHRASE, 'another long passphrase');
    const later = createSecretVault(database, browserSession());
    await expect(later.unlock(PASSPHRASE)).rejects.toMatchObject({ problem: 'wrong' });
    await later.unlock('another long passphrase');
    expect(await later.open('asset-panda', sealed)).toBe('aps_secret');

    await later.setPassphrase('another long passphrase', undefined);
    const unlocked = createSecretVault(database, browserSession());
    expect(await unlocked.lockState()).toBe('off');
    expect(await unlocked.open('asset-panda', sealed)).toBe('aps_secret');
  });

  it('reads a passphrase key record stored before records were versioned (format 1)', async () => {
    const database = openDatabase();
    const session = browserSession();
    const sealed = await createSecretVault(database, session).seal('asset-panda', 'aps_secret');
    await createSecretVault(database, session).setPassphrase(undefined, PASSPHRASE);
    await storeAsFormatOne(database);
    const later = createSecretVault(database, browserSession());
    expect(await later.lockState()).toBe('locked');
    await later.unlock(PASSPHRASE);
    expect(await later.open('asset-panda', sealed)).toBe('aps_secret');
  });

  it('can be reset when the passphrase is lost: the secret is gone, the vault works again', async () => {
    const database = openDatabase();
    const vault = createSecretVault(database, browserSession());
    const sealed = await vault.seal('asset-panda', 'aps_secret');
    await vault.setPassphrase(undefined, PASSPHRASE);
    const locked = createSecretVault(database, browserSession());
    await locked.reset();
    expect(await locked.lockState()).toBe('off');
    await expect(locked.open('asset-panda', sealed)).rejects.toBeInstanceOf(SecretUnreadableError);
    expect(await locked.open('asset-panda', await locked.seal('asset-panda', 'new'))).toBe('new');
  });
});
