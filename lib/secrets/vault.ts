import { z } from 'zod';
import type { Database } from '../db/open';

/** The name of the vault's key in the `cryptoKeys` store. */
const VAULT_KEY = 'secret-vault';
const ALGORITHM = { name: 'AES-GCM', length: 256 } as const;
const IV_BYTES = 12;

/** A secret as it rests in storage: AES-GCM ciphertext and its nonce, useless without the vault's key. */
export const SealedSecretSchema = z.object({
  iv: z.instanceof(Uint8Array),
  ciphertext: z.instanceof(Uint8Array),
});
export type SealedSecret = z.infer<typeof SealedSecretSchema>;

/** The stored secret can no longer be decrypted (the key store was cleared, or the data altered). */
export class SecretUnreadableError extends Error {
  constructor(purpose: string) {
    super(`The stored secret for ${purpose} can no longer be decrypted.`);
    this.name = 'SecretUnreadableError';
  }
}

export interface SecretVault {
  /** Encrypts a secret; it will only open again for the same `purpose`. */
  seal(purpose: string, plaintext: string): Promise<SealedSecret>;
  open(purpose: string, sealed: SealedSecret): Promise<string>;
}

/**
 * Encrypts secrets with an AES-GCM key that is generated non-extractable and kept in IndexedDB:
 * the browser can use it but no script can read its bytes, so a copy of the extension's storage
 * holds nothing usable. The purpose is bound in as additional data, so a sealed secret cannot be
 * passed off as another one.
 */
export function createSecretVault(database: Promise<Database>): SecretVault {
  let key: Promise<CryptoKey> | undefined;
  const vaultKey = () => {
    key ??= loadOrCreateKey(database).catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };

  return {
    async seal(purpose, plaintext) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const ciphertext = await crypto.subtle.encrypt(
        { name: ALGORITHM.name, iv, additionalData: encode(purpose) },
        await vaultKey(),
        encode(plaintext),
      );
      return { iv, ciphertext: new Uint8Array(ciphertext) };
    },
    async open(purpose, sealed) {
      try {
        const plaintext = await crypto.subtle.decrypt(
          { name: ALGORITHM.name, iv: sealed.iv, additionalData: encode(purpose) },
          await vaultKey(),
          sealed.ciphertext,
        );
        return new TextDecoder().decode(plaintext);
      } catch {
        throw new SecretUnreadableError(purpose);
      }
    },
  };
}

async function loadOrCreateKey(database: Promise<Database>): Promise<CryptoKey> {
  const db = await database;
  const existing = await db.get('cryptoKeys', VAULT_KEY);
  if (existing) return existing;
  const created = await crypto.subtle.generateKey(ALGORITHM, false, ['encrypt', 'decrypt']);
  // Another context may have stored a key meanwhile: keep the first one, or its secrets are lost.
  const tx = db.transaction('cryptoKeys', 'readwrite');
  const raced = await tx.store.get(VAULT_KEY);
  if (!raced) await tx.store.add(created, VAULT_KEY);
  await tx.done;
  return raced ?? created;
}

function encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
