import type { Database } from '../db/open';
import { SavedIntuneConnectionSchema, type SavedIntuneConnection } from './settings';

const KEY = 'intune-connection';

/** The saved Intune connection, checked on every read so a damaged record is never used. */
export async function loadIntuneConnection(database: Database): Promise<SavedIntuneConnection | undefined> {
  const parsed = SavedIntuneConnectionSchema.safeParse(await database.get('settings', KEY));
  return parsed.success ? parsed.data : undefined;
}

export async function saveIntuneConnection(database: Database, connection: SavedIntuneConnection): Promise<void> {
  await database.put('settings', SavedIntuneConnectionSchema.parse(connection), KEY);
}
