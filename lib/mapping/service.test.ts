import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Field } from '../assetpanda/types';
import { openDatabase } from '../db/open';
import { decodeDocument } from '../db/versioned';
import { createMappingService, type MappingDraft } from './service';
import { MAPPING_DOCUMENT, mappingStore } from './store';

const stored = decodeDocument(MAPPING_DOCUMENT, JSON.parse(readFileSync(new URL('./fixtures/mapping.v1.json', import.meta.url), 'utf8')));
if (!stored.ok) throw new Error(stored.problem);
const { id: _id, createdAt: _created, updatedAt: _updated, ...draft } = stored.value;

function service(fields: Field[]) {
  indexedDB.deleteDatabase('intune-companion');
  let ids = 0;
  return createMappingService({
    store: mappingStore(openDatabase()),
    fields: async () => fields,
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
