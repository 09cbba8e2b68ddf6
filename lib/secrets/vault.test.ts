import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { createSecretVault, SecretUnreadableError } from './vault';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('secret vault', () => {
  it('seals a secret so that the stored bytes do not hold it, and opens it again', async () => {
    const vault = createSecretVault(openDatabase());
    const sealed = await vault.seal('asset-panda', 'aps_secret-value');
    expect(new TextDecoder().decode(sealed.ciphertext)).not.toContain('aps_secret-value');
    expect(await vault.open('asset-panda', sealed)).toBe('aps_secret-value');
  });

  it('keeps its key in IndexedDB, usable by a later background but never exportable', async () => {
    const database = openDatabase();
    const sealed = await createSecretVault(database).seal('asset-panda', 'kept');
    expect(await createSecretVault(openDatabase()).open('asset-panda', sealed)).toBe('kept');

    const [key] = await (await database).getAll('cryptoKeys');
    expect(key?.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key!)).rejects.toThrow();
  });

  it('does not open a secret sealed for another purpose', async () => {
    const vault = createSecretVault(openDatabase());
    const sealed = await vault.seal('asset-panda', 'kept');
    await expect(vault.open('something-else', sealed)).rejects.toBeInstanceOf(SecretUnreadableError);
  });

  it('says so when the key is gone', async () => {
    const database = openDatabase();
    const sealed = await createSecretVault(database).seal('asset-panda', 'kept');
    await (await database).clear('cryptoKeys');
    await expect(createSecretVault(database).open('asset-panda', sealed)).rejects.toBeInstanceOf(SecretUnreadableError);
  });
});
