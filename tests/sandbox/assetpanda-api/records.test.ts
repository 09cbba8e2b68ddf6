import { beforeEach, describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';
import { seedRecord } from './records.ts';
import { assetPandaClient, devicesTarget } from './test-client.ts';
import { collectionNamed } from './tenant.ts';

const sandbox = useSandbox();
const call = assetPandaClient(sandbox.fetch);
// Each test starts from an empty Devices collection; seed.test.ts covers the fleet's assets.
beforeEach(() => {
  collectionNamed(sandbox.world.assetPanda, 'Devices').records.clear();
});

function target() {
  return devicesTarget(sandbox.world.assetPanda);
}

function seedDevice(name: string, serial: string) {
  return seedRecord(sandbox.world.assetPanda, 'Devices', { Name: name, 'Serial Number': serial });
}

describe('POST /collection-records (create)', () => {
  it('creates records keyed by column id and reads them back', async () => {
    const { tenant, collectionId, column, tenantQuery } = target();
    const created = await call('POST', '/collection-records', {
      tenant,
      collectionId,
      records: [
        {
          [column('Name')]: 'LAPTOP-0001',
          [column('Serial Number')]: 'C02XK1JHJG5H',
          [column('Storage Total')]: 256,
          [column('Encrypted')]: true,
          [column('Last Sync')]: '2025-03-01T10:20:30Z',
          [column('Ownership')]: 'Corporate',
          [column('Compliance')]: 'Compliant',
          [column('Location')]: 'London Office',
        },
        { [column('Name')]: 'LAPTOP-0002' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toHaveLength(2);
    const [first] = created.body.data;
    expect(first).toMatchObject({
      id: expect.any(String),
      collectionId,
      [column('Name')]: 'LAPTOP-0001',
      [column('Storage Total')]: 256,
      [column('Encrypted')]: true,
      [column('Location-city')]: 'London',
      [column('Model')]: null,
    });

    const read = await call('GET', `/collection-record/${first.id}?${tenantQuery}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(first);
  });

  it('answers 404 to an unknown record and 400 without the tenant query', async () => {
    const { tenantQuery, collectionId } = target();
    expect((await call('GET', `/collection-record/01HZZZZZZZZZZZZZZZZZZZZZZZ?${tenantQuery}`)).status).toBe(404);
    const record = seedDevice('PC-1', 'S-1');
    expect((await call('GET', `/collection-record/${record.id}?collectionId=${collectionId}`)).status).toBe(400);
  });

  it('rejects an unknown column, a wrong type and a value outside the options, writing nothing', async () => {
    const { tenant, collectionId, column, devices } = target();
    const answer = await call('POST', '/collection-records', {
      tenant,
      collectionId,
      records: [
        { [column('Name')]: 'OK-1' },
        {
          [column('Name')]: 'BAD-1',
          [`${collectionId}_0_nosuch_text`]: 'x',
          [column('Storage Total')]: '256 GB',
          [column('Serial Number')]: 12345,
          [column('Encrypted')]: 'yes',
          [column('Last Sync')]: 'yesterday',
          [column('Ownership')]: 'Borrowed',
          [column('Status')]: 'in use',
        },
      ],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBeTruthy();
    const fields = answer.body.errors.map((e: { field: string }) => e.field).toSorted();
    expect(fields).toEqual(
      [`${collectionId}_0_nosuch_text`, column('Storage Total'), column('Serial Number'), column('Encrypted'), column('Last Sync'), column('Ownership'), column('Status')].toSorted(),
    );
    for (const error of answer.body.errors) expect(error.recordIndex).toBe(1);
    expect(devices.records.size).toBe(0);
  });

  it('rejects a record without a required value', async () => {
    const { tenant, collectionId, column } = target();
    const answer = await call('POST', '/collection-records', { tenant, collectionId, records: [{ [column('Serial Number')]: 'S-9' }] });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: column('Name'), message: expect.stringContaining('Name is required') })]);
  });

  it('rejects a duplicate of a unique field, naming the field and the value', async () => {
    const { tenant, collectionId, column } = target();
    seedDevice('PC-1', 'C02XK1JHJG5H');
    const answer = await call('POST', '/collection-records', {
      tenant,
      collectionId,
      records: [{ [column('Name')]: 'PC-2', [column('Serial Number')]: ' c02xk1jhjg5h ' }],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: column('Serial Number'), value: ' c02xk1jhjg5h ', message: expect.stringMatching(/Serial Number.*c02xk1jhjg5h.*not unique/) }),
    ]);
  });

  it('rejects two records of one request that share a unique value', async () => {
    const { tenant, collectionId, column } = target();
    const id = '3f2a9c1e-0000-4000-8000-000000000001';
    const answer = await call('POST', '/collection-records', {
      tenant,
      collectionId,
      records: [
        { [column('Name')]: 'A', [column('Intune Device ID')]: id },
        { [column('Name')]: 'B', [column('Intune Device ID')]: id },
      ],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([expect.objectContaining({ recordIndex: 1, field: column('Intune Device ID'), value: id })]);
  });

  it('refuses writes to a pulled reference column and links to missing records', async () => {
    const { tenant, collectionId, column } = target();
    const answer = await call('POST', '/collection-records', {
      tenant,
      collectionId,
      records: [{ [column('Name')]: 'A', [column('Location-city')]: 'Paris', [column('Location')]: 'Paris Office' }],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors.map((e: { field: string }) => e.field).toSorted()).toEqual([column('Location'), column('Location-city')].toSorted());
  });

  it('answers 400 to a body without tenant, collectionId or records, and 404 to a collection of another module', async () => {
    const { tenant, collectionId, column } = target();
    expect((await call('POST', '/collection-records', { collectionId, records: [{ [column('Name')]: 'A' }] })).status).toBe(400);
    expect((await call('POST', '/collection-records', { tenant, records: [{ [column('Name')]: 'A' }] })).status).toBe(400);
    expect((await call('POST', '/collection-records', { tenant, collectionId, records: [] })).status).toBe(400);
    const elsewhere = await call('POST', '/collection-records', { tenant: { ...tenant, moduleId: 'other' }, collectionId, records: [{ [column('Name')]: 'A' }] });
    expect(elsewhere.status).toBe(404);
  });
});

describe('PUT /collection-records (update)', () => {
  it('changes only the given columns of each record', async () => {
    const { tenant, collectionId, column } = target();
    const record = seedDevice('PC-1', 'S-1');
    const answer = await call('PUT', '/collection-records', {
      tenant,
      collectionId,
      records: [{ recordId: record.id, [column('Model')]: 'Surface Laptop 5', [column('Serial Number')]: 'S-1' }],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual([
      expect.objectContaining({ id: record.id, [column('Name')]: 'PC-1', [column('Model')]: 'Surface Laptop 5', [column('Serial Number')]: 'S-1' }),
    ]);
  });

  it('processes at most 5 records per request', async () => {
    const { tenant, collectionId, column, devices } = target();
    const records = Array.from({ length: 6 }, (_, i) => seedDevice(`PC-${i}`, `S-${i}`));
    const answer = await call('PUT', '/collection-records', {
      tenant,
      collectionId,
      records: records.map((r) => ({ recordId: r.id, [column('Model')]: 'Changed' })),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/at most 5 records/);
    expect([...devices.records.values()].some((r) => r.values[column('Model')] === 'Changed')).toBe(false);

    const five = await call('PUT', '/collection-records', {
      tenant,
      collectionId,
      records: records.slice(0, 5).map((r) => ({ recordId: r.id, [column('Model')]: 'Changed' })),
    });
    expect(five.status).toBe(200);
  });

  it('requires recordId on every record and answers 404 to an unknown one', async () => {
    const { tenant, collectionId, column } = target();
    const record = seedDevice('PC-1', 'S-1');
    const missing = await call('PUT', '/collection-records', { tenant, collectionId, records: [{ [column('Model')]: 'X' }] });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/recordId/);
    const unknown = await call('PUT', '/collection-records', {
      tenant,
      collectionId,
      records: [
        { recordId: record.id, [column('Model')]: 'X' },
        { recordId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', [column('Model')]: 'X' },
      ],
    });
    expect(unknown.status).toBe(404);
    expect(record.values[column('Model')]).toBeUndefined();
  });

  it('rejects taking another record\u2019s unique value and clearing a required one', async () => {
    const { tenant, collectionId, column } = target();
    seedDevice('PC-1', 'S-1');
    const second = seedDevice('PC-2', 'S-2');
    const answer = await call('PUT', '/collection-records', {
      tenant,
      collectionId,
      records: [{ recordId: second.id, [column('Serial Number')]: 'S-1', [column('Name')]: '' }],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: column('Serial Number'), value: 'S-1', message: expect.stringContaining('"S-1" is not unique') }),
        expect.objectContaining({ field: column('Name') }),
      ]),
    );
    expect(second.values[column('Serial Number')]).toBe('S-2');
  });

  it('lets two records of one request swap unique values', async () => {
    const { tenant, collectionId, column } = target();
    const first = seedDevice('PC-1', 'S-1');
    const second = seedDevice('PC-2', 'S-2');
    const answer = await call('PUT', '/collection-records', {
      tenant,
      collectionId,
      records: [
        { recordId: first.id, [column('Serial Number')]: 'S-2' },
        { recordId: second.id, [column('Serial Number')]: 'S-1' },
      ],
    });
    expect(answer.status).toBe(200);
  });
});

describe('DELETE /collection-records', () => {
  it('deletes the named records', async () => {
    const { tenant, collectionId, tenantQuery } = target();
    const record = seedDevice('PC-1', 'S-1');
    const kept = seedDevice('PC-2', 'S-2');
    const answer = await call('DELETE', '/collection-records', { tenant, collectionId, records: [{ recordId: record.id }] });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual([{ recordId: record.id, deleted: true }]);
    expect((await call('GET', `/collection-record/${record.id}?${tenantQuery}`)).status).toBe(404);
    expect((await call('GET', `/collection-record/${kept.id}?${tenantQuery}`)).status).toBe(200);
  });

  it('processes at most 5 records per request', async () => {
    const { tenant, collectionId, devices } = target();
    const records = Array.from({ length: 6 }, (_, i) => seedDevice(`PC-${i}`, `S-${i}`));
    const answer = await call('DELETE', '/collection-records', { tenant, collectionId, records: records.map((r) => ({ recordId: r.id })) });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/at most 5 records/);
    expect(devices.records.size).toBe(6);
  });

  it('answers 404 when a record does not exist and deletes none', async () => {
    const { tenant, collectionId, devices } = target();
    const record = seedDevice('PC-1', 'S-1');
    const answer = await call('DELETE', '/collection-records', {
      tenant,
      collectionId,
      records: [{ recordId: record.id }, { recordId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' }],
    });
    expect(answer.status).toBe(404);
    expect(devices.records.has(record.id)).toBe(true);
  });
});
