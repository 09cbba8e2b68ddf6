import { describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { assetPandaClient, devicesTarget } from './test-client.ts';
import { SANDBOX_API_KEYS } from './unpublished-shapes.ts';

const sandbox = useSandbox();
const call = assetPandaClient(sandbox.fetch);

describe('Asset Panda Pro API authentication', () => {
  it('answers 401 without the key headers', async () => {
    const answer = await call('GET', '/accounts', undefined, null);
    expect(answer.status).toBe(401);
    expect(answer.body.message).toMatch(/Access-Key-Id/);
  });

  it('answers 401 to a wrong secret', async () => {
    const answer = await call('GET', '/accounts', undefined, { keyId: SANDBOX_API_KEYS.readWrite.keyId, secret: 'wrong' });
    expect(answer.status).toBe(401);
  });

  it('answers 401 to a key that was revoked', async () => {
    sandbox.world.assetPanda.apiKeys = sandbox.world.assetPanda.apiKeys.filter((k) => k.keyId !== SANDBOX_API_KEYS.readWrite.keyId);
    expect((await call('GET', '/accounts')).status).toBe(401);
  });

  it('lets a read-only key read but answers 403 when it writes', async () => {
    const { tenant, collectionId, column, devices } = devicesTarget(sandbox.world.assetPanda);
    const recordsBefore = devices.records.size;
    const readOnly = SANDBOX_API_KEYS.readOnly;
    expect((await call('GET', '/accounts', undefined, readOnly)).status).toBe(200);
    const search = await call('POST', '/collection-records/search', { tenant, collectionId }, readOnly);
    expect(search.status).toBe(200);
    const create = await call('POST', '/collection-records', { tenant, collectionId, records: [{ [column('Name')]: 'X' }] }, readOnly);
    expect(create.status).toBe(403);
    expect(create.body.message).toMatch(/write permission/);
    expect(devices.records.size).toBe(recordsBefore);
  });

  it('answers 403 to a key without read permission when it reads', async () => {
    const key = sandbox.world.assetPanda.apiKeys.find((k) => k.keyId === SANDBOX_API_KEYS.readWrite.keyId);
    if (key) key.permissions.read = false;
    expect((await call('GET', '/accounts')).status).toBe(403);
  });
});

describe('Asset Panda Pro API rate limit', () => {
  it('answers 429 with Retry-After once a key spends its window, and serves again after it', async () => {
    sandbox.world.assetPanda.rateLimit = { limit: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i += 1) expect((await call('GET', '/accounts')).status).toBe(200);
    const limited = await call('GET', '/accounts');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(limited.body.message).toBeTruthy();

    sandbox.world.advanceClock(60_000);
    expect((await call('GET', '/accounts')).status).toBe(200);
  });

  it('counts each key on its own', async () => {
    sandbox.world.assetPanda.rateLimit = { limit: 1, windowMs: 60_000 };
    expect((await call('GET', '/accounts')).status).toBe(200);
    expect((await call('GET', '/accounts')).status).toBe(429);
    expect((await call('GET', '/accounts', undefined, SANDBOX_API_KEYS.readOnly)).status).toBe(200);
  });

  it('starts a reset world with a fresh window', async () => {
    sandbox.world.assetPanda.rateLimit = { limit: 1, windowMs: 60_000 };
    await call('GET', '/accounts');
    sandbox.reset();
    expect((await call('GET', '/accounts')).status).toBe(200);
  });
});
