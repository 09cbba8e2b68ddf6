import { openDB, type IDBPDatabase } from 'idb';
import { DATABASE_NAME, type CompanionDatabase } from './schema';

export type Database = IDBPDatabase<CompanionDatabase>;

/**
 * Numbered upgrades: upgrade N brings a database from version N-1 to N. Add new ones at the end,
 * never edit a released one.
 */
const upgrades: Array<(db: Database) => void> = [
  (db) => {
    db.createObjectStore('settings');
    db.createObjectStore('mappings');
  },
  (db) => {
    db.createObjectStore('cryptoKeys');
  },
  (db) => {
    db.createObjectStore('syncRuns');
    db.createObjectStore('syncItems');
    db.createObjectStore('audit');
    db.createObjectStore('recordCache');
  },
];

export const DATABASE_VERSION = upgrades.length;

/** The extension's database; tests may open others by name (one per imitated browser profile). */
export function openDatabase(name = DATABASE_NAME): Promise<Database> {
  return openDB<CompanionDatabase>(name, DATABASE_VERSION, {
    upgrade(db, oldVersion) {
      for (const upgrade of upgrades.slice(oldVersion)) upgrade(db);
    },
    blocking(_current, _blocked, event) {
      // A newer version of the extension wants the database: let it have it.
      (event.target as IDBDatabase).close();
    },
  });
}
