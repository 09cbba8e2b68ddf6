import { beforeEach, describe, expect, it } from 'vitest';
import { deleteColumn } from '../../tests/sandbox/assetpanda-api/columns';
import { seedRecord } from '../../tests/sandbox/assetpanda-api/records';
import { devicesTarget } from '../../tests/sandbox/assetpanda-api/test-client';
import { collectionNamed, deactivateCollection, deleteCollection } from '../../tests/sandbox/assetpanda-api/tenant';
import { SANDBOX_API_KEYS } from '../../tests/sandbox/assetpanda-api/unpublished-shapes';
import { sandboxFetch } from '../../tests/sandbox/fetch';
import { useSandbox } from '../../tests/support/use-sandbox';
import { createAssetPandaClient, type AssetPandaClient } from './client';
import { createShapeLog, type ShapeLog } from './diagnostics';
import { AssetPandaError, NotUniqueError, PartialWriteError, UnconfirmedWriteError } from './errors';
import type { CollectionRef, RecordOutcome } from './types';

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

/** The next matching request gets this JSON answer instead of the sandbox's own. */
function answerWith(method: string, path: string, body: string, status = 200) {
  sandbox.fault({ host: 'api.assetpanda.app', method, path, response: { status, headers: { 'content-type': 'application/json' }, body } });
}

/** A fetch whose requests reach Asset Panda but whose answers are lost on the way back. */
const losingAnswers: typeof fetch = async (input, init) => {
  await sandbox.fetch(input, init);
  throw new TypeError('fetch failed');
};

const STYLES = ['assumed', 'observed'] as const;

describe.each(STYLES)('Asset Panda client, the API answering in the %s shapes', (style) => {
  beforeEach(() => {
    sandbox.world.assetPanda.answerStyle = style;
  });

  it('lists the accounts, modules and collections the key reaches, leaving out inactive and deleted collections', async () => {
    const api = client();
    const accounts = await api.listAccounts();
    expect(accounts.map((a) => a.name)).toEqual(['Contoso IT']);
    const modules = await api.listModules(accounts[0]!.id);
    expect(modules.map((m) => m.name)).toEqual(['IT Assets']);
    const tenant = { accountId: accounts[0]!.id, moduleId: modules[0]!.id };
    const collections = await api.listCollections(tenant);
    expect(collections.map((c) => c.name).toSorted()).toEqual(['Devices', 'Employees', 'Locations']);

    const state = sandbox.world.assetPanda;
    deactivateCollection(collectionNamed(state, 'Employees'));
    deleteCollection(state, collectionNamed(state, 'Locations'));
    expect((await api.listCollections(tenant)).map((c) => c.name)).toEqual(['Devices']);
  });

  it("lists a collection's fields with type, required, unique, options and references, leaving out deleted ones", async () => {
    const { column, ...collection } = devices();
    deleteColumn(collectionNamed(sandbox.world.assetPanda, 'Devices'), column('Notes'));
    const fields = await client().listFields(collection);
    const byName = new Map(fields.map((field) => [field.name, field]));
    expect(byName.get('Name')).toMatchObject({ id: column('Name'), type: 'text', required: true, unique: false });
    expect(byName.get('Serial Number')).toMatchObject({ type: 'text', required: false, unique: true });
    expect(byName.get('Compliance')).toMatchObject({ type: 'status', options: expect.arrayContaining(['Compliant', 'Noncompliant']) });
    expect(byName.get('Last Sync')?.type).toBe('date');
    const locations = collectionNamed(sandbox.world.assetPanda, 'Locations');
    expect(byName.get('Location')?.reference).toMatchObject({ collectionId: locations.id, primary: true });
    expect(byName.get('Location-city')?.reference).toMatchObject({ collectionId: locations.id, primary: false });
    expect(byName.has('Notes')).toBe(false);
    expect(fields).toHaveLength(21);
    const inData = style === 'observed' ? '-in-data' : '';
    expect(log.entries().map((entry) => [entry.expectation, entry.matched])).toEqual([
      [`column-listing${inData}`, true],
      [`column-flags${inData}`, true],
    ]);
  });

  it('searches by field value, page by page', async () => {
    const { column, ...collection } = devices();
    const wanted = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((n) => seedDevice(`PC-${n}`, `SER-${n}`).id);
    seedDevice('MAC-1', 'SER-M', 'MacBook Pro');
    const match = { fieldId: column('Model'), value: 'Surface Laptop 5' };
    const total = style === 'assumed' ? { total: 7 } : {};

    const first = await client().searchRecords(collection, match, { size: 3 });
    expect(first).toEqual({ records: expect.any(Array), next: 3, ...total });
    expect(first.records.map((r) => r.id)).toEqual(wanted.slice(0, 3));
    const last = await client().searchRecords(collection, match, { from: 6, size: 3 });
    // Without a total a short page may only be the API's cap on `size`: only an empty page ends the listing.
    expect(last).toEqual({ records: [expect.objectContaining({ id: wanted[6] })], ...total, ...(style === 'assumed' ? {} : { next: 7 }) });

    const all = [];
    for await (const record of client().searchAllRecords(collection, match)) all.push(record.id);
    expect(all).toEqual(wanted);
    const none = await client().searchRecords(collection, { fieldId: column('Model'), value: 'ThinkPad' });
    expect(none).toEqual({ records: [], ...(style === 'assumed' ? { total: 0 } : {}) });
  });

  it('searches every page to the end, with or without a total', async () => {
    const { column, ...collection } = devices();
    const wanted = Array.from({ length: 200 }, (_, i) => seedDevice(`PC-${i}`, `SER-${i}`).id);
    const all = [];
    for await (const record of client().searchAllRecords(collection, { fieldId: column('Model'), value: 'Surface Laptop 5' })) all.push(record.id);
    expect(all).toEqual(wanted);
    // Without a total, a full last page cannot be told from a middle one: one more request finds nothing.
    const searches = sandbox.requests.filter((request) => request.path === '/collection-records/search');
    expect(searches).toHaveLength(style === 'assumed' ? 2 : 3);
  });

  it('reads every record when Asset Panda answers fewer records per page than asked, without saying so', async () => {
    const { column, ...collection } = devices();
    const wanted = Array.from({ length: 60 }, (_, i) => seedDevice(`PC-${i}`, `SER-${i}`).id);
    sandbox.world.assetPanda.searchLimits.pageCap = 25;
    const all = [];
    for await (const record of client().searchAllRecords(collection, { fieldId: column('Model'), value: 'Surface Laptop 5' })) all.push(record.id);
    expect(all).toEqual(wanted);
  });

  it('stops with an unexpected answer when a page repeats records, as when Asset Panda ignores `from`', async () => {
    const { column, ...collection } = devices();
    for (let i = 0; i < 150; i++) seedDevice(`PC-${i}`, `SER-${i}`);
    sandbox.world.assetPanda.searchLimits.ignoresFrom = true;
    const all = [];
    const reading = (async () => {
      for await (const record of client().searchAllRecords(collection, { fieldId: column('Model'), value: 'Surface Laptop 5' })) all.push(record.id);
    })();
    await expect(reading).rejects.toMatchObject({ kind: 'unexpected-answer', message: expect.stringContaining('again on the page from 100') });
    expect(sandbox.requests.filter((request) => request.path === '/collection-records/search')).toHaveLength(2);
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

  it('creates, finds, updates and deletes one record', async () => {
    const { column, ...collection } = devices();
    const api = client();
    const created = await api.createRecord(collection, { [column('Name')]: 'PC-NEW', [column('Serial Number')]: 'SER-NEW', [column('Encrypted')]: true });
    const [found] = (await api.searchRecords(collection, { fieldId: column('Serial Number'), value: 'SER-NEW' })).records;
    expect(found?.values[column('Encrypted')]).toBe(true);
    const recordId = found?.id ?? '';
    // Only the assumed shape answers with the record; the observed one only says it was written.
    expect(created).toEqual(style === 'assumed' ? { ok: true, recordId, record: found } : { ok: true });

    const updated = await api.updateRecord(collection, { recordId, values: { [column('Notes')]: 'Checked by Intune Companion' } });
    expect(updated.recordId).toBe(recordId);
    expect((await api.getRecord(collection, recordId)).values).toMatchObject({ [column('Name')]: 'PC-NEW', [column('Notes')]: 'Checked by Intune Companion' });

    await api.deleteRecord(collection, recordId);
    expect(storedDevices()).toEqual([]);
  });

  it('writes in bulk within the Pro cap of 5 records per update or delete request', async () => {
    const { column, ...collection } = devices();
    const api = client();
    const created = await api.createRecords(
      collection,
      Array.from({ length: 12 }, (_, i) => ({ [column('Name')]: `PC-${i}`, [column('Serial Number')]: `SER-${i}` })),
    );
    expect(created).toHaveLength(12);
    expect(created.every((outcome) => outcome.ok)).toBe(true);
    const stored = storedDevices();
    expect(stored.map((r) => r.values[column('Name')])).toEqual(Array.from({ length: 12 }, (_, i) => `PC-${i}`));

    const updated = await api.updateRecords(
      collection,
      stored.map((record) => ({ recordId: record.id, values: { [column('Notes')]: 'bulk' } })),
    );
    expect(updated).toEqual(stored.map((record) => expect.objectContaining({ ok: true, recordId: record.id })));
    expect(storedDevices().every((record) => record.values[column('Notes')] === 'bulk')).toBe(true);
    await api.deleteRecords(collection, stored.slice(0, 7).map((record) => record.id));

    expect(recordsPerRequest('PUT')).toEqual([5, 5, 2]);
    expect(recordsPerRequest('DELETE')).toEqual([5, 2]);
    expect(recordsPerRequest('POST').every((count) => count <= 5)).toBe(true);
    expect(storedDevices().map((record) => record.id)).toEqual(stored.slice(7).map((record) => record.id));
  });

  it('names the field and the value of a unique violation', async () => {
    const { column, ...collection } = devices();
    seedDevice('PC-1', 'C02XK1JHJG5H');
    const attempt = client().createRecord(collection, { [column('Name')]: 'PC-2', [column('Serial Number')]: 'C02XK1JHJG5H' });
    await expect(attempt).rejects.toBeInstanceOf(NotUniqueError);
    await expect(attempt).rejects.toThrow(/Serial Number "C02XK1JHJG5H" is already used by another record/);
    expect(storedDevices()).toHaveLength(1);
  });
});

/** A batch of 5 whose second record takes a taken serial and whose fourth names no Ownership option. */
function batchWithTwoBadRecords(column: (name: string) => string) {
  seedDevice('PC-0', 'TAKEN');
  return [
    { [column('Name')]: 'PC-1', [column('Serial Number')]: 'S-1' },
    { [column('Name')]: 'PC-2', [column('Serial Number')]: 'TAKEN' },
    { [column('Name')]: 'PC-3', [column('Serial Number')]: 'S-3' },
    { [column('Name')]: 'PC-4', [column('Ownership')]: 'Borrowed' },
    { [column('Name')]: 'PC-5', [column('Serial Number')]: 'S-5' },
  ];
}

const takenSerial = (column: (name: string) => string) => ({
  ok: false,
  retryable: false,
  reason: expect.stringMatching(/^Serial Number "TAKEN" is already used by another record/),
  errors: [expect.objectContaining({ fieldId: column('Serial Number'), fieldName: 'Serial Number', value: 'TAKEN', notUnique: true })],
});
const borrowed = (column: (name: string) => string) => ({
  ok: false,
  retryable: false,
  reason: expect.stringMatching(/^Asset Panda refused this record: Ownership \(list\) expects one of/),
  errors: [expect.objectContaining({ fieldId: column('Ownership'), fieldName: 'Ownership', value: 'Borrowed', notUnique: false })],
});

describe('Asset Panda client: one outcome per record', () => {
  it('reads the failures a 2xx answer holds, writing the other records (observed shape)', async () => {
    sandbox.world.assetPanda.answerStyle = 'observed';
    const { column, ...collection } = devices();
    const outcomes = await client().createRecords(collection, batchWithTwoBadRecords(column));
    expect(sandbox.requests.filter((r) => r.path === '/collection-records').map((r) => r.status)).toEqual([201]);
    expect(outcomes).toEqual([{ ok: true }, takenSerial(column), { ok: true }, borrowed(column), { ok: true }]);
    expect(storedDevices().map((r) => r.values[column('Name')])).toEqual(['PC-0', 'PC-1', 'PC-3', 'PC-5']);
  });

  it('fails the records an all-or-nothing refusal names, the others safe to send again (assumed shape)', async () => {
    const { column, ...collection } = devices();
    const batch = batchWithTwoBadRecords(column);
    const outcomes = await client().createRecords(collection, batch);
    const heldBack = { ok: false, retryable: true, errors: [], reason: expect.stringContaining('can be sent again') };
    expect(outcomes).toEqual([heldBack, takenSerial(column), heldBack, borrowed(column), heldBack]);
    expect(storedDevices()).toHaveLength(1);

    const again = batch.filter((_, i) => outcomes[i]?.ok === false && outcomes[i].retryable);
    const retried = await client().createRecords(collection, again);
    expect(retried).toEqual(storedDevices().slice(1).map((record) => expect.objectContaining({ ok: true, recordId: record.id })));
    expect(storedDevices().map((r) => r.values[column('Name')])).toEqual(['PC-0', 'PC-1', 'PC-3', 'PC-5']);
  });

  it.each(STYLES)('fails an update of a record that is gone, answered in the %s shape', async (style) => {
    sandbox.world.assetPanda.answerStyle = style;
    const { column, ...collection } = devices();
    const records = ['PC-1', 'PC-2', 'PC-3'].map((name, i) => seedDevice(name, `S-${i}`));
    const gone = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
    const updates = [records[0]!.id, gone, records[2]!.id].map((recordId) => ({ recordId, values: { [column('Notes')]: 'seen' } }));
    const outcomes = await client().updateRecords(collection, updates);
    expect(outcomes[1]).toEqual({
      ok: false,
      retryable: false,
      reason: 'Asset Panda refused this record: Record not found.',
      errors: [{ fieldId: 'recordId', value: gone, message: 'Record not found.', notUnique: false }],
    });
    const others = style === 'observed' ? { ok: true } : { ok: false, retryable: true };
    expect(outcomes[0]).toMatchObject(others);
    expect(outcomes[2]).toMatchObject(others);
  });

  it('reads per-record errors given as plain text', async () => {
    const { column, ...collection } = devices();
    answerWith('POST', '/collection-records', '{"data":{"records":[{"success":false,"errors":["Name is required"],"index":0}]}}');
    expect(await client().createRecords(collection, [{ [column('Serial Number')]: 'S-1' }])).toEqual([
      { ok: false, retryable: false, reason: 'Asset Panda refused this record: Name is required.', errors: [{ message: 'Name is required', notUnique: false }] },
    ]);
  });

  it('reads a delete answered one result per record, like the writes a working client saw', async () => {
    const { column: _column, ...collection } = devices();
    const records = ['PC-1', 'PC-2'].map((name, i) => seedDevice(name, `S-${i}`).id);
    answerWith('DELETE', '/collection-records', '{"data":{"records":[{"success":true,"errors":[],"index":0},{"success":false,"errors":["Record is locked by an audit"],"index":1}]}}');
    expect(await client().deleteRecords(collection, records)).toEqual([
      { ok: true, recordId: records[0] },
      { ok: false, retryable: false, reason: 'Asset Panda refused this record: Record is locked by an audit.', errors: [{ message: 'Record is locked by an audit', notUnique: false }] },
    ]);
  });

  it('does not take a delete answer that names other records than those sent', async () => {
    const { column: _column, ...collection } = devices();
    const records = ['PC-1', 'PC-2'].map((name, i) => seedDevice(name, `S-${i}`).id);
    answerWith('DELETE', '/collection-records', JSON.stringify({ data: [{ recordId: records[0] }, { recordId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' }] }));
    const attempt = client().deleteRecords(collection, records);
    await expect(attempt).rejects.toBeInstanceOf(UnconfirmedWriteError);
    await expect(attempt).rejects.toThrow(/cannot tell which were deleted/);
  });

  it.each(STYLES)('counts a record already gone as deleted, sending the others of its request again alone (%s shape)', async (style) => {
    sandbox.world.assetPanda.answerStyle = style;
    const { column: _column, ...collection } = devices();
    const records = ['PC-1', 'PC-2', 'PC-3'].map((name, i) => seedDevice(name, `S-${i}`).id);
    collectionNamed(sandbox.world.assetPanda, 'Devices').records.delete(records[1]!);

    expect(await client().deleteRecords(collection, records)).toEqual(records.map((recordId) => ({ ok: true, recordId })));
    expect(storedDevices()).toEqual([]);
    expect(recordsPerRequest('DELETE')).toEqual([3, 1, 1, 1]);
    await client().deleteRecord(collection, records[0]!);
  });

  it('hands back the outcomes so far when a later request fails as a whole', async () => {
    const { column, ...collection } = devices();
    let posts = 0;
    // The second request reaches Asset Panda, but its answer is lost on the way back.
    const losingSecondAnswer: typeof fetch = async (input, init) => {
      const response = await sandbox.fetch(input, init);
      posts += init?.method === 'POST' ? 1 : 0;
      if (posts === 2) throw new TypeError('fetch failed');
      return response;
    };
    const records = Array.from({ length: 7 }, (_, i) => ({ [column('Name')]: `PC-${i}` }));
    const error = await client({ fetch: losingSecondAnswer })
      .createRecords(collection, records)
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(PartialWriteError);
    const partial = error as PartialWriteError<RecordOutcome>;
    expect(partial.completed).toEqual(storedDevices().slice(0, 5).map((record) => expect.objectContaining({ ok: true, recordId: record.id })));
    expect(partial.message).toMatch(/^5 of 7 records were sent before Asset Panda stopped: Could not reach Asset Panda/);
    expect(partial.cause).toBeInstanceOf(UnconfirmedWriteError);
    expect(storedDevices()).toHaveLength(7);
    expect(recordsPerRequest('POST')).toEqual([5, 2]);
  });
});

describe('Asset Panda client: failures', () => {
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
    const attempt = client().createRecord(collection, { [column('Name')]: 'PC-1' });
    await expect(attempt).rejects.toBeInstanceOf(UnconfirmedWriteError);
    await expect(attempt).rejects.toMatchObject({ kind: 'server', message: expect.stringContaining('HTTP 503') });
    expect(recordsPerRequest('POST')).toEqual([1]);
  });

  it('says a write may have happened when its answer is lost, and does not repeat it', async () => {
    const { column, ...collection } = devices();
    const attempt = client({ fetch: losingAnswers }).createRecords(collection, [{ [column('Name')]: 'PC-1' }]);
    await expect(attempt).rejects.toBeInstanceOf(UnconfirmedWriteError);
    await expect(attempt).rejects.toMatchObject({ kind: 'network', message: expect.stringContaining('Could not reach Asset Panda') });
    expect(recordsPerRequest('POST')).toEqual([1]);
    expect(storedDevices()).toHaveLength(1);
  });

  it('tells a refused write (nothing written) from an unconfirmed one', async () => {
    const { column, ...collection } = devices();
    const readOnly = client({ key: SANDBOX_API_KEYS.readOnly });
    const refused = await readOnly.createRecords(collection, [{ [column('Name')]: 'PC-1' }]).then(() => undefined, (e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'forbidden' });
    expect(refused).not.toBeInstanceOf(UnconfirmedWriteError);
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
    answerWith('GET', '/accounts', '{"accounts":[{"id":"A1","name":"Secret Corp"}]}');
    const error = await client()
      .listAccounts()
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AssetPandaError);
    expect((error as AssetPandaError).kind).toBe('unexpected-answer');
    expect((error as Error).message).toContain('GET /accounts answers { data: [ { id, name or displayName } ] }');
    expect((error as Error).message).toContain('Export diagnostics');
    expect(log.entries()).toEqual([
      expect.objectContaining({ operation: 'GET /accounts', expectation: 'account-list', matched: false, shape: { accounts: [{ id: 'string', name: 'string' }] } }),
    ]);
    expect(JSON.stringify(log.entries())).not.toContain('Secret Corp');
  });

  it('names list items by name or displayName', async () => {
    answerWith('GET', '/accounts', '{"data":[{"id":"A1","displayName":"Contoso IT"},{"id":"A2","name":"Fabrikam","displayName":"Fabrikam Ltd"}]}');
    expect(await client().listAccounts()).toEqual([
      { id: 'A1', name: 'Contoso IT' },
      { id: 'A2', name: 'Fabrikam' },
    ]);
  });

  it('quotes every accepted shape when an answer matches none', async () => {
    const { column, ...collection } = devices();
    answerWith('POST', '/collection-records/search', '{"results":[]}');
    await expect(client().searchRecords(collection, { fieldId: column('Name'), value: 'PC-1' })).rejects.toMatchObject({
      kind: 'unexpected-answer',
      message: expect.stringMatching(/answers \{ data: \[record…\], total \}.* Or: .*answers \{ data: \{ records: \[record…\] \} \}/),
    });
    expect(log.entries().at(-1)).toMatchObject({ expectation: 'search-result | search-records', matched: false });

    answerWith('GET', '/collection-columns', '{"fields":[]}');
    await expect(client().listFields(collection)).rejects.toThrow(/did not match its published format, nor the other format the extension accepts: Fetch Collection Columns answers \{ columns.* Or: .*wrapped in data/);

    answerWith('POST', '/collection-records', '{"data":{"created":1}}');
    const write = client().createRecords(collection, [{ [column('Name')]: 'PC-1' }]);
    await expect(write).rejects.toBeInstanceOf(UnconfirmedWriteError);
    await expect(write).rejects.toThrow(/answer \{ data: \[record…\] \}.* Or: .*\{ data: \{ records: \[ \{ success, errors, index \} \] \} \}/);
  });

  it('cannot pair results with records when their count or index is off, so the write is unconfirmed', async () => {
    const { column, ...collection } = devices();
    const two = [{ [column('Name')]: 'PC-1' }, { [column('Name')]: 'PC-2' }];

    answerWith('POST', '/collection-records', '{"data":{"records":[{"success":true,"errors":[],"index":0}]}}', 201);
    await expect(client().createRecords(collection, two)).rejects.toMatchObject({
      name: 'UnconfirmedWriteError',
      message: expect.stringContaining('answered the create of 2 records with 1 results'),
    });
    answerWith('POST', '/collection-records', '{"data":{"records":[{"success":true,"index":1},{"success":false,"index":0}]}}', 201);
    await expect(client().createRecords(collection, two)).rejects.toMatchObject({
      name: 'UnconfirmedWriteError',
      message: expect.stringContaining("index 1 is not the result's position 0"),
    });
  });

  it('says so when an answer is not JSON', async () => {
    sandbox.fault({ host: 'api.assetpanda.app', path: '/accounts', malformed: true });
    await expect(client().listAccounts()).rejects.toMatchObject({ kind: 'unexpected-answer', message: expect.stringContaining('was not JSON') });
  });
});
