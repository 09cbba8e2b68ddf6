import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readConfiguration } from './read';

/** A configuration as Export configuration writes it: both connections and one mapping. */
const exported = () => {
  const stored = JSON.parse(readFileSync(new URL('../mapping/fixtures/mapping.v1.json', import.meta.url), 'utf8')) as { data: Record<string, unknown> };
  return {
    kind: 'intune-companion-configuration',
    version: 1,
    exportedAt: '2026-11-30T10:00:00.000Z',
    connections: {
      intune: { tenantId: 'contoso.onmicrosoft.com', clientId: '0e3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', applicationObjectId: '', cloud: 'global' },
      assetPanda: { baseUrl: 'https://api.assetpanda.app', accessKeyId: 'AKID-123', account: { id: 'a1', name: 'Contoso IT' }, module: { id: 'm1', name: 'IT Assets' } },
    },
    mappings: [stored.data],
  };
};
type Document = ReturnType<typeof exported>;
const read = (change: (document: Document) => unknown = (document) => document) => readConfiguration(JSON.stringify(change(exported())));
const problemsOf = (result: ReturnType<typeof readConfiguration>) => (result.ok ? [] : result.problems);

describe('reading a configuration file', () => {
  it('reads what Export configuration writes', () => {
    const result = read();
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.configuration.mappings[0]?.name).toBe('Intune laptops');
  });

  it('refuses another format, naming the version it reads', () => {
    expect(problemsOf(read((document) => ({ ...document, version: 2 })))).toEqual([expect.stringContaining('format 2, written by a newer version')]);
    expect(problemsOf(read((document) => ({ ...document, version: undefined })))).toEqual([expect.stringContaining('"version" is missing')]);
    expect(problemsOf(read((document) => ({ ...document, kind: 'something-else' })))).toEqual([expect.stringContaining('not a configuration of Intune Companion')]);
    expect(problemsOf(readConfiguration('{"kind":'))).toEqual([expect.stringContaining('not valid JSON')]);
  });

  it('lists every problem at once: secrets, unknown keys, missing and wrong values', () => {
    const problems = problemsOf(
      read((document) => {
        const [mapping] = document.mappings as Array<Record<string, unknown>>;
        const { collection: _collection, ...withoutCollection } = mapping!;
        return {
          ...document,
          connections: {
            intune: { ...document.connections.intune, clientSecret: 'abc~123' },
            assetPanda: { ...document.connections.assetPanda, accessKeySecret: 'shh', notes: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl' },
          },
          mappings: [{ ...withoutCollection, colour: 'blue', filters: { ...(mapping!.filters as object), devicetypes: ['windows'] }, matchKeys: 'id' }],
        };
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^connections\.intune\.clientSecret holds a secret/),
      expect.stringMatching(/^connections\.assetPanda\.accessKeySecret holds a secret/),
      expect.stringMatching(/^connections\.assetPanda\.notes holds a secret/),
      'mappings[0].filters.devicetypes is not a setting this extension knows. Remove it (or correct its spelling).',
      'mappings[0].colour is not a setting this extension knows. Remove it (or correct its spelling).',
      'mappings[0].collection is missing.',
      expect.stringMatching(/^mappings\[0\]\.matchKeys: /),
    ]);
  });

  it('finds an unknown key inside the chosen kind of a transform', () => {
    const problems = problemsOf(
      read((document) => {
        const mapping = document.mappings[0] as { fields: Array<Record<string, unknown>> };
        mapping.fields[0] = { ...mapping.fields[0], transform: { kind: 'asIs', format: 'YYYY-MM-DD' } };
        return document;
      }),
    );
    expect(problems).toEqual(['mappings[0].fields[0].transform.format is not a setting this extension knows. Remove it (or correct its spelling).']);
  });

  it('refuses two mappings with one id', () => {
    expect(problemsOf(read((document) => ({ ...document, mappings: [document.mappings[0], document.mappings[0]] })))).toEqual([
      'Two mappings have the id "6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b". Each mapping needs its own id.',
    ]);
  });
});
