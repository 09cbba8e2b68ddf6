import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { mappingStore } from './store';

const fixturesDir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(fixturesDir).filter((name) => /^mapping\.v\d+\.json$/.test(name));

describe('stored mappings', () => {
  it('lists a mapping that no longer reads with the reason, and never drops it', async () => {
    const database = openDatabase();
    const store = mappingStore(database);
    const [fixture] = fixtures;
    const good: unknown = JSON.parse(readFileSync(new URL(fixture!, fixturesDir), 'utf8'));
    await (await database).put('mappings', good, 'good');
    await (await database).put('mappings', { schemaVersion: 1, data: { id: 'broken', name: '' } }, 'broken');
    await (await database).put('mappings', { schemaVersion: 99, data: {} }, 'future');

    const listed = await store.list();
    expect(listed).toHaveLength(3);
    expect(listed.find((entry) => !entry.readable && entry.id === 'broken')).toMatchObject({ problem: expect.stringContaining('mapping') });
    expect(listed.find((entry) => !entry.readable && entry.id === 'future')).toMatchObject({ problem: expect.stringContaining('newer version') });
    await expect(store.get('broken')).rejects.toThrow(/export or delete it/);
    expect(await (await database).get('mappings', 'broken')).toBeDefined();
  });
});
