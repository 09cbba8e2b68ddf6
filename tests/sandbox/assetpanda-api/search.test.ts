import { beforeEach, describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { seedRecord } from './records.ts';
import { assetPandaClient, devicesTarget } from './test-client.ts';
import { collectionNamed } from './tenant.ts';

const sandbox = useSandbox();
const call = assetPandaClient(sandbox.fetch);
beforeEach(() => {
  // A known Devices collection of 25 records; the fleet's assets are searched at the end.
  collectionNamed(sandbox.world.assetPanda, 'Devices').records.clear();
  for (let i = 0; i < 25; i += 1) {
    seedRecord(sandbox.world.assetPanda, 'Devices', {
      Name: `PC-${String(i).padStart(3, '0')}`,
      'Serial Number': `SN${1000 + i}`,
      Manufacturer: i % 2 === 0 ? 'Dell Inc.' : 'LENOVO',
      Location: i < 3 ? 'London Office' : null,
    });
  }
});

function search(body: Record<string, unknown>) {
  const { tenant, collectionId } = devicesTarget(sandbox.world.assetPanda);
  return call('POST', '/collection-records/search', { tenant, collectionId, ...body });
}

function filters(matchType: 'All' | 'Any', list: Array<{ field: string; operator: string; value?: unknown }>) {
  return { searchInput: { selection: { matchType, filters: list } } };
}

const names = (data: Array<Record<string, unknown>>, nameColumn: string) => data.map((r) => r[nameColumn]);

describe('POST /collection-records/search', () => {
  it('pages with from and size and reports the total', async () => {
    const { column } = devicesTarget(sandbox.world.assetPanda);
    const first = await search({ searchInput: { selection: { matchType: 'All', filters: [] } }, pagination: { from: 0, size: 10 } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 25, from: 0, size: 10 });
    expect(first.body.data).toHaveLength(10);
    const last = await search({ pagination: { from: 20, size: 10 } });
    expect(last.body.data).toHaveLength(5);
    expect(names(last.body.data, column('Name'))).toEqual(['PC-020', 'PC-021', 'PC-022', 'PC-023', 'PC-024']);
    const beyond = await search({ pagination: { from: 30, size: 10 } });
    expect(beyond.body).toMatchObject({ data: [], total: 25 });
  });

  it('returns the first 10 without pagination', async () => {
    const answer = await search({});
    expect(answer.body).toMatchObject({ total: 25, from: 0, size: 10 });
    expect(answer.body.data).toHaveLength(10);
  });

  it('finds by equals (ignoring case) and by contains', async () => {
    const { column } = devicesTarget(sandbox.world.assetPanda);
    const exact = await search(filters('All', [{ field: column('Serial Number'), operator: 'equals', value: 'sn1007' }]));
    expect(names(exact.body.data, column('Name'))).toEqual(['PC-007']);
    const partial = await search({ ...filters('All', [{ field: column('Name'), operator: 'contains', value: 'PC-01' }]), pagination: { from: 0, size: 100 } });
    expect(partial.body.total).toBe(10);
  });

  it('combines filters with All and Any', async () => {
    const { column } = devicesTarget(sandbox.world.assetPanda);
    const both = await search(
      filters('All', [
        { field: column('Manufacturer'), operator: 'equals', value: 'LENOVO' },
        { field: column('Serial Number'), operator: 'startsWith', value: 'SN100' },
      ]),
    );
    expect(names(both.body.data, column('Name'))).toEqual(['PC-001', 'PC-003', 'PC-005', 'PC-007', 'PC-009']);
    const either = await search(
      filters('Any', [
        { field: column('Serial Number'), operator: 'equals', value: 'SN1000' },
        { field: column('Serial Number'), operator: 'equals', value: 'SN1024' },
      ]),
    );
    expect(names(either.body.data, column('Name'))).toEqual(['PC-000', 'PC-024']);
  });

  it('searches pulled reference columns and empty values', async () => {
    const { column } = devicesTarget(sandbox.world.assetPanda);
    const inLondon = await search(filters('All', [{ field: column('Location-city'), operator: 'equals', value: 'London' }]));
    expect(inLondon.body.total).toBe(3);
    const noModel = await search(filters('All', [{ field: column('Model'), operator: 'isEmpty' }]));
    expect(noModel.body.total).toBe(25);
  });

  it('answers 400 to an unknown field, operator or matchType, and to bad pagination', async () => {
    const { column } = devicesTarget(sandbox.world.assetPanda);
    const unknownField = await search(filters('All', [{ field: 'Serial Number', operator: 'equals', value: 'x' }]));
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors).toEqual([expect.objectContaining({ field: 'searchInput.selection.filters[0].field', value: 'Serial Number' })]);
    expect((await search(filters('All', [{ field: column('Name'), operator: 'like', value: 'x' }]))).status).toBe(400);
    expect((await search({ searchInput: { selection: { matchType: 'Some', filters: [] } } })).status).toBe(400);
    expect((await search({ pagination: { from: -1, size: 10 } })).status).toBe(400);
    expect((await search({ pagination: { from: 0, size: 0 } })).status).toBe(400);
    expect((await search({ pagination: { from: 0, size: 101 } })).status).toBe(400);
    expect((await search({ pagination: { from: 9_950, size: 100 } })).status).toBe(400);
  });

  it('answers 400 without a tenant and 404 for a collection outside the tenant', async () => {
    const { tenant, collectionId } = devicesTarget(sandbox.world.assetPanda);
    expect((await call('POST', '/collection-records/search', { collectionId })).status).toBe(400);
    expect((await call('POST', '/collection-records/search', { tenant: { ...tenant, accountId: 'other' }, collectionId })).status).toBe(404);
  });
});

describe('searching the fleet’s existing assets', () => {
  it('finds a seeded device by its serial number and by its Intune device ID', async () => {
    sandbox.reset();
    const { devices, column } = devicesTarget(sandbox.world.assetPanda);
    const linked = [...devices.records.values()].find((r) => r.values[column('Intune Device ID')] && r.values[column('Serial Number')]);
    expect(linked, 'the fleet links some assets to Intune').toBeDefined();
    for (const name of ['Serial Number', 'Intune Device ID']) {
      const answer = await search(filters('All', [{ field: column(name), operator: 'equals', value: linked?.values[column(name)] }]));
      expect(answer.body.data.map((r: { id: string }) => r.id)).toEqual([linked?.id]);
    }
  });
});
