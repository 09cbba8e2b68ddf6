import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../assetpanda/connection';
import type { Field, Named } from '../assetpanda/types';
import type { IntuneSettings } from '../auth/settings';
import { openDatabase } from '../db/open';
import { decodeDocument } from '../db/versioned';
import { createMappingService } from '../mapping/service';
import { MAPPING_DOCUMENT, mappingStore } from '../mapping/store';
import { createConfigurationService } from './service';

const fixture = decodeDocument(MAPPING_DOCUMENT, JSON.parse(readFileSync(new URL('../mapping/fixtures/mapping.v1.json', import.meta.url), 'utf8')));
if (!fixture.ok) throw new Error(fixture.problem);
const mapping = fixture.value;
const fields: Field[] = [
  ...mapping.fields.map(({ target }) => ({ ...target, required: false, unique: true })),
  { ...mapping.behaviour.retiredStatus!.field, required: false, unique: false, options: ['Retired'] },
];
const devices: Named = { id: mapping.collection.id, name: 'Devices' };
const intune: IntuneSettings = { tenantId: 'contoso.onmicrosoft.com', clientId: '0e3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', applicationObjectId: '', cloud: 'global' };
const assetPanda: ConnectionStatus = {
  state: 'connected',
  baseUrl: 'https://api.assetpanda.app',
  accessKeyId: 'AKID-123',
  account: { id: 'a1', name: 'Contoso IT' },
  module: { id: 'm1', name: 'IT Assets' },
  savedAt: '2026-11-30T08:00:00.000Z',
};

/** One browser profile: its own database, connections and Asset Panda collections. */
function profile(options: { name: string; collections?: Named[]; connected?: boolean }) {
  const store = mappingStore(openDatabase(options.name));
  const mappings = createMappingService({
    store,
    collections: async () => options.collections ?? [devices],
    fields: async () => fields,
    now: () => Date.parse('2026-12-01T09:00:00Z'),
    newId: () => 'new',
  });
  const configuration = createConfigurationService({
    store,
    mappings,
    intuneSettings: async () => (options.connected === false ? undefined : intune),
    assetPandaStatus: async () => (options.connected === false ? { state: 'not-connected' } : assetPanda),
    now: () => Date.parse('2026-12-01T09:00:00Z'),
  });
  return { store, mappings, configuration };
}

describe('exporting and importing the configuration', () => {
  it('exports the connections without secrets and every mapping, and imports them into another profile as they were', async () => {
    const first = profile({ name: 'first' });
    await first.store.save(mapping);
    const exported = await first.configuration.export();
    expect(exported.fileName).toBe('intune-companion-configuration-2026-12-01.json');
    expect(exported.json).not.toMatch(/secret|token|savedAt/i);
    expect(JSON.parse(exported.json)).toMatchObject({
      connections: { intune, assetPanda: { baseUrl: 'https://api.assetpanda.app', accessKeyId: 'AKID-123', account: { name: 'Contoso IT' }, module: { name: 'IT Assets' } } },
    });

    const second = profile({ name: 'second', connected: false });
    const outcome = await profile({ name: 'second' }).configuration.import(exported.json);
    expect(outcome).toMatchObject({ imported: true, problems: [], mappingNames: ['Intune laptops'], connections: { intune } });
    const [imported] = await second.store.list();
    expect(imported).toEqual({ readable: true, mapping: { ...mapping, updatedAt: '2026-12-01T09:00:00.000Z' } });
    expect(JSON.parse((await second.configuration.export()).json).connections).toEqual({});
  });

  it('refuses mappings whose collection or fields the connected Asset Panda does not have, listing each, and changes nothing', async () => {
    const first = profile({ name: 'source' });
    await first.store.save(mapping);
    await first.store.save({ ...mapping, id: 'other', name: 'Phones', collection: { id: 'gone', name: 'Phones' } });
    const { json } = await first.configuration.export();

    const target = profile({ name: 'target' });
    const outcome = await target.configuration.import(json);
    expect(outcome.imported).toBe(false);
    expect(outcome.problems).toEqual([expect.stringMatching(/^Mapping "Phones": The collection "Phones" is no longer in the connected Asset Panda module/)]);
    expect(await target.store.list()).toEqual([]);
  });

  it('refuses a file with problems before looking at Asset Panda', async () => {
    const outcome = await profile({ name: 'bad' }).configuration.import(JSON.stringify({ kind: 'intune-companion-configuration', version: 1, mappings: [{}] }));
    expect(outcome.imported).toBe(false);
    expect(outcome.problems).toContain('mappings[0].id is missing.');
  });
});
