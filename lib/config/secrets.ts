import { isPlainObject } from './paths';

/** Key names that hold a secret: an access key secret, a client secret, tokens, passwords. */
const SECRET_KEY = /secret|token|passw(or)?d|pwd|credential|private.?key/i;
/** A JSON Web Token: an Entra access, refresh-able ID or signed token pasted into any field. */
const JWT = /^eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*$/;

/**
 * Where a document carries a secret, by key name or by a value shaped like a token. Secrets never
 * travel in a configuration file: the admin enters them on the Connections page, where they are
 * encrypted (the Access Key Secret) or never stored at all (Entra's tokens live only in the session).
 */
export function findSecrets(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (typeof value === 'string') return JWT.test(value.trim()) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => findSecrets(item, [...path, index]));
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => (SECRET_KEY.test(key) ? [[...path, key]] : findSecrets(item, [...path, key])));
}
