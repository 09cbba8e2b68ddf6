import { z } from 'zod';
import type { Database } from '../db/open';
import { decodeDocument, encodeDocument, type DocumentKind } from '../db/versioned';

/** The name of the vault's key record in the `cryptoKeys` store. */
const VAULT_KEY = 'secret-vault';
const DATA_KEY = { name: 'AES-GCM', length: 256 } as const;
const WRAPPING_KEY = { name: 'AES-KW', length: 256 } as const;
const IV_BYTES = 12;
/** PBKDF2-HMAC-SHA256 work factor for a passphrase (OWASP's 2023 advice). */
const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
export const MIN_PASSPHRASE_LENGTH = 12;

/** Bytes WebCrypto accepts. */
type Bytes = Uint8Array<ArrayBuffer>;

/** A secret as it rests in storage: AES-GCM ciphertext and its nonce, useless without the vault's key. */
export const SealedSecretSchema = z.object({
  iv: z.instanceof(Uint8Array),
  ciphertext: z.instanceof(Uint8Array),
});
export type SealedSecret = z.infer<typeof SealedSecretSchema>;

/**
 * The data key (AES-GCM, sealing every secret) is stored only wrapped (AES-KW): by a non-extractable
 * key kept beside it ('device': any copy of the profile can unwrap it), or by a key derived from the
 * admin's passphrase ('passphrase': nothing on disk can).
 */
const KeyRecordSchema = z.discriminatedUnion('lock', [
  z.object({ lock: z.literal('device'), wrappingKey: z.instanceof(CryptoKey), wrappedKey: z.instanceof(Uint8Array) }),
  z.object({ lock: z.literal('passphrase'), salt: z.instanceof(Uint8Array), iterations: z.number().int().positive(), wrappedKey: z.instanceof(Uint8Array) }),
]);
type KeyRecord = z.infer<typeof KeyRecordSchema>;

/**
 * The key record, stored as a versioned document: format 1 is the record as first stored (no envelope), a
 * JSON fixture cannot hold its CryptoKey, so vault.test.ts builds one instead.
 */
export const VAULT_KEY_DOCUMENT: DocumentKind<KeyRecord> = { name: 'key of the secret vault', schema: KeyRecordSchema, migrations: [] };

/**
 * 'off': no passphrase; 'locked': a passphrase, not given in this browser session; 'unlocked': given;
 * 'unreadable': a key record is stored but does not read (it is kept: only "Forget the saved key" replaces it).
 */
export type LockState = 'off' | 'locked' | 'unlocked' | 'unreadable';

/**
 * Where the passphrase's key stays for the rest of the browser session (session storage: memory
 * only, extension pages and worker only), so that a service-worker restart does not ask again.
 */
export interface UnlockCache {
  load(): Promise<Bytes | undefined>;
  save(key: Bytes): Promise<void>;
  clear(): Promise<void>;
}

/** The stored secret can no longer be decrypted (the key store was cleared, or the data altered). */
export class SecretUnreadableError extends Error {
  constructor(purpose: string) {
    super(`The stored secret for ${purpose} can no longer be decrypted.`);
    this.name = 'SecretUnreadableError';
  }
}

/**
 * The stored key record does not read (written by a newer version of the extension, or altered).
 * Nothing overwrites it: every secret it sealed would be lost. Forgetting it (`reset`) is the admin's choice.
 */
export class VaultUnreadableError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'VaultUnreadableError';
  }
}

/** The vault has a passphrase that was not given in this browser session. */
export class VaultLockedError extends Error {
  constructor() {
    super('The secret vault is locked: unlock it with the passphrase.');
    this.name = 'VaultLockedError';
  }
}

/** A passphrase that does not open the vault, or a new one too short to set. */
export class PassphraseError extends Error {
  constructor(
    readonly problem: 'wrong' | 'too-short',
    message: string,
  ) {
    super(message);
    this.name = 'PassphraseError';
  }
}

export interface SecretVault {
  /** Encrypts a secret; it will only open again for the same `purpose`. */
  seal(purpose: string, plaintext: string): Promise<SealedSecret>;
  open(purpose: string, sealed: SealedSecret): Promise<string>;
  lockState(): Promise<LockState>;
  unlock(passphrase: string): Promise<void>;
  /**
   * Sets, changes (`current` is the passphrase now set) or removes (`next` undefined) the passphrase.
   * The data key stays the same, so every sealed secret still opens.
   */
  setPassphrase(current: string | undefined, next: string | undefined): Promise<void>;
  /** Throws the data key away, with every secret it sealed: for a forgotten passphrase. */
  reset(): Promise<void>;
}

/**
 * Encrypts secrets with an AES-GCM data key that the browser can use but no script can read: in use
 * it is non-extractable, and at rest it exists only wrapped. The purpose is bound in as additional
 * data, so a sealed secret cannot be passed off as another one.
 */
export function createSecretVault(database: Promise<Database>, unlockCache: UnlockCache): SecretVault {
  // Read afresh each time: the stored record and this session's unlock key are the only state, so
  // a session that ends (or a passphrase changed by another context) is seen at once.
  const usableKey = () => loadDataKey(database, unlockCache);

  return {
    async seal(purpose, plaintext) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const ciphertext = await crypto.subtle.encrypt({ name: DATA_KEY.name, iv, additionalData: encode(purpose) }, await usableKey(), encode(plaintext));
      return { iv, ciphertext: new Uint8Array(ciphertext) };
    },

    async open(purpose, sealed) {
      const key = await usableKey();
      try {
        const plaintext = await crypto.subtle.decrypt({ name: DATA_KEY.name, iv: sealed.iv, additionalData: encode(purpose) }, key, sealed.ciphertext);
        return new TextDecoder().decode(plaintext);
      } catch {
        throw new SecretUnreadableError(purpose);
      }
    },

    async lockState() {
      let record: KeyRecord | undefined;
      try {
        record = await readRecord(database);
      } catch (error) {
        if (error instanceof VaultUnreadableError) return 'unreadable';
        throw error;
      }
      if (record?.lock !== 'passphrase') return 'off';
      return (await unlockCache.load()) ? 'unlocked' : 'locked';
    },

    async unlock(passphrase) {
      const record = await readRecord(database);
      if (record?.lock !== 'passphrase') return;
      const bits = await passphraseKeyBits(passphrase, record.salt, record.iterations);
      await unwrapWithPassphrase(record, bits, false);
      await unlockCache.save(bits);
    },

    async setPassphrase(current, next) {
      if (next !== undefined && next.length < MIN_PASSPHRASE_LENGTH) {
        throw new PassphraseError('too-short', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
      }
      const existing = (await readRecord(database)) ?? (await createRecord(database));
      const key = await dataKeyToRewrap(existing, current);
      const { record, bits } = next === undefined ? await deviceRecord(key) : await passphraseRecord(key, next);
      // One write replaces the wrapped key: the data key itself, and every secret it sealed, stay.
      await (await database).put('cryptoKeys', encodeDocument(VAULT_KEY_DOCUMENT, record), VAULT_KEY);
      if (bits) await unlockCache.save(bits);
      else await unlockCache.clear();
    },

    async reset() {
      await (await database).delete('cryptoKeys', VAULT_KEY);
      await unlockCache.clear();
    },
  };
}

/** The data key, extractable this once, to wrap it anew; proves `current` when a passphrase is set. */
async function dataKeyToRewrap(record: KeyRecord, current: string | undefined): Promise<CryptoKey> {
  if (record.lock === 'device') return unwrap(record.wrappedKey, record.wrappingKey, true);
  if (current === undefined) throw new PassphraseError('wrong', 'Enter the current passphrase.');
  return unwrapWithPassphrase(record, await passphraseKeyBits(current, record.salt, record.iterations), true);
}

/** The stored key record; undefined when there is none; throws when one is stored but does not read. */
async function readRecord(database: Promise<Database>): Promise<KeyRecord | undefined> {
  return decodedRecord(await (await database).get('cryptoKeys', VAULT_KEY));
}

function decodedRecord(stored: unknown): KeyRecord | undefined {
  if (stored === undefined) return undefined;
  const decoded = decodeDocument(VAULT_KEY_DOCUMENT, stored);
  if (!decoded.ok) throw new VaultUnreadableError(decoded.problem);
  return decoded.value;
}

async function loadDataKey(database: Promise<Database>, unlockCache: UnlockCache): Promise<CryptoKey> {
  const record = (await readRecord(database)) ?? (await createRecord(database));
  if (record.lock === 'device') return unwrap(record.wrappedKey, record.wrappingKey, false);
  const bits = await unlockCache.load();
  if (!bits) throw new VaultLockedError();
  try {
    return await unwrapWithPassphrase(record, bits, false);
  } catch {
    // What the session kept no longer fits (the passphrase changed since): ask again.
    await unlockCache.clear();
    throw new VaultLockedError();
  }
}

/** A new data key, wrapped by a new device key; another context's key, if it stored one first. */
async function createRecord(database: Promise<Database>): Promise<KeyRecord> {
  const { record } = await deviceRecord(await crypto.subtle.generateKey(DATA_KEY, true, ['encrypt', 'decrypt']));
  // Another context may have stored a key meanwhile: keep the first one, or its secrets are lost.
  // One that does not read is kept too (decodedRecord throws): only the admin may forget it.
  const tx = (await database).transaction('cryptoKeys', 'readwrite');
  try {
    const raced = decodedRecord(await tx.store.get(VAULT_KEY));
    if (!raced) await tx.store.put(encodeDocument(VAULT_KEY_DOCUMENT, record), VAULT_KEY);
    await tx.done;
    return raced ?? record;
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
}

async function deviceRecord(key: CryptoKey): Promise<{ record: KeyRecord; bits: undefined }> {
  const wrappingKey = await crypto.subtle.generateKey(WRAPPING_KEY, false, ['wrapKey', 'unwrapKey']);
  return { record: { lock: 'device', wrappingKey, wrappedKey: await wrap(key, wrappingKey) }, bits: undefined };
}

async function passphraseRecord(key: CryptoKey, passphrase: string): Promise<{ record: KeyRecord; bits: Bytes }> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const bits = await passphraseKeyBits(passphrase, salt, PBKDF2_ITERATIONS);
  const wrappedKey = await wrap(key, await wrappingKeyFrom(bits));
  return { record: { lock: 'passphrase', salt, iterations: PBKDF2_ITERATIONS, wrappedKey }, bits };
}

async function passphraseKeyBits(passphrase: string, salt: Bytes, iterations: number): Promise<Bytes> {
  const material = await crypto.subtle.importKey('raw', encode(passphrase), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, material, WRAPPING_KEY.length));
}

function wrappingKeyFrom(bits: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bits, WRAPPING_KEY, false, ['wrapKey', 'unwrapKey']);
}

/** AES-KW checks its integrity on unwrap: a wrong passphrase fails here, and says so. */
async function unwrapWithPassphrase(record: KeyRecord & { lock: 'passphrase' }, bits: Bytes, extractable: boolean): Promise<CryptoKey> {
  try {
    return await unwrap(record.wrappedKey, await wrappingKeyFrom(bits), extractable);
  } catch {
    throw new PassphraseError('wrong', 'That passphrase is not the one set.');
  }
}

async function wrap(key: CryptoKey, wrappingKey: CryptoKey): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.wrapKey('raw', key, wrappingKey, WRAPPING_KEY.name));
}

function unwrap(wrappedKey: Bytes, wrappingKey: CryptoKey, extractable: boolean): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey('raw', wrappedKey, wrappingKey, WRAPPING_KEY.name, DATA_KEY, extractable, ['encrypt', 'decrypt']);
}

function encode(text: string): Bytes {
  return new TextEncoder().encode(text);
}
