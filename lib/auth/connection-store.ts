import { z } from 'zod';
import type { Database } from '../db/open';
import type { SignOutMark } from './session';
import { SavedIntuneConnectionSchema, type SavedIntuneConnection } from './settings';

const KEY = 'intune-connection';
const SIGNED_OUT_KEY = 'intune-signed-out';

/** The saved Intune connection, checked on every read so a damaged record is never used. */
export async function loadIntuneConnection(database: Database): Promise<SavedIntuneConnection | undefined> {
  const parsed = SavedIntuneConnectionSchema.safeParse(await database.get('settings', KEY));
  return parsed.success ? parsed.data : undefined;
}

export async function saveIntuneConnection(database: Database, connection: SavedIntuneConnection): Promise<void> {
  await database.put('settings', SavedIntuneConnectionSchema.parse(connection), KEY);
}

/** The sign-out mark on disk, so that a signed-out admin stays signed out across browser restarts. */
export function signOutMark(database: Promise<Database>): SignOutMark {
  return {
    isSet: async () => z.literal(true).safeParse(await (await database).get('settings', SIGNED_OUT_KEY)).success,
    set: async () => {
      await (await database).put('settings', true, SIGNED_OUT_KEY);
    },
    clear: async () => {
      await (await database).delete('settings', SIGNED_OUT_KEY);
    },
  };
}
