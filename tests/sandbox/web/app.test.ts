import { describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { seedRecord } from '../assetpanda-api/records.ts';
import { assetPandaClient, devicesTarget } from '../assetpanda-api/test-client.ts';

const sandbox = useSandbox();
const fetchSandbox = sandbox.fetch;
const callApi = assetPandaClient(sandbox.fetch);

async function appJson(path: string, init?: RequestInit) {
  const response = await fetchSandbox(`https://contoso.assetpanda.app${path}`, init);
  return { status: response.status, body: await response.json() };
}

function seedDevice() {
  return seedRecord(sandbox.world.assetPanda, 'Devices', { Name: 'LAPTOP-0042', 'Serial Number': 'PF3ABCD1', Location: 'Redmond HQ', Encrypted: true });
}

describe('Asset Panda Pro web app pages', () => {
  it.each(['https://assetpanda.app/', 'https://contoso.assetpanda.app/collections', 'https://contoso.assetpanda.app/collections/X/records/Y'])(
    'serves the app shell at %s',
    async (url) => {
      const response = await fetchSandbox(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(await response.text()).toMatch(/<script type="module" src="\/assets\/main\.js"><\/script>/);
    },
  );

  it('answers 404 at a sub-domain that is not the organization’s', async () => {
    expect((await fetchSandbox('https://fabrikam.assetpanda.app/collections')).status).toBe(404);
  });

  it('serves every script and style the shell loads, with their content types', async () => {
    const seen = new Set<string>();
    const pending = ['/assets/main.js', '/assets/app.css'];
    while (pending.length > 0) {
      const path = pending.pop() ?? '';
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await fetchSandbox(`https://assetpanda.app${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(path.endsWith('.js') ? /text\/javascript/ : /text\/css/);
      const text = await response.text();
      for (const [, imported] of text.matchAll(/from '\.\/([\w-]+\.js)'/g)) pending.push(`/assets/${imported}`);
    }
    expect(seen.size).toBeGreaterThan(2);
  });

  it('serves nothing outside its asset folder', async () => {
    expect((await fetchSandbox('https://assetpanda.app/assets/missing.js')).status).toBe(404);
    expect((await fetchSandbox('https://assetpanda.app/assets/..%2Fservice.ts')).status).toBe(404);
  });
});

describe('the web app’s JSON', () => {
  it('lists collections with their record counts', async () => {
    const { devices } = devicesTarget(sandbox.world.assetPanda);
    seedDevice();
    const { body } = await appJson('/app-api/collections');
    expect(body.collections).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Devices', recordCount: devices.records.size }), expect.objectContaining({ name: 'Locations', recordCount: 3 })]),
    );
  });

  it('lists a collection’s records a page at a time', async () => {
    const { collectionId, devices } = devicesTarget(sandbox.world.assetPanda);
    devices.records.clear();
    for (let i = 0; i < 30; i += 1) seedRecord(sandbox.world.assetPanda, 'Devices', { Name: `PC-${i}` });
    const first = await appJson(`/app-api/collections/${collectionId}/records`);
    expect(first.body).toMatchObject({ total: 30, from: 0, size: 25 });
    expect(first.body.records[0]).toMatchObject({ title: 'PC-0' });
    const second = await appJson(`/app-api/collections/${collectionId}/records?from=25`);
    expect(second.body.records.map((r: { title: string }) => r.title)).toEqual(['PC-25', 'PC-26', 'PC-27', 'PC-28', 'PC-29']);
  });

  it('shows a record’s fields under their display names', async () => {
    const record = seedDevice();
    const { collectionId } = devicesTarget(sandbox.world.assetPanda);
    const { status, body } = await appJson(`/app-api/collections/${collectionId}/records/${record.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: record.id, title: 'LAPTOP-0042', collection: { id: collectionId, name: 'Devices' } });
    expect(body.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'Serial Number', value: 'PF3ABCD1' }),
        expect.objectContaining({ label: 'Location-city', value: 'Redmond' }),
        expect.objectContaining({ label: 'Encrypted', type: 'boolean', value: true }),
        expect.objectContaining({ label: 'Model', value: null }),
      ]),
    );
    expect((await appJson(`/app-api/collections/${collectionId}/records/nope`)).status).toBe(404);
    expect((await appJson('/app-api/collections/nope/records')).status).toBe(404);
  });

  it('reflects writes made through the public API', async () => {
    const { tenant, collectionId, column } = devicesTarget(sandbox.world.assetPanda);
    const created = await callApi('POST', '/collection-records', { tenant, collectionId, records: [{ [column('Name')]: 'NEW-PC', [column('Serial Number')]: 'SN-NEW' }] });
    const recordId: string = created.body.data[0].id;
    const recordPath = `/app-api/collections/${collectionId}/records/${recordId}`;
    expect((await appJson(recordPath)).body.title).toBe('NEW-PC');

    await callApi('PUT', '/collection-records', { tenant, collectionId, records: [{ recordId, [column('Name')]: 'RENAMED-PC' }] });
    expect((await appJson(recordPath)).body.title).toBe('RENAMED-PC');

    await callApi('DELETE', '/collection-records', { tenant, collectionId, records: [{ recordId }] });
    expect((await appJson(recordPath)).status).toBe(404);
  });

  it('saves edits into the state the public API reads, with the API’s validation', async () => {
    const record = seedDevice();
    seedRecord(sandbox.world.assetPanda, 'Devices', { Name: 'OTHER', 'Serial Number': 'TAKEN-1' });
    const { collectionId, column, tenantQuery } = devicesTarget(sandbox.world.assetPanda);
    const recordPath = `/app-api/collections/${collectionId}/records/${record.id}`;
    const patch = (values: Record<string, unknown>) =>
      appJson(recordPath, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ values }) });

    const saved = await patch({ [column('Model')]: 'ThinkPad T14', [column('Storage Total')]: 512 });
    expect(saved.status).toBe(200);
    const read = await callApi('GET', `/collection-record/${record.id}?${tenantQuery}`);
    expect(read.body.data).toMatchObject({ [column('Model')]: 'ThinkPad T14', [column('Storage Total')]: 512 });

    const rejected = await patch({ [column('Serial Number')]: 'TAKEN-1' });
    expect(rejected.status).toBe(422);
    expect(rejected.body.errors).toEqual([expect.objectContaining({ field: column('Serial Number'), message: expect.stringContaining('"TAKEN-1" is not unique') })]);
  });
});
