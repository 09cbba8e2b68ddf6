import { describe, expect, it } from 'vitest';
import { useSandbox } from '../support/use-sandbox.ts';
import { assetPandaClient, devicesTarget } from './assetpanda-api/test-client.ts';
import { collectionNamed } from './assetpanda-api/tenant.ts';
import { transientFaults } from './transient-faults.ts';

const sandbox = useSandbox();
const call = assetPandaClient(sandbox.fetch);
const API = 'api.assetpanda.app';

function searchAll() {
  const { tenant, collectionId } = devicesTarget(sandbox.world.assetPanda);
  return call('POST', '/collection-records/search', { tenant, collectionId, pagination: { from: 0, size: 1 } });
}

/** The answers to 200 searches when 30 % of requests fail, with this seed. */
async function statuses(seed: number): Promise<number[]> {
  sandbox.reset();
  sandbox.randomFaults({ host: API, rate: 0.3, seed, effects: [{ response: { status: 503, body: '' } }] });
  const answers: number[] = [];
  for (let i = 0; i < 200; i++) answers.push((await searchAll()).status);
  return answers;
}

describe('faults', () => {
  it('strike the share of requests asked for, the same ones for the same seed', async () => {
    const first = await statuses(5);
    const failed = first.filter((status) => status === 503).length;
    expect(failed).toBeGreaterThan(40);
    expect(failed).toBeLessThan(80);
    expect(await statuses(5)).toEqual(first);
    expect(await statuses(6)).not.toEqual(first);
  });

  it('can do the work and lose the answer', async () => {
    const { tenant, collectionId, column } = devicesTarget(sandbox.world.assetPanda);
    const before = collectionNamed(sandbox.world.assetPanda, 'Devices').records.size;
    sandbox.fault({ host: API, method: 'POST', path: '/collection-records', lose: true });
    await expect(call('POST', '/collection-records', { tenant, collectionId, records: [{ [column('Name')]: 'LOST-ANSWER' }] })).rejects.toThrow();
    expect(collectionNamed(sandbox.world.assetPanda, 'Devices').records.size).toBe(before + 1);
    expect(sandbox.requests.at(-1)).toMatchObject({ status: 201, lost: true });
  });

  it('can drop the connection before any work, and the dropped request is still recorded', async () => {
    const { tenant, collectionId, column } = devicesTarget(sandbox.world.assetPanda);
    const before = collectionNamed(sandbox.world.assetPanda, 'Devices').records.size;
    sandbox.fault({ host: API, method: 'POST', path: '/collection-records', drop: true });
    await expect(call('POST', '/collection-records', { tenant, collectionId, records: [{ [column('Name')]: 'DROPPED' }] })).rejects.toThrow();
    expect(collectionNamed(sandbox.world.assetPanda, 'Devices').records.size).toBe(before);
    expect(sandbox.requests).toEqual([expect.objectContaining({ method: 'POST', path: '/collection-records', status: 0, dropped: true, responseHeaders: {} })]);
  });

  it("answer each service's way, and log the world time and the answer's Retry-After", async () => {
    sandbox.fault({ host: API, ...transientFaults('assetPanda', 7)[0] });
    sandbox.world.advanceClock(3_600_000);
    const throttled = await searchAll();
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatchObject({ message: expect.any(String) });
    const [logged] = sandbox.requests;
    expect(logged?.responseHeaders['retry-after']).toBe('7');
    expect(logged!.at).toBeGreaterThanOrEqual(Date.now() + 3_500_000);
  });
});
