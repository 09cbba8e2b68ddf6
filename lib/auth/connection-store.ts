import { z } from 'zod';
import type { Database } from '../db/open';
import { settingsDocument } from '../db/settings-document';
import type { DocumentKind } from '../db/versioned';
import type { SignOutMark } from './session';
import { SavedIntuneConnectionSchema, type SavedIntuneConnection } from './settings';

/** The saved Intune connection, format 1. Migrations go here, with a fixture each (lib/db/fixtures/). */
export const INTUNE_CONNECTION_DOCUMENT: DocumentKind<SavedIntuneConnection> = {
  name: 'Microsoft Intune connection',
  schema: SavedIntuneConnectionSchema,
  migrations: [],
};

const SIGN_OUT_DOCUMENT: DocumentKind<true> = { name: 'sign-out mark', schema: z.literal(true), migrations: [] };

/** The saved Intune connection: checked on every read, so a damaged one is reported and never used. */
export function intuneConnectionStore(database: Promise<Database>) {
  return settingsDocument(
    database,
    'intune-connection',
    INTUNE_CONNECTION_DOCUMENT,
    'Enter the connection again on the options page and choose Test and Save Connection: that replaces it.',
  );
}

/** The sign-out mark on disk, so that a signed-out admin stays signed out across browser restarts. */
export function signOutMark(database: Promise<Database>): SignOutMark {
  const mark = settingsDocument(database, 'intune-signed-out', SIGN_OUT_DOCUMENT, 'Sign in again to clear it.');
  return {
    // A mark that no longer reads still says the admin signed out.
    isSet: async () => (await mark.load().catch(() => true)) === true,
    set: () => mark.save(true),
    clear: () => mark.delete(),
  };
}
