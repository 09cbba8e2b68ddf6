import { describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { assetPandaClient, devicesTarget } from './test-client.ts';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const sandbox = useSandbox();
const call = assetPandaClient(sandbox.fetch);

describe('Asset Panda Pro tenant discovery', () => {
  it('walks accounts → modules → collections', async () => {
    const accounts = await call('GET', '/accounts');
    expect(accounts.status).toBe(200);
    expect(accounts.body.data).toEqual([expect.objectContaining({ name: 'Contoso IT', id: expect.stringMatching(ULID) })]);
    const accountId: string = accounts.body.data[0].id;

    const account = await call('GET', `/account/${accountId}`);
    expect(account.body.data).toMatchObject({ id: accountId, name: 'Contoso IT' });

    const modules = await call('GET', `/modules?accountId=${accountId}`);
    expect(modules.body.data).toEqual([expect.objectContaining({ name: 'IT Assets', accountId })]);
    const moduleId: string = modules.body.data[0].id;
    expect((await call('GET', `/module/${moduleId}`)).body.data).toMatchObject({ id: moduleId, name: 'IT Assets' });

    const collections = await call('GET', `/collections?accountId=${accountId}&moduleId=${moduleId}`);
    expect(collections.body.data.map((c: { name: string }) => c.name).toSorted()).toEqual(['Devices', 'Employees', 'Locations']);
    for (const collection of collections.body.data) expect(collection.id).toMatch(ULID);

    const devicesId: string = collections.body.data.find((c: { name: string }) => c.name === 'Devices').id;
    expect((await call('GET', `/collection/${devicesId}`)).body.data).toMatchObject({ id: devicesId, name: 'Devices', accountId, moduleId });
  });

  it('answers 404 to unknown ids and 400 to missing query parameters', async () => {
    const { tenant } = devicesTarget(sandbox.world.assetPanda);
    expect((await call('GET', '/account/01HZZZZZZZZZZZZZZZZZZZZZZZ')).status).toBe(404);
    expect((await call('GET', '/module/nope')).status).toBe(404);
    expect((await call('GET', '/collection/nope')).status).toBe(404);
    expect((await call('GET', '/modules?accountId=nope')).status).toBe(404);
    expect((await call('GET', `/collections?accountId=${tenant.accountId}&moduleId=nope`)).status).toBe(404);
    const missing = await call('GET', '/modules');
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'accountId' })]);
    expect((await call('GET', '/no-such-endpoint')).status).toBe(404);
  });
});

describe('GET /collection-columns', () => {
  it('lists the columns in the published shape', async () => {
    const { tenantQuery, collectionId } = devicesTarget(sandbox.world.assetPanda);
    const answer = await call('GET', `/collection-columns?${tenantQuery}`);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['columns']);
    const all: Array<Record<string, unknown>> = answer.body.columns.all;
    for (const column of all) {
      expect(column.id).toMatch(new RegExp(`^${collectionId}_\\d+_[a-z0-9]+_(text|number|date|list|status|boolean)$`));
      expect(column.type).toMatch(/^ap:\/\/system\/datatype\/(text|number|date|list|status|boolean)$/);
      expect(String(column.id).endsWith(String(column.type).split('/').pop() ?? '?')).toBe(true);
      expect(typeof column.displayName).toBe('string');
      expect(typeof column.required).toBe('boolean');
      expect(typeof column.unique).toBe('boolean');
    }
    const byName = new Map(all.map((c) => [c.displayName, c]));
    expect(byName.get('Name')).toMatchObject({ type: 'ap://system/datatype/text', required: true, unique: false });
    expect(byName.get('Serial Number')).toMatchObject({ unique: true });
    expect(byName.get('Intune Device ID')).toMatchObject({ unique: true });
    expect(byName.get('Storage Total')).toMatchObject({ type: 'ap://system/datatype/number' });
    expect(byName.get('Last Sync')).toMatchObject({ type: 'ap://system/datatype/date' });
    expect(byName.get('Encrypted')).toMatchObject({ type: 'ap://system/datatype/boolean' });
    expect(byName.get('Ownership')).toMatchObject({ type: 'ap://system/datatype/list', options: expect.arrayContaining(['Corporate', 'Personal']) });
    expect(byName.get('Compliance')).toMatchObject({ type: 'ap://system/datatype/status', options: expect.arrayContaining(['Compliant']) });
  });

  it('marks the Location columns as references into Locations', async () => {
    const state = sandbox.world.assetPanda;
    const { tenantQuery } = devicesTarget(state);
    const locations = state.collections.find((c) => c.name === 'Locations');
    type Listed = { displayName: string; references?: { pullFromId: string } };
    const all: Listed[] = (await call('GET', `/collection-columns?${tenantQuery}`)).body.columns.all;
    const location = all.find((c) => c.displayName === 'Location');
    const city = all.find((c) => c.displayName === 'Location-city');
    expect(location?.references).toMatchObject({ primary: true, entityType: 'collection', entityId: locations?.id, columnId: expect.stringContaining('_name_text') });
    expect(city?.references).toMatchObject({ primary: false, entityType: 'collection', entityId: locations?.id, columnId: expect.stringContaining('_city_text') });
    expect(city?.references?.pullFromId).toBe(location?.references?.pullFromId);
    expect(all.filter((c) => c.references?.pullFromId === location?.references?.pullFromId)).toHaveLength(2);
  });

  it('answers 400 without collectionId and 404 when the collection is not in the module', async () => {
    const state = sandbox.world.assetPanda;
    const { tenant } = devicesTarget(state);
    expect((await call('GET', `/collection-columns?accountId=${tenant.accountId}&moduleId=${tenant.moduleId}`)).status).toBe(400);
    const wrong = await call('GET', `/collection-columns?collectionId=01HZZZZZZZZZZZZZZZZZZZZZZZ&accountId=${tenant.accountId}&moduleId=${tenant.moduleId}`);
    expect(wrong.status).toBe(404);
  });
});
