import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEYS } from '../../tests/sandbox/assetpanda-api/unpublished-shapes';
import { sandboxFetch } from '../../tests/sandbox/fetch';
import { useSandbox } from '../../tests/support/use-sandbox';
import { openDatabase, type Database } from '../db/open';
import { createSecretVault, type UnlockCache } from '../secrets/vault';
import { createAssetPandaConnection, type AssetPandaConnection, type ConnectionInput } from './connection';

const sandbox = useSandbox();
let database: Promise<Database>;
/** This browser session's session storage, as the vault sees it. */
let session: UnlockCache;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  database = openDatabase();
  session = memorySession();
});

function memorySession(): UnlockCache {
  let kept: Uint8Array<ArrayBuffer> | undefined;
  return {
    load: async () => kept,
    save: async (key) => {
      kept = key;
    },
    clear: async () => {
      kept = undefined;
    },
  };
}

function connection(fetch = sandbox.fetch): AssetPandaConnection {
  return createAssetPandaConnection({ database, vault: createSecretVault(database, session), fetch, sleep: async () => undefined });
}

const readWrite: ConnectionInput = {
  baseUrl: 'https://api.assetpanda.app',
  accessKeyId: SANDBOX_API_KEYS.readWrite.keyId,
  accessKeySecret: SANDBOX_API_KEYS.readWrite.secret,
};

function tenant() {
  const [account] = sandbox.world.assetPanda.accounts;
  const [module] = sandbox.world.assetPanda.modules;
  return { account: account!, module: module! };
}

/** Everything the extension stored, as text: secrets must not appear in it. */
async function storedText(): Promise<string> {
  const db = await database;
  const values = await db.getAll('settings');
  return JSON.stringify(values, (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : value));
}

async function expectNothingSaved(api: AssetPandaConnection) {
  expect(await api.status()).toEqual({ state: 'not-connected' });
  expect(await storedText()).not.toContain('assetpanda.connection');
  expect(await (await database).get('settings', 'assetpanda.connection')).toBeUndefined();
}

describe('Asset Panda connection', () => {
  it('loads accounts and modules, then tests and saves with the secret sealed', async () => {
    const api = connection();
    const { account, module } = tenant();
    expect(await api.accounts(readWrite)).toEqual([{ id: account.id, name: 'Contoso IT' }]);
    expect(await api.modules(readWrite, account.id)).toEqual([{ id: module.id, name: 'IT Assets' }]);

    const status = await api.testAndSave(readWrite, account.id, module.id);
    expect(status).toMatchObject({
      state: 'connected',
      baseUrl: 'https://api.assetpanda.app',
      accessKeyId: readWrite.accessKeyId,
      account: { name: 'Contoso IT' },
      module: { name: 'IT Assets' },
    });
    expect(JSON.stringify(status)).not.toContain(readWrite.accessKeySecret);
    expect(await storedText()).not.toContain(readWrite.accessKeySecret);

    // A later background (new vault, same database) reads the collections and their fields.
    const later = connection();
    expect(await later.status()).toEqual(status);
    const collections = await later.collections();
    expect(collections.map((c) => c.name).toSorted()).toEqual(['Devices', 'Employees', 'Locations']);
    const devices = collections.find((c) => c.name === 'Devices')!;
    expect((await later.fields(devices.id)).map((f) => f.name)).toContain('Serial Number');
  });

  it('keeps the saved secret when the page leaves it blank for the same key', async () => {
    const { account, module } = tenant();
    await connection().testAndSave(readWrite, account.id, module.id);
    const blank = { ...readWrite, accessKeySecret: '' };
    expect(await connection().accounts(blank)).toHaveLength(1);
    await expect(connection().accounts({ ...blank, accessKeyId: SANDBOX_API_KEYS.readOnly.keyId })).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('Enter the Access Key Secret'),
    });
  });

  it('refuses wrong keys and saves nothing', async () => {
    const api = connection();
    const { account, module } = tenant();
    const wrong = { ...readWrite, accessKeySecret: 'aps_wrong' };
    await expect(api.accounts(wrong)).rejects.toMatchObject({ kind: 'unauthorized' });
    await expect(api.testAndSave(wrong, account.id, module.id)).rejects.toThrow(
      'Asset Panda did not accept the Access Key ID and Access Key Secret. Check both in Asset Panda under Settings → API Configuration',
    );
    await expectNothingSaved(api);
  });

  it('refuses a key without write permission and saves nothing', async () => {
    const api = connection();
    const { account, module } = tenant();
    const readOnly = { ...readWrite, accessKeyId: SANDBOX_API_KEYS.readOnly.keyId, accessKeySecret: SANDBOX_API_KEYS.readOnly.secret };
    expect(await api.accounts(readOnly)).toHaveLength(1);
    await expect(api.testAndSave(readOnly, account.id, module.id)).rejects.toMatchObject({
      kind: 'forbidden',
      message: expect.stringContaining('This API key can read but not change records'),
    });
    const writes = sandbox.requests.filter((r) => r.method !== 'GET' && r.path === '/collection-records');
    expect(writes.map((r) => r.status)).toEqual([403]);
    await expectNothingSaved(api);
  });

  it('refuses an unknown account or module and saves nothing', async () => {
    const api = connection();
    const { account, module } = tenant();
    const unknown = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
    await expect(api.testAndSave(readWrite, unknown, module.id)).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining(`does not reach an account with the id ${unknown}`),
    });
    await expect(api.testAndSave(readWrite, account.id, unknown)).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining(`"Contoso IT" has no module with the id ${unknown}`),
    });
    await expectNothingSaved(api);
  });

  it('reports a network failure and saves nothing', async () => {
    const api = connection(sandboxFetch(1));
    const { account, module } = tenant();
    await expect(api.testAndSave(readWrite, account.id, module.id)).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringContaining('Could not reach Asset Panda at https://api.assetpanda.app'),
    });
    await expectNothingSaved(api);
  });

  it('sends the key pair to Asset Panda Pro\'s API address only', async () => {
    const api = connection();
    const elsewhere = [
      'http://api.assetpanda.app',
      'https://api.assetpanda.app.example.com',
      'https://contoso.assetpanda.app',
      'https://assetpanda.app',
      'https://api.assetpanda.app/collections/01HWQ7CW7T626WY2A3KV603ZNF',
      'https://api.assetpanda.app:8443',
      'https://someone@api.assetpanda.app',
      'not a url',
    ];
    for (const baseUrl of elsewhere) {
      await expect(api.accounts({ ...readWrite, baseUrl })).rejects.toMatchObject({
        kind: 'invalid-input',
        message: 'The API base URL must be https://api.assetpanda.app, Asset Panda Pro\'s API: the extension sends your API key to no other address.',
      });
    }
    expect(sandbox.requests).toEqual([]);
    expect(await api.accounts({ ...readWrite, baseUrl: ' https://api.assetpanda.app/ ' })).toHaveLength(1);
  });

  it('fails closed on a saved connection to another address, asks to reconnect, and keeps it', async () => {
    const { account, module } = tenant();
    await connection().testAndSave(readWrite, account.id, module.id);
    const db = await database;
    const saved = (await db.get('settings', 'assetpanda.connection')) as { schemaVersion: number; data: { baseUrl: string } };
    await db.put('settings', { ...saved, data: { ...saved.data, baseUrl: 'https://contoso.assetpanda.app' } }, 'assetpanda.connection');
    sandbox.requests.length = 0;

    await expect(connection().collections()).rejects.toMatchObject({
      kind: 'not-connected',
      message: expect.stringMatching(/points at https:\/\/contoso\.assetpanda\.app, which is not Asset Panda's API .* Reconnect/),
    });
    await expect(connection().accounts({ ...readWrite, accessKeySecret: '' })).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(sandbox.requests).toEqual([]);
    expect(await connection().status()).toMatchObject({ state: 'connected', baseUrl: 'https://contoso.assetpanda.app' });
  });

  it('reports a saved connection that no longer reads, keeps it, and lets Test and Save replace it', async () => {
    const { account, module } = tenant();
    await connection().testAndSave(readWrite, account.id, module.id);
    const db = await database;
    await db.put('settings', { schemaVersion: 1, data: { baseUrl: 'https://api.assetpanda.app' } }, 'assetpanda.connection');

    expect(await connection().status()).toMatchObject({ state: 'not-connected', unreadable: expect.stringContaining('The stored Asset Panda connection does not read') });
    await expect(connection().collections()).rejects.toThrow(/Test and Save Connection \(or Disconnect\): that replaces it/);
    expect(await db.get('settings', 'assetpanda.connection')).toEqual({ schemaVersion: 1, data: { baseUrl: 'https://api.assetpanda.app' } });

    await connection().testAndSave(readWrite, account.id, module.id);
    expect(await connection().status()).toMatchObject({ state: 'connected' });
  });

  it('forgets the connection on disconnect', async () => {
    const api = connection();
    const { account, module } = tenant();
    await api.testAndSave(readWrite, account.id, module.id);
    await api.disconnect();
    await expectNothingSaved(api);
    await expect(api.collections()).rejects.toMatchObject({ kind: 'not-connected' });
  });

  it('opens the saved connection for a sync with its requests through the wrapper given (the sync\'s Retry-After gate)', async () => {
    const { account, module } = tenant();
    await connection().testAndSave(readWrite, account.id, module.id);
    const seen: string[] = [];
    const { client, tenant: opened } = await connection().open({ wrapFetch: (inner) => (input, init) => (seen.push(String(input)), inner(input, init)) });
    expect(opened).toEqual({ accountId: account.id, moduleId: module.id });
    expect((await client.listCollections(opened)).length).toBeGreaterThan(0);
    expect(seen).toEqual([expect.stringMatching(/^https:\/\/api\.assetpanda\.app\/collections/)]);
  });

  it('asks for the secret again when the vault key is gone', async () => {
    const { account, module } = tenant();
    await connection().testAndSave(readWrite, account.id, module.id);
    await (await database).clear('cryptoKeys');
    await expect(connection().collections()).rejects.toMatchObject({
      kind: 'not-connected',
      message: expect.stringContaining('Enter the Access Key Secret again'),
    });
  });

  it('waits for the passphrase in a new browser session: every call says to unlock, none reaches Asset Panda, nothing is lost', async () => {
    const { account, module } = tenant();
    await connection().testAndSave(readWrite, account.id, module.id);
    expect(await connection().setPassphrase('', 'a long enough passphrase')).toBe('unlocked');
    expect((await connection().collections()).length).toBeGreaterThan(0);

    session = memorySession();
    sandbox.requests.length = 0;
    const locked = connection();
    expect(await locked.lockState()).toBe('locked');
    const unlockMessage = 'Asset Panda is locked. Unlock with your passphrase on the options page';
    await expect(locked.collections()).rejects.toMatchObject({ kind: 'locked', message: expect.stringContaining(unlockMessage) });
    await expect(locked.accounts({ ...readWrite, accessKeySecret: '' })).rejects.toMatchObject({ kind: 'locked' });
    await expect(locked.testAndSave(readWrite, account.id, module.id)).rejects.toMatchObject({ kind: 'locked' });
    expect(sandbox.requests).toEqual([]);
    expect(await locked.status()).toMatchObject({ state: 'connected', account: { name: 'Contoso IT' } });

    await expect(locked.unlock('not the passphrase')).rejects.toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('not the passphrase set') });
    expect(await locked.unlock('a long enough passphrase')).toBe('unlocked');
    expect((await connection().collections()).length).toBeGreaterThan(0);
  });

  it('keeps a key record it cannot read, says what to do, and connects afresh only once the admin forgets it', async () => {
    const { account, module } = tenant();
    await connection().testAndSave(readWrite, account.id, module.id);
    const db = await database;
    const [key] = await db.getAllKeys('cryptoKeys');
    const unreadable = { schemaVersion: 99, data: {} };
    await db.put('cryptoKeys', unreadable, key!);
    sandbox.requests.length = 0;

    const api = connection();
    expect(await api.lockState()).toBe('unreadable');
    const advice = expect.stringContaining('"Forget the saved key"');
    await expect(api.collections()).rejects.toMatchObject({ kind: 'not-connected', message: advice });
    await expect(api.testAndSave(readWrite, account.id, module.id)).rejects.toMatchObject({ kind: 'not-connected', message: advice });
    await expect(api.setPassphrase('', 'a long enough passphrase')).rejects.toMatchObject({ kind: 'not-connected' });
    expect(sandbox.requests).toEqual([]);
    expect(await db.getAll('cryptoKeys')).toEqual([unreadable]);
    expect(await api.status()).toMatchObject({ state: 'connected' });

    await api.forgetLockedKey();
    expect(await connection().testAndSave(readWrite, account.id, module.id)).toMatchObject({ state: 'connected' });
  });

  it('forgets the saved key and the passphrase when the passphrase is lost, and connects afresh', async () => {
    const { account, module } = tenant();
    await connection().testAndSave(readWrite, account.id, module.id);
    await connection().setPassphrase('', 'a long enough passphrase');
    session = memorySession();

    await connection().forgetLockedKey();
    expect(await connection().lockState()).toBe('off');
    await expectNothingSaved(connection());
    expect(await connection().testAndSave(readWrite, account.id, module.id)).toMatchObject({ state: 'connected' });
  });

  it('exports the shapes seen, without values or keys, across service-worker restarts', async () => {
    const { account, module } = tenant();
    await connection().testAndSave(readWrite, account.id, module.id);
    const later = connection();
    const devices = (await later.collections()).find((c) => c.name === 'Devices')!;
    await later.fields(devices.id);

    const report = await connection().diagnostics('1.2.3');
    expect(report.extensionVersion).toBe('1.2.3');
    expect(report.expectations.map((e) => e.id)).toEqual(
      expect.arrayContaining(['column-listing', 'column-listing-in-data', 'record-read', 'search-result', 'search-records', 'write-result', 'write-record-results', 'error-body']),
    );
    const operations = report.observations.map((o) => `${o.operation} ${o.status} ${o.expectation} ${o.matched}`);
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /accounts 200 account-list true',
        'PUT /collection-records 400 error-body true',
        'GET /collection-columns 200 column-listing true',
        'GET /collection-columns 200 column-flags true',
      ]),
    );
    const text = JSON.stringify(report);
    for (const secretOrValue of [readWrite.accessKeySecret, readWrite.accessKeyId, account.id, 'Contoso IT', 'Serial Number']) {
      expect(text).not.toContain(secretOrValue);
    }
  });
});
