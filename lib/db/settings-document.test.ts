import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { settingsDocument, UnreadableDocumentError } from './settings-document';

const kind = { name: 'greeting', schema: z.object({ text: z.string() }), migrations: [] };

describe('a versioned settings document', () => {
  it('reads nothing, a record from before versioning, and what it saved', async () => {
    const database = openDatabase('settings-document-test-1');
    const greeting = settingsDocument(database, 'greeting', kind, 'Save a new one.');
    expect(await greeting.load()).toBeUndefined();
    await (await database).put('settings', { text: 'written before versions' }, 'greeting');
    expect(await greeting.load()).toEqual({ text: 'written before versions' });
    await greeting.save({ text: 'hello' });
    expect(await (await database).get('settings', 'greeting')).toEqual({ schemaVersion: 1, data: { text: 'hello' } });
  });

  it('says why a record no longer reads and what replaces it, and keeps it until then', async () => {
    const database = openDatabase('settings-document-test-2');
    const greeting = settingsDocument(database, 'greeting', kind, 'Save a new one.');
    await (await database).put('settings', { schemaVersion: 1, data: { text: 42 } }, 'greeting');
    const failure = await greeting.load().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnreadableDocumentError);
    expect((failure as Error).message).toMatch(/^The stored greeting does not read as format 1 at text: .* Save a new one\.$/);
    expect(await (await database).get('settings', 'greeting')).toEqual({ schemaVersion: 1, data: { text: 42 } });
    await greeting.save({ text: 'replaced' });
    expect(await greeting.load()).toEqual({ text: 'replaced' });
  });
});
