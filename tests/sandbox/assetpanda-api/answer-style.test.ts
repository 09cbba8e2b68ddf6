import { beforeEach, describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { deleteColumn } from './columns.ts';
import { seedRecord } from './records.ts';
import { assetPandaClient, devicesTarget } from './test-client.ts';
import { collectionNamed, deactivateCollection, deleteCollection } from './tenant.ts';

const sandbox = useSandbox();
const call = assetPandaClient(sandbox.fetch);

beforeEach(() => {
  collectionNamed(sandbox.world.assetPanda, 'Devices').records.clear();
});

function observed() {
  sandbox.world.assetPanda.answerStyle = 'observed';
}

function seedDevice(name: string, serial: string) {
  return seedRecord(sandbox.world.assetPanda, 'Devices', { Name: name, 'Serial Number': serial });
}

describe('answer style: lists', () => {
  it('answers { data, total } with names by default, and { data } with displayName and collection flags when observed', async () => {
    const state = sandbox.world.assetPanda;
    const { tenant } = devicesTarget(state);
    deactivateCollection(collectionNamed(state, 'Employees'));
    const locations = collectionNamed(state, 'Locations');
    deleteCollection(state, locations);
    const collectionsPath = `/collections?accountId=${tenant.accountId}&moduleId=${tenant.moduleId}`;

    const assumed = await call('GET', collectionsPath);
    expect(assumed.body).toEqual({ data: [expect.objectContaining({ name: 'Devices' })], total: 1 });
    expect((await call('GET', `/modules?accountId=${tenant.accountId}`)).body.data).toEqual([expect.objectContaining({ name: 'IT Assets' })]);

    observed();
    const accounts = await call('GET', '/accounts');
    expect(accounts.body).toEqual({ data: [expect.objectContaining({ name: 'Contoso IT' })] });
    const modules = await call('GET', `/modules?accountId=${tenant.accountId}`);
    expect(modules.body).toEqual({ data: [{ id: tenant.moduleId, displayName: 'IT Assets', accountId: tenant.accountId }] });
    const collections = await call('GET', collectionsPath);
    expect(Object.keys(collections.body)).toEqual(['data']);
    const byName = new Map(collections.body.data.map((c: { displayName: string }) => [c.displayName, c]));
    expect(byName.get('Employees')).toMatchObject({ isActive: false });
    expect(byName.get('Locations')).toMatchObject({ id: locations.id, deleted: true });
    for (const collection of collections.body.data) expect(collection).not.toHaveProperty('name');
  });

  it('when observed, leaves the collection flags that say nothing new (active, not deleted) off some items', async () => {
    const { tenant } = devicesTarget(sandbox.world.assetPanda);
    observed();
    const listed: Array<{ isActive?: boolean; deleted?: boolean }> = (await call('GET', `/collections?accountId=${tenant.accountId}&moduleId=${tenant.moduleId}`)).body.data;
    expect(listed.filter((collection) => collection.isActive === true && collection.deleted === false).length).toBeGreaterThan(0);
    expect(listed.filter((collection) => !('isActive' in collection) && !('deleted' in collection)).length).toBeGreaterThan(0);
  });

  it('answers 404 about a deleted collection in either style, and still serves an inactive one', async () => {
    const state = sandbox.world.assetPanda;
    const { tenant } = devicesTarget(state);
    const employees = collectionNamed(state, 'Employees');
    const locations = collectionNamed(state, 'Locations');
    deactivateCollection(employees);
    deleteCollection(state, locations);
    const columns = (id: string) => call('GET', `/collection-columns?collectionId=${id}&accountId=${tenant.accountId}&moduleId=${tenant.moduleId}`);
    for (const style of ['assumed', 'observed'] as const) {
      state.answerStyle = style;
      expect((await call('GET', `/collection/${locations.id}`)).status).toBe(404);
      expect((await columns(locations.id)).status).toBe(404);
      expect((await columns(employees.id)).status).toBe(200);
    }
  });
});

describe('answer style: columns', () => {
  it('leaves a deleted column out by default, and lists it flagged deleted inside data when observed', async () => {
    const { devices, column, tenantQuery } = devicesTarget(sandbox.world.assetPanda);
    const notes = column('Notes');
    deleteColumn(devices, notes);

    const assumed = await call('GET', `/collection-columns?${tenantQuery}`);
    expect(Object.keys(assumed.body)).toEqual(['columns']);
    expect(assumed.body.columns.all.map((c: { id: string }) => c.id)).not.toContain(notes);

    observed();
    const answer = await call('GET', `/collection-columns?${tenantQuery}`);
    expect(Object.keys(answer.body)).toEqual(['data']);
    const all: Array<{ id: string; displayName: string; deleted?: boolean }> = answer.body.data.columns.all;
    expect(all.find((c) => c.id === notes)).toMatchObject({ displayName: 'Notes', type: 'ap://system/datatype/text', deleted: true });
    expect(all.filter((c) => c.deleted)).toHaveLength(1);
    expect(all.find((c) => c.displayName === 'Serial Number')).toMatchObject({ unique: true });
    // The live columns: some say deleted: false, the others leave the flag off.
    const live = all.filter((c) => c.id !== notes);
    expect(live.filter((c) => c.deleted === false).length).toBeGreaterThan(0);
    expect(live.filter((c) => !('deleted' in c)).length).toBeGreaterThan(0);
  });

  it('refuses writes to a deleted column like an unknown one, and reads and searches without it', async () => {
    const { devices, column, tenant, collectionId, tenantQuery } = devicesTarget(sandbox.world.assetPanda);
    const notes = column('Notes');
    const record = seedRecord(sandbox.world.assetPanda, 'Devices', { Name: 'PC-1', Notes: 'old note' });
    deleteColumn(devices, notes);

    const write = await call('POST', '/collection-records', { tenant, collectionId, records: [{ [column('Name')]: 'PC-2', [notes]: 'x' }] });
    expect(write.status).toBe(422);
    expect(write.body.errors).toEqual([expect.objectContaining({ field: notes, message: expect.stringContaining('Unknown column') })]);
    expect((await call('GET', `/collection-record/${record.id}?${tenantQuery}`)).body.data).not.toHaveProperty(notes);
    const search = await call('POST', '/collection-records/search', {
      tenant,
      collectionId,
      searchInput: { selection: { matchType: 'All', filters: [{ field: notes, operator: 'equals', value: 'old note' }] } },
    });
    expect(search.status).toBe(400);
  });
});

describe('answer style: search', () => {
  it('answers { data: { records } } without a total when observed, still paging by from and size', async () => {
    const { column, tenant, collectionId } = devicesTarget(sandbox.world.assetPanda);
    for (let i = 0; i < 25; i += 1) seedDevice(`PC-${String(i).padStart(2, '0')}`, `SN-${i}`);
    observed();
    const answer = await call('POST', '/collection-records/search', { tenant, collectionId, pagination: { from: 20, size: 10 } });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['data']);
    expect(Object.keys(answer.body.data)).toEqual(['records']);
    expect(answer.body.data.records.map((r: Record<string, unknown>) => r[column('Name')])).toEqual(['PC-20', 'PC-21', 'PC-22', 'PC-23', 'PC-24']);
    expect(answer.body.data.records[0]).toMatchObject({ id: expect.any(String), [column('Serial Number')]: 'SN-20' });
  });
});

describe('answer style: writes', () => {
  it('writes each record on its own when observed: a 2xx answer holds one result per record, failures included', async () => {
    const { devices, column, tenant, collectionId } = devicesTarget(sandbox.world.assetPanda);
    seedDevice('PC-0', 'TAKEN');
    observed();
    const answer = await call('POST', '/collection-records', {
      tenant,
      collectionId,
      records: [
        { [column('Name')]: 'PC-1', [column('Serial Number')]: 'S-1' },
        { [column('Name')]: 'PC-2', [column('Serial Number')]: 'taken' },
        { [column('Name')]: 'PC-3', [column('Serial Number')]: 'S-3' },
        { [column('Name')]: 'PC-4', [column('Serial Number')]: 'S-3' },
        { [column('Name')]: 'PC-5', [column('Ownership')]: 'Borrowed' },
      ],
    });
    expect(answer.status).toBe(201);
    expect(answer.body.data.records).toEqual([
      { success: true, errors: [], index: 0 },
      { success: false, errors: [{ field: column('Serial Number'), value: 'taken', message: expect.stringContaining('not unique') }], index: 1 },
      { success: true, errors: [], index: 2 },
      { success: false, errors: [expect.objectContaining({ field: column('Serial Number'), value: 'S-3' })], index: 3 },
      { success: false, errors: [expect.objectContaining({ field: column('Ownership'), value: 'Borrowed' })], index: 4 },
    ]);
    expect([...devices.records.values()].map((r) => r.values[column('Name')])).toEqual(['PC-0', 'PC-1', 'PC-3']);
  });

  it('updates each record on its own when observed, an unknown or missing recordId failing only that record', async () => {
    const { column, tenant, collectionId } = devicesTarget(sandbox.world.assetPanda);
    const first = seedDevice('PC-1', 'S-1');
    const second = seedDevice('PC-2', 'S-2');
    observed();
    const answer = await call('PUT', '/collection-records', {
      tenant,
      collectionId,
      records: [
        { recordId: first.id, [column('Model')]: 'Surface Laptop 5' },
        { recordId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', [column('Model')]: 'X' },
        { [column('Model')]: 'Y' },
        { recordId: second.id, [column('Serial Number')]: 'S-1' },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.records.map((r: { success: boolean }) => r.success)).toEqual([true, false, false, false]);
    expect(answer.body.data.records[1].errors).toEqual([expect.objectContaining({ field: 'recordId', message: 'Record not found.' })]);
    expect(first.values[column('Model')]).toBe('Surface Laptop 5');
    expect(second.values[column('Serial Number')]).toBe('S-2');

    const tooMany = await call('PUT', '/collection-records', {
      tenant,
      collectionId,
      records: Array.from({ length: 6 }, () => ({ recordId: first.id, [column('Model')]: 'Z' })),
    });
    expect(tooMany.status).toBe(400);
  });
});
