import { UserFacingError } from '../errors';
import type { Database } from './open';
import { decodeDocument, encodeDocument, type DocumentKind } from './versioned';

/** A stored document that no longer reads: it is kept as it is, and the admin is told. */
export class UnreadableDocumentError extends UserFacingError {
  constructor(problem: string, advice: string) {
    super('stored-unreadable', `${problem} ${advice}`);
    this.name = 'UnreadableDocumentError';
  }
}

/**
 * One named, versioned document of the `settings` store. Reading migrates it to the current
 * format; one that does not read throws with the reason and `advice` (what replaces it), and stays
 * stored until the admin replaces or deletes it.
 */
export function settingsDocument<T>(database: Promise<Database>, key: string, kind: DocumentKind<T>, advice: string) {
  return {
    /** The document, or undefined when there is none. */
    async load(): Promise<T | undefined> {
      const stored = await (await database).get('settings', key);
      if (stored === undefined) return undefined;
      const decoded = decodeDocument(kind, stored);
      if (!decoded.ok) throw new UnreadableDocumentError(decoded.problem, advice);
      return decoded.value;
    },
    async save(value: T): Promise<void> {
      await (await database).put('settings', encodeDocument(kind, value), key);
    },
    async delete(): Promise<void> {
      await (await database).delete('settings', key);
    },
  };
}
