import { describe, expect, it } from 'vitest';
import type { ManagedDevice } from '../fleet/managed-device.ts';
import { DEVICES, GRAPH, type GraphErrorBody, intuneInner, READ, useGraphSandbox } from './harness.ts';
import { expectEach } from '../../support/expect-each.ts';

const graph = useGraphSandbox({ fleetSize: 2500, seed: 11 });

interface DevicePage {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Array<Partial<ManagedDevice>>;
}

function devices(): ManagedDevice[] {
  return graph.sandbox.world.graph.devices;
}

async function allPages(url: string): Promise<DevicePage[]> {
  const pages: DevicePage[] = [];
  for (let next: string | undefined = url; next; next = pages[pages.length - 1]?.['@odata.nextLink']) {
    pages.push(await graph.json<DevicePage>(next));
  }
  return pages;
}

describe('listing managed devices', () => {
  it('pages at 1000 with an opaque nextLink until every device was served once', async () => {
    const pages = await allPages(DEVICES);
    expect(pages.map((p) => p.value.length)).toEqual([1000, 1000, 500]);
    const ids = pages.flatMap((p) => p.value.map((d) => d.id));
    expect(new Set(ids).size).toBe(2500);
    const next = new URL(pages[0]?.['@odata.nextLink'] ?? '');
    expect(next.origin + next.pathname).toBe(DEVICES);
    expect(next.searchParams.has('$skip')).toBe(false);
    expect(next.searchParams.get('$skiptoken')).not.toMatch(/^\d+$/);
    expect(pages[0]?.['@odata.context']).toBe(`${GRAPH}/$metadata#deviceManagement/managedDevices`);
  });

  it('uses a smaller $top as the page size and caps a larger one at 1000', async () => {
    const small = await allPages(`${DEVICES}?$top=700`);
    expect(small.map((p) => p.value.length)).toEqual([700, 700, 700, 400]);
    const large = await graph.json<DevicePage>(`${DEVICES}?$top=5000`);
    expect(large.value).toHaveLength(1000);
  });

  it('answers shorter pages than asked when the world says so (Graph may)', async () => {
    graph.sandbox.world.graph.pageSize = 100;
    const pages = await allPages(`${DEVICES}?$top=700`);
    expect(pages).toHaveLength(25);
    expect(new Set(pages.flatMap((p) => p.value.map((d) => d.id))).size).toBe(2500);
  });

  it('does not skip a device when one from an earlier page is deleted between pages', async () => {
    const first = await graph.json<DevicePage>(`${DEVICES}?$top=100`);
    const gone = first.value[10]?.id ?? '';
    expect((await graph.call(`${DEVICES}/${gone}`, { method: 'DELETE' })).status).toBe(204);
    const rest = await allPages(first['@odata.nextLink'] ?? '');
    const seen = [...first.value, ...rest.flatMap((p) => p.value)].map((d) => d.id);
    expect(new Set(seen).size).toBe(2500);
  });

  it('counts with $count=true and answers /$count with a plain integer', async () => {
    const page = await graph.json<DevicePage>(`${DEVICES}?$count=true&$top=5`);
    expect(page['@odata.count']).toBe(2500);
    const res = await graph.call(`${DEVICES}/$count`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('2500');
  });

  it('returns only the $select-ed properties (and the id)', async () => {
    const page = await graph.json<DevicePage>(`${DEVICES}?$select=serialNumber,deviceName&$top=3`);
    expect(page['@odata.context']).toBe(`${GRAPH}/$metadata#deviceManagement/managedDevices(serialNumber,deviceName)`);
    expect(page.value).toHaveLength(3);
    for (const device of page.value) expect(Object.keys(device).toSorted()).toEqual(['deviceName', 'id', 'serialNumber']);
  });

  it('answers an unknown $select property with a 400 in Graph format', async () => {
    const res = await graph.call(`${DEVICES}?$select=serialNumber,colour`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as GraphErrorBody;
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.message).toContain("'colour'");
    expect(Object.keys(body.error.innerError).toSorted()).toEqual(['client-request-id', 'date', 'request-id']);
  });

  it('leaves non-default properties at their defaults in lists, even when selected', async () => {
    const page = await graph.json<DevicePage>(`${DEVICES}?$select=udid,ethernetMacAddress,physicalMemoryInBytes,notes,iccid`);
    expectEach(page.value, (d) => expect([d.udid, d.ethernetMacAddress, d.physicalMemoryInBytes, d.iccid]).toEqual(['', null, 0, '']));
    expect(devices().some((d) => d.physicalMemoryInBytes > 0)).toBe(true);
  });

  it('carries request-id and echoes client-request-id', async () => {
    const res = await graph.call(`${DEVICES}?$top=1`, { headers: { 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' } });
    expect(res.headers.get('client-request-id')).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers at the national cloud hosts with their own URLs in context and nextLink', async () => {
    const page = await graph.json<DevicePage>('https://graph.microsoft.us/v1.0/deviceManagement/managedDevices?$top=2');
    expect(page['@odata.context']).toMatch(/^https:\/\/graph\.microsoft\.us\/v1\.0\/\$metadata#/);
    expect(page['@odata.nextLink']).toMatch(/^https:\/\/graph\.microsoft\.us\/v1\.0\/deviceManagement\/managedDevices\?/);
  });

  it('answers /beta with a 400', async () => {
    const res = await graph.call('https://graph.microsoft.com/beta/deviceManagement/managedDevices');
    expect(res.status).toBe(400);
  });
});

async function filtered(filter: string): Promise<ManagedDevice[]> {
  const pages = await allPages(`${DEVICES}?$filter=${encodeURIComponent(filter)}`);
  return pages.flatMap((p) => p.value) as ManagedDevice[];
}

describe('$filter', () => {
  it('matches serialNumber eq exactly, ignoring case', async () => {
    const target = devices().find((d) => /[A-Z]/.test(d.serialNumber ?? '') && devices().filter((o) => o.serialNumber === d.serialNumber).length === 1);
    const found = await filtered(`serialNumber eq '${target?.serialNumber?.toLowerCase()}'`);
    expect(found.map((d) => d.id)).toEqual([target?.id]);
  });

  it('combines eq with or on complianceState, and and with operatingSystem', async () => {
    const found = await filtered("(complianceState eq 'noncompliant' or complianceState eq 'inGracePeriod') and operatingSystem eq 'Windows'");
    const expected = devices().filter((d) => ['noncompliant', 'inGracePeriod'].includes(d.complianceState) && d.operatingSystem === 'Windows');
    expect(found.map((d) => d.id).toSorted()).toEqual(expected.map((d) => d.id).toSorted());
    expect(found.length).toBeGreaterThan(0);
  });

  it('supports contains on deviceName and osVersion, and lt/gt on lastSyncDateTime', async () => {
    expectEach(await filtered("contains(deviceName,'desktop-')"), (d) => expect(d.deviceName).toMatch(/^DESKTOP-/));
    expectEach(await filtered("contains(osVersion,'10.0.19045')"), (d) => expect(d.osVersion).toMatch(/^10\.0\.19045\./));
    const cutoff = new Date(graph.sandbox.world.now() - 30 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const stale = await filtered(`lastSyncDateTime lt ${cutoff}`);
    expect(stale.length).toBe(devices().filter((d) => Date.parse(d.lastSyncDateTime) < Date.parse(cutoff)).length);
    expect(stale.length).toBeGreaterThan(0);
  });

  it('returns every device when the property does not support $filter (documented Intune quirk)', async () => {
    expect(await filtered('isEncrypted eq false')).toHaveLength(2500);
  });

  it('treats ne as eq where only eq is documented, and startswith as contains (reported quirks)', async () => {
    const ne = await filtered("operatingSystem ne 'Windows'");
    expectEach(ne, (d) => expect(d.operatingSystem).toBe('Windows'));
    const startsWith = await filtered("startswith(deviceName,'iPhone')");
    expect(startsWith.some((d) => d.deviceName !== 'iPhone' && !d.deviceName?.startsWith('iPhone'))).toBe(true);
  });

  it('answers a malformed filter, an unknown property or a wrong literal with 400', async () => {
    for (const filter of ["serialNumber eq 'ABC", "serialNumber eq", 'serialNumber eq 12', "colour eq 'red'", "complianceState eq 'sparkly'"]) {
      const res = await graph.call(`${DEVICES}?$filter=${encodeURIComponent(filter)}`);
      expect(res.status, filter).toBe(400);
      expect(((await res.json()) as GraphErrorBody).error.code).toBe('BadRequest');
    }
  });
});

describe('one managed device', () => {
  it('returns every property, non-default ones at their defaults unless $select names them', async () => {
    const device = devices().find((d) => d.udid && d.physicalMemoryInBytes > 0) as ManagedDevice;
    const plain = await graph.json<ManagedDevice & { '@odata.context': string }>(`${DEVICES}/${device.id}`);
    expect(plain['@odata.context']).toBe(`${GRAPH}/$metadata#deviceManagement/managedDevices/$entity`);
    expect(plain.serialNumber).toBe(device.serialNumber);
    expect(plain.udid).toBe('');
    expect(plain.physicalMemoryInBytes).toBe(0);
    const selected = await graph.json<Partial<ManagedDevice>>(`${DEVICES}/${device.id}?$select=udid,physicalMemoryInBytes`);
    expect(selected).toMatchObject({ id: device.id, udid: device.udid, physicalMemoryInBytes: device.physicalMemoryInBytes });
  });

  it('answers an unknown id with 404 in Graph format, with Intune details inside', async () => {
    const res = await graph.call(`${DEVICES}/00000000-1111-4222-8333-444444444444`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as GraphErrorBody;
    expect(body.error.code).toBe('ResourceNotFound');
    expect(intuneInner(body).Message).toContain('00000000-1111-4222-8333-444444444444');
  });

  it('deletes a device with ReadWrite (204), after which it is gone', async () => {
    const id = devices()[0]?.id ?? '';
    expect((await graph.call(`${DEVICES}/${id}`, { method: 'DELETE', scopes: [READ] })).status).toBe(403);
    expect((await graph.call(`${DEVICES}/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph.call(`${DEVICES}/${id}`)).status).toBe(404);
    expect(devices().some((d) => d.id === id)).toBe(false);
    expect(graph.sandbox.world.graph.requests.map((r) => [r.action, r.deviceId, r.status])).toEqual([
      ['delete', id, 204],
    ]);
  });

  it('updates the writable properties and refuses read-only ones', async () => {
    const id = devices()[1]?.id ?? '';
    const patch = (body: unknown) =>
      graph.call(`${DEVICES}/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await patch({ notes: 'Sent for repair' })).status).toBe(200);
    expect(devices()[1]?.notes).toBe('Sent for repair');
    expect((await patch({ serialNumber: 'X' })).status).toBe(400);
  });

  it('lists the primary user of a device', async () => {
    const device = devices().find((d) => d.userId) as ManagedDevice;
    const users = await graph.json<{ value: Array<{ id: string; userPrincipalName: string }> }>(`${DEVICES}/${device.id}/users`);
    expect(users.value.map((u) => u.userPrincipalName)).toEqual([device.userPrincipalName]);
  });
});
