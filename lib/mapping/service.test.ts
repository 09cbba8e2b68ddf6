import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AssetPandaError } from '../assetpanda/errors';
import type { Field, Named } from '../assetpanda/types';
import { openDatabase } from '../db/open';
import { decodeDocument } from '../db/versioned';
import { createMappingService, type MappingDraft } from './service';
import { MAPPING_DOCUMENT, mappingStore } from './store';

const stored = decodeDocument(MAPPING_DOCUMENT, JSON.parse(readFileSync(new URL('./fixtures/mapping.v1.json', import.meta.url), 'utf8')));
if (!stored.ok) throw new Error(stored.problem);
const { id: _id, createdAt: _created, updatedAt: _updated, ...draft } = stored.value;

const devices: Named = { id: draft.collection.id, name: 'Devices' };

function service(fields: Field[], options: { collections?: () => Promise<Named[]>; managed?: string[] } = {}) {
  indexedDB.deleteDatabase('intune-companion');
  let ids = 0;
  return createMappingService({
    store: mappingStore(openDatabase()),
    collections: options.collections ?? (async () => [devices]),
    fields: async () => fields,
    managedIds: async () => new Set(options.managed ?? []),
    now: () => Date.parse('2026-11-30T09:00:00Z'),
    newId: () => `mapping-${++ids}`,
  });
}

const liveFields: Field[] = [
  ...draft.fields.map(({ target }) => ({ ...target, required: false, unique: true })),
  { ...draft.behaviour.retiredStatus!.field, required: false, unique: false, options: ['Retired'] },
];

describe('saving mappings', () => {
  it('saves a mapping that fits its collection, and keeps its id and creation date on the next save', async () => {
    const mappings = service(liveFields);
    const first = await mappings.save(draft satisfies MappingDraft);
    expect(first).toMatchObject({ saved: true, problems: [], mapping: { id: 'mapping-1', createdAt: '2026-11-30T09:00:00.000Z' } });
    const second = await mappings.save({ ...draft, id: 'mapping-1', name: 'Renamed' });
    expect(second.mapping).toMatchObject({ id: 'mapping-1', name: 'Renamed', createdAt: '2026-11-30T09:00:00.000Z' });
    expect((await mappings.open('mapping-1')).mapping.name).toBe('Renamed');
  });

  it('refuses a mapping onto a field the collection does not have, and changes nothing', async () => {
    const mappings = service(liveFields.filter((field) => field.name !== 'Serial Number'));
    const result = await mappings.save(draft);
    expect(result.saved).toBe(false);
    expect(result.problems.map((problem) => problem.code)).toContain('field-missing');
    expect(await mappings.list()).toEqual([]);
  });
});

describe('a mapping whose collection or connection is gone', () => {
  it('says the collection is gone and asks for another', async () => {
    let collections = [devices];
    const mappings = service(liveFields, { collections: async () => collections });
    await mappings.save(draft);
    collections = [];
    const opened = await mappings.open('mapping-1');
    expect(opened.problems).toEqual([expect.objectContaining({ code: 'collection-missing', message: expect.stringContaining('"Devices" is no longer in the connected Asset Panda module') })]);
    expect([...(await mappings.checkStored()).values()]).toEqual([opened.problems]);
  });

  it('says Asset Panda is not connected, with what to do', async () => {
    let connected = true;
    const mappings = service(liveFields, {
      collections: async () => {
        if (connected) return [devices];
        throw new AssetPandaError('not-connected', 'Asset Panda is not connected. Enter an API key on the options page and choose Test and Save Connection.');
      },
    });
    await mappings.save(draft);
    connected = false;
    const [problem] = (await mappings.open('mapping-1')).problems;
    expect(problem).toMatchObject({ severity: 'error', code: 'connection-gone', message: expect.stringContaining('Test and Save Connection') });
  });
});

describe('mappings set by policy', () => {
  it('are opened as managed, and neither saved nor deleted here', async () => {
    const mappings = service(liveFields, { managed: ['mapping-1'] });
    await mappings.save(draft);
    expect((await mappings.open('mapping-1')).managed).toBe(true);
    await expect(mappings.save({ ...draft, id: 'mapping-1', name: 'Mine now' })).rejects.toThrow(/set by your organization's policy/);
    await expect(mappings.delete('mapping-1')).rejects.toThrow(/set by your organization's policy/);
    expect((await mappings.open('mapping-1')).mapping.name).toBe(draft.name);
  });
});
