import { beforeEach, describe, expect, it } from 'vitest';
import { seedRecord } from '../../tests/sandbox/assetpanda-api/records';
import { devicesTarget } from '../../tests/sandbox/assetpanda-api/test-client';
import { collectionNamed } from '../../tests/sandbox/assetpanda-api/tenant';
import { SANDBOX_API_KEYS } from '../../tests/sandbox/assetpanda-api/unpublished-shapes';
import { sandboxFetch } from '../../tests/sandbox/fetch';
import { useSandbox } from '../../tests/support/use-sandbox';
import { createAssetPandaClient, type AssetPandaClient } from './client';
import { createShapeLog, type ShapeLog } from './diagnostics';
import { AssetPandaError, NotUniqueError, PartialWriteError } from './errors';
import type { CollectionRef } from './types';

const sandbox = useSandbox();
let sleeps: number[];
let log: ShapeLog;

beforeEach(() => {
  collectionNamed(sandbox.world.assetPanda, 'Devices').records.clear();
  sleeps = [];
  log = createShapeLog();
});

/** A client on the sandbox whose retries move the sandbox clock instead of waiting. */
function client(
  { key = SANDBOX_API_KEYS.readWrite, fetch = sandbox.fetch, timeoutMs }: { key?: { keyId: string; secret: string }; fetch?: typeof globalThis.fetch; timeoutMs?: number } = {},
): AssetPandaClient {
  return createAssetPandaClient({
    baseUrl: 'https://api.assetpanda.app',
    accessKeyId: key.keyId,
    accessKeySecret: key.secret,
    fetch,
    log,
    ...(timeoutMs ? { timeoutMs } : {}),
    now: () => sandbox.world.now(),
    sleep: async (ms) => {
      sleeps.push(ms);
      sandbox.world.advanceClock(ms);
    },
  });
}

function devices(): CollectionRef & { column(name: string): string } {
  const { tenant, collectionId, column } = devicesTarget(sandbox.world.assetPanda);
  return { ...tenant, collectionId, column };
}

function seedDevice(name: string, serial: string, model = 'Surface Laptop 5') {
  return seedRecord(sandbox.world.assetPanda, 'Devices', { Name: name, 'Serial Number': serial, Model: model });
}

function storedDevices() {
  return [...collectionNamed(sandbox.world.assetPanda, 'Devices').records.values()];
}

function recordsPerRequest(method: string): number[] {
  return sandbox.requests
    .filter((request) => request.method === method && request.path === '/collection-records')
    .map((request) => (JSON.parse(request.body) as { records: unknown[] }).records.length);
}

describe('Asset Panda client: discovery', () => {
  it('lists the accounts, modules and collections the key reaches', async () => {
    const api = client();
    const accounts = await api.listAccounts();
    expect(accounts.map((a) => a.name)).toEqual(['Contoso IT']);
    const modules = await api.listModules(accounts[0]!.id);
    expect(modules.map((m) => m.name)).toEqual(['IT Assets']);
    const collections = await api.listCollections({ accountId: accounts[0]!.id, moduleId: modules[0]!.id });
    expect(collections.map((c) => c.name).toSorted()).toEqual(['Devices', 'Employees', 'Locations']);
  });

  it("lists a collection's fields with type, required, unique, options and references", async () => {
    const { column, ...collection } = devices();
    const fields = await client().listFields(collection);
    const byName = new Map(fields.map((field) => [field.name, field]));
    expect(byName.get('Name')).toMatchObject({ id: column('Name'), type: 'text', required: true, unique: false });
    expect(byName.get('Serial Number')).toMatchObject({ type: 'text', required: false, unique: true });
    expect(byName.get('Compliance')).toMatchObject({ type: 'status', options: expect.arrayContaining(['Compliant', 'Noncompliant']) });
    expect(byName.get('Last Sync')?.type).toBe('date');
    const locations = collectionNamed(sandbox.world.assetPanda, 'Locations');
    expect(byName.get('Location')?.reference).toMatchObject({ collectionId: locations.id, primary: true });
    expect(byName.get('Location-city')?.reference).toMatchObject({ collectionId: locations.id, primary: false });
  });
});

describe('Asset Panda client: records', () => {
  it('searches by field value, page by page', async () => {
    const { column, ...collection } = devices();
    const wanted = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((n) => seedDevice(`PC-${n}`, `SER-${n}`).id);
    seedDevice('MAC-1', 'SER-M', 'MacBook Pro');
    const match = { fieldId: column('Model'), value: 'Surface Laptop 5' };

    const first = await client().searchRecords(collection, match, { size: 3 });
    expect(first.total).toBe(7);
    expect(first.records.map((r) => r.id)).toEqual(wanted.slice(0, 3));
    expect(first.next).toBe(3);
    const last = await client().searchRecords(collection, match, { from: 6, size: 3 });
    expect(last.records.map((r) => r.id)).toEqual(wanted.slice(6));
    expect(last.next).toBeUndefined();

    const all = [];
    for await (const record of client().searchAllRecords(collection, match)) all.push(record.id);
    expect(all).toEqual(wanted);
    const none = await client().searchRecords(collection, { fieldId: column('Model'), value: 'ThinkPad' });
    expect(none).toEqual({ records: [], total: 0 });
  });

  it('gets one record with its values keyed by field id', async () => {
    const { column, ...collection } = devices();
    const seeded = seedDevice('PC-1', 'SER-1');
    const record = await client().getRecord(collection, seeded.id);
    expect(record.id).toBe(seeded.id);
    expect(record.values[column('Serial Number')]).toBe('SER-1');
    expect(record.values[column('Notes')]).toBeNull();
    expect(Object.keys(record.values)).not.toContain('createdAt');
  });

  it('creates, updates and deletes one record', async () => {
    const { column, ...collection } = devices();
    const api = client();
    const created = await api.createRecord(collection, { [column('Name')]: 'PC-NEW', [column('Serial Number')]: 'SER-NEW', [column('Encrypted')]: true });
    expect(created.values[column('Encrypted')]).toBe(true);

    const updated = await api.updateRecord(collection, { recordId: created.id, values: { [column('Notes')]: 'Checked by Intune Companion' } });
    expect(updated.values).toMatchObject({ [column('Name')]: 'PC-NEW', [column('Notes')]: 'Checked by Intune Companion' });

    await api.deleteRecord(collection, created.id);
    expect(storedDevices()).toEqual([]);
  });

  it('writes in bulk within the Pro cap of 5 records per update or delete request', async () => {
    const { column, ...collection } = devices();
    const api = client();
    const created = await api.createRecords(
      collection,
      Array.from({ length: 12 }, (_, i) => ({ [column('Name')]: `PC-${i}`, [column('Serial Number')]: `SER-${i}` })),
    );
    expect(created.map((r) => r.values[column('Name')])).toEqual(Array.from({ length: 12 }, (_, i) => `PC-${i}`));

    const updated = await api.updateRecords(
      collection,
      created.map((record) => ({ recordId: record.id, values: { [column('Notes')]: 'bulk' } })),
    );
    expect(updated.every((record) => record.values[column('Notes')] === 'bulk')).toBe(true);
    await api.deleteRecords(collection, created.slice(0, 7).map((record) => record.id));

    expect(recordsPerRequest('PUT')).toEqual([5, 5, 2]);
    expect(recordsPerRequest('DELETE')).toEqual([5, 2]);
    expect(recordsPerRequest('POST').every((count) => count <= 5)).toBe(true);
    expect(storedDevices().map((record) => record.id)).toEqual(created.slice(7).map((record) => record.id));
  });
});

describe('Asset Panda client: failures', () => {
  it('names the field and the value of a unique violation', async () => {
    const { column, ...collection } = devices();
    seedDevice('PC-1', 'C02XK1JHJG5H');
    const attempt = client().createRecord(collection, { [column('Name')]: 'PC-2', [column('Serial Number')]: 'C02XK1JHJG5H' });
    await expect(attempt).rejects.toBeInstanceOf(NotUniqueError);
    await expect(attempt).rejects.toThrow(/Serial Number "C02XK1JHJG5H" is already used by another record/);
    expect(storedDevices()).toHaveLength(1);
  });

  it('says how far a bulk update got when a later batch breaks uniqueness', async () => {
    const { column, ...collection } = devices();
    const records = Array.from({ length: 7 }, (_, i) => seedDevice(`PC-${i}`, `SER-${i}`));
    // The last one takes the serial the first batch gave another record.
    const updates = records.map((record, i) => ({ recordId: record.id, values: { [column('Serial Number')]: i === 6 ? 'NEW-1' : `NEW-${i}` } }));
    const error = await client()
      .updateRecords(collection, updates)
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(PartialWriteError);
    const partial = error as PartialWriteError<unknown>;
    expect(partial.completed).toHaveLength(5);
    expect(partial.message).toMatch(/^5 of 7 records were updated before Asset Panda stopped: Serial Number "NEW-1" is already used/);
    expect(partial.cause).toBeInstanceOf(NotUniqueError);
    expect((partial.cause as NotUniqueError).violations[0]).toMatchObject({ fieldName: 'Serial Number', value: 'NEW-1', recordIndex: 6 });
  });

  it('tells wrong keys apart from a key without write permission', async () => {
    const { column, ...collection } = devices();
    const wrong = client({ key: { keyId: SANDBOX_API_KEYS.readWrite.keyId, secret: 'aps_not-the-secret' } });
    await expect(wrong.listAccounts()).rejects.toMatchObject({ kind: 'unauthorized', message: expect.stringContaining('Settings → API Configuration') });

    const readOnly = client({ key: SANDBOX_API_KEYS.readOnly });
    expect(await readOnly.listAccounts()).toHaveLength(1);
    expect(await readOnly.canWriteRecords(collection)).toBe(false);
    expect(await client().canWriteRecords(collection)).toBe(true);
    await expect(readOnly.createRecord(collection, { [column('Name')]: 'PC-1' })).rejects.toMatchObject({
      kind: 'forbidden',
      message: expect.stringContaining('give the key write permission'),
    });
    expect(storedDevices()).toEqual([]);
  });

  it('says what it could not find', async () => {
    const collection = devices();
    const missing = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
    await expect(client().getRecord(collection, missing)).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining(`record ${missing}`) });
    await expect(client().listFields({ ...collection, collectionId: missing })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(client().listModules(missing)).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining(`account ${missing}`) });
  });

  it('waits as long as a 429 asks, then retries reads and writes', async () => {
    const { column, ...collection } = devices();
    sandbox.world.assetPanda.rateLimit = { limit: 1, windowMs: 30_000 };
    const api = client();
    await api.listAccounts();
    expect(await api.listAccounts()).toHaveLength(1);
    await api.createRecord(collection, { [column('Name')]: 'PC-1' });
    expect(sleeps).toEqual([30_000, 30_000]);
    expect(storedDevices()).toHaveLength(1);
    expect(sandbox.requests.filter((r) => r.status === 429)).toHaveLength(2);
  });

  it('retries a read after a server error but never repeats a write that may have happened', async () => {
    const { column, ...collection } = devices();
    sandbox.fault({ host: 'api.assetpanda.app', path: '/accounts', response: { status: 503 } });
    expect(await client().listAccounts()).toHaveLength(1);
    expect(sleeps).toHaveLength(1);

    sandbox.fault({ host: 'api.assetpanda.app', method: 'POST', path: '/collection-records', response: { status: 503 } });
    await expect(client().createRecord(collection, { [column('Name')]: 'PC-1' })).rejects.toMatchObject({ kind: 'server' });
    expect(recordsPerRequest('POST')).toEqual([1]);
  });

  it('hands back a long Retry-After instead of sleeping through it', async () => {
    sandbox.fault({ host: 'api.assetpanda.app', path: '/accounts', response: { status: 429, headers: { 'retry-after': '600' }, body: '{"message":"Too many requests."}' } });
    await expect(client().listAccounts()).rejects.toMatchObject({ kind: 'rate-limited', message: expect.stringContaining('Wait 600 seconds') });
    expect(sleeps).toEqual([]);
  });

  it('says when Asset Panda cannot be reached', async () => {
    await expect(client({ fetch: sandboxFetch(1) }).listAccounts()).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/^Could not reach Asset Panda at https:\/\/api\.assetpanda\.app .*Check the API base URL/),
    });
    expect(sleeps).toHaveLength(3);
  });

  it('gives up on an answer that does not come, like on a lost connection', async () => {
    sandbox.fault({ host: 'api.assetpanda.app', path: '/accounts', delayMs: 3_000, times: 4 });
    await expect(client({ timeoutMs: 100 }).listAccounts()).rejects.toMatchObject({ kind: 'network', message: expect.stringContaining('Could not reach Asset Panda') });
    expect(sleeps).toHaveLength(3);
  });

  it('names the assumption an unexpected answer breaks, and logs only its shape', async () => {
    sandbox.fault({
      host: 'api.assetpanda.app',
      path: '/accounts',
      response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"accounts":[{"id":"A1","name":"Secret Corp"}]}' },
    });
    const error = await client()
      .listAccounts()
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AssetPandaError);
    expect((error as AssetPandaError).kind).toBe('unexpected-answer');
    expect((error as Error).message).toContain('GET /accounts answers { data: [ { id, name } ] }');
    expect((error as Error).message).toContain('Export diagnostics');
    expect(log.entries()).toEqual([
      expect.objectContaining({ operation: 'GET /accounts', expectation: 'account-list', matched: false, shape: { accounts: [{ id: 'string', name: 'string' }] } }),
    ]);
    expect(JSON.stringify(log.entries())).not.toContain('Secret Corp');
  });

  it('says so when an answer is not JSON', async () => {
    sandbox.fault({ host: 'api.assetpanda.app', path: '/accounts', malformed: true });
    await expect(client().listAccounts()).rejects.toMatchObject({ kind: 'unexpected-answer', message: expect.stringContaining('was not JSON') });
  });
});
