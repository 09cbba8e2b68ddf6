// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN, SANDBOX_USER_WITHOUT_ROLE, type DirectoryUser } from '../../tests/sandbox/directory.ts';
import { issueGraphAccessToken } from '../../tests/sandbox/entra/access-token.ts';
import { serviceUnavailable, throttled } from '../../tests/sandbox/graph/errors.ts';
import { useSandbox } from '../../tests/support/use-sandbox.ts';
import { createGraphClient, type GraphClient, type Page } from './client';
import { GraphError } from './errors';
import { deviceFilter } from './filter';
import type { RequestLimiter } from './limiter';
import { InvalidRequestError } from './request-error';

const FLEET_SIZE = 2500;
const DEVICES_PATH = '/v1.0/deviceManagement/managedDevices';
const ALL_SCOPES = [
  'DeviceManagementManagedDevices.Read.All',
  'DeviceManagementManagedDevices.ReadWrite.All',
  'DeviceManagementManagedDevices.PrivilegedOperations.All',
  'DeviceManagementApps.Read.All',
  'User.Read.All',
  'Group.Read.All',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const sandbox = useSandbox({ fleetSize: FLEET_SIZE });
/** Every wait the client asked for; the test never really sleeps. */
let waits: number[];

beforeEach(() => {
  waits = [];
});

function clientFor(options: { scopes?: string[]; user?: DirectoryUser; fetch?: typeof fetch; limiter?: RequestLimiter } = {}): GraphClient {
  const user = options.user ?? SANDBOX_ADMIN;
  const world = sandbox.world;
  const token = issueGraphAccessToken(world, {
    iss: `https://sts.windows.net/${world.directory.tenantId}/`,
    tid: world.directory.tenantId,
    oid: user.id,
    upn: user.userPrincipalName,
    name: user.displayName,
    appid: '5f0c4d2a-8b1e-4c3d-9e7f-1a2b3c4d5e6f',
    scp: (options.scopes ?? ALL_SCOPES).join(' '),
    exp: Math.floor(world.now() / 1000) + 3600,
  });
  return createGraphClient({
    cloud: 'global',
    getAccessToken: async () => token,
    grantedScopes: async () => options.scopes ?? ALL_SCOPES,
    fetch: options.fetch ?? sandbox.fetch,
    sleep: async (ms) => {
      waits.push(ms);
      sandbox.world.advanceClock(ms);
    },
    now: () => sandbox.world.now(),
    limiter: options.limiter,
  });
}

async function collect<Item>(pages: AsyncIterable<Page<Item>>): Promise<Page<Item>[]> {
  const all: Page<Item>[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof GraphError)) throw new Error(`Expected a GraphError, got ${String(error)}`);
  return error;
}

function graphRequests(method: string, path: string | RegExp) {
  return sandbox.requests.filter(
    (request) => request.host === 'graph.microsoft.com' && request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path)),
  );
}

const firstDevice = () => {
  const device = sandbox.world.graph.devices[0];
  if (!device) throw new Error('The sandbox fleet is empty');
  return device;
};

describe('Graph client against the sandbox', () => {
  it('lists every device once, page by page, following nextLink verbatim', async () => {
    const pages = await collect(clientFor().listDevices({ select: ['serialNumber', 'deviceName'] }));
    expect(pages.map((page) => page.items.length)).toEqual([1000, 1000, 500]);
    const ids = pages.flatMap((page) => page.items.map((device) => device.id));
    expect(new Set(ids).size).toBe(FLEET_SIZE);
    expect(new Set(ids)).toEqual(new Set(sandbox.world.graph.devices.map((device) => device.id)));

    const sent = graphRequests('GET', DEVICES_PATH);
    expect(sent).toHaveLength(3);
    expect(sent[0]?.query).toEqual({ $select: 'id,serialNumber,deviceName' });
    for (const request of sent.slice(1)) expect(request.query.$skiptoken).toBeTruthy();
    for (const request of sent) expect(request.headers['client-request-id']).toMatch(UUID);
  });

  it('returns only the selected properties, and non-default ones from a single GET', async () => {
    const device = firstDevice();
    const client = clientFor();
    const one = await client.getDevice(device.id, { select: ['serialNumber', 'ethernetMacAddress', 'physicalMemoryInBytes'] });
    expect(one).toEqual({
      id: device.id,
      serialNumber: device.serialNumber,
      ethernetMacAddress: device.ethernetMacAddress,
      physicalMemoryInBytes: device.physicalMemoryInBytes,
    });
    const full = await client.getDevice(device.id);
    expect(full.lastSyncDateTime).toBe(device.lastSyncDateTime);
  });

  it('filters with the builder and counts', async () => {
    const client = clientFor();
    const target = firstDevice();
    const [match] = await collect(client.listDevices({ filter: deviceFilter.eq('serialNumber', target.serialNumber ?? '') }));
    expect(match?.items.map((device) => device.id)).toEqual([target.id]);

    const wanted = ['noncompliant', 'inGracePeriod'] as const;
    const filter = deviceFilter.anyOf('complianceState', wanted);
    const expected = sandbox.world.graph.devices.filter((device) => (wanted as readonly string[]).includes(device.complianceState)).length;
    const pages = await collect(client.listDevices({ filter, count: true }));
    const found = pages.flatMap((page) => page.items);
    expect(found.every((device) => (wanted as readonly string[]).includes(device.complianceState ?? ''))).toBe(true);
    expect(found).toHaveLength(expected);
    expect(pages[0]?.totalCount).toBe(expected);
    expect(await client.countDevices({ filter })).toBe(expected);
    expect(await client.countDevices()).toBe(FLEET_SIZE);
  });

  it('reads the signed-in user, a user, groups and apps', async () => {
    const client = clientFor();
    expect(await client.me()).toMatchObject({ id: SANDBOX_ADMIN.id, userPrincipalName: SANDBOX_ADMIN.userPrincipalName });
    expect(await client.user(SANDBOX_USER_WITHOUT_ROLE.userPrincipalName)).toMatchObject({ id: SANDBOX_USER_WITHOUT_ROLE.id });
    expect(await client.groups()).toHaveLength(1);
    expect(await client.mobileApps()).toHaveLength(1);
    const [apps] = await collect(client.detectedApps());
    expect(apps?.items.length).toBeGreaterThan(0);
  });

  it('keeps an enum value Graph adds later', async () => {
    const device = firstDevice();
    Object.assign(device, { complianceState: 'quarantinedByPartner', managementAgent: 'someFutureAgent' });
    const read = await clientFor().getDevice(device.id, { select: ['complianceState', 'managementAgent'] });
    expect(read).toMatchObject({ complianceState: 'quarantinedByPartner', managementAgent: 'someFutureAgent' });
  });
});

describe('requests refused before sending', () => {
  it('refuses what Graph documents as invalid, without calling it', async () => {
    const client = clientFor();
    const device = firstDevice();
    await expect(client.countDevices({ filter: deviceFilter.eq('azureADDeviceId', 'x') })).rejects.toThrow(InvalidRequestError);
    // @ts-expect-error obliterationBehavior exists on beta only
    await expect(client.wipe(device.id, { obliterationBehavior: 'always' })).rejects.toThrow(InvalidRequestError);
    await expect(client.wipe(device.id, { macOsUnlockCode: '12' })).rejects.toThrow(/macOsUnlockCode: must be six digits/);
    await expect(client.deleteDevice(' ')).rejects.toThrow(InvalidRequestError);
    expect(sandbox.requests).toEqual([]);
  });
});

describe('throttling and retries', () => {
  it('waits what Retry-After asks after a 429, then carries on', async () => {
    sandbox.fault({ host: 'graph.microsoft.com', path: DEVICES_PATH, times: 2, response: throttled(7) });
    const pages = await collect(clientFor().listDevices());
    expect(pages.flatMap((page) => page.items)).toHaveLength(FLEET_SIZE);
    expect(waits).toEqual([7_000, 7_000]);
  });

  it('retries a throttled action: Graph refused it before doing anything', async () => {
    const device = firstDevice();
    const path = `${DEVICES_PATH}/${device.id}/retire`;
    sandbox.fault({ host: 'graph.microsoft.com', method: 'POST', path, response: throttled(3) });
    await clientFor().retire(device.id);
    expect(waits).toEqual([3_000]);
    expect(graphRequests('POST', path).map((request) => request.status)).toEqual([429, 204]);
  });

  it('retries a read after a 503', async () => {
    const device = firstDevice();
    sandbox.fault({ host: 'graph.microsoft.com', method: 'GET', path: `${DEVICES_PATH}/${device.id}`, response: serviceUnavailable() });
    await expect(clientFor().getDevice(device.id)).resolves.toMatchObject({ id: device.id });
    expect(waits).toHaveLength(1);
  });

  it('never repeats an action after a 5xx', async () => {
    const device = firstDevice();
    const path = `${DEVICES_PATH}/${device.id}/wipe`;
    sandbox.fault({ host: 'graph.microsoft.com', method: 'POST', path, response: serviceUnavailable(1) });
    const error = await failure(clientFor().wipe(device.id, { keepUserData: true }));
    expect(error.kind).toBe('serviceUnavailable');
    expect(graphRequests('POST', path)).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('never repeats an action whose response was lost', async () => {
    const device = firstDevice();
    const path = `${DEVICES_PATH}/${device.id}/remoteLock`;
    const reachSandbox = sandbox.fetch;
    const loseResponses: typeof fetch = async (input, init) => {
      await reachSandbox(input, init);
      throw new TypeError('fetch failed');
    };
    const error = await failure(clientFor({ fetch: loseResponses }).remoteLock(device.id));
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect(error.clientRequestId).toBe(graphRequests('POST', path)[0]?.headers['client-request-id']);
    expect(graphRequests('POST', path)).toHaveLength(1);
  });

  it('keeps below the per-app write budget instead of being throttled', async () => {
    const device = firstDevice();
    const path = `${DEVICES_PATH}/${device.id}/syncDevice`;
    const sendSyncs = async (client: GraphClient) => {
      for (let i = 0; i < 250; i += 1) await client.syncDevice(device.id);
      return graphRequests('POST', path).map((request) => request.status);
    };

    // Without a limiter, 250 writes in a burst exceed Intune's 200 per 20 s and meet 429s.
    const unlimited = await sendSyncs(clientFor({ limiter: { acquire: async () => {} } }));
    expect(unlimited).toContain(429);

    sandbox.reset({ fleetSize: FLEET_SIZE });
    waits = [];
    // The default limiter runs on the client's clock; here sleeping moves the sandbox clock forward.
    const limited = await sendSyncs(clientFor());
    expect(limited).toEqual(Array.from({ length: 250 }, () => 204));
    expect(waits.length).toBeGreaterThan(0);
  });
});

describe('errors', () => {
  it('says when a Graph answer is not JSON, naming the endpoint', async () => {
    sandbox.fault({ host: 'graph.microsoft.com', path: DEVICES_PATH, malformed: true });
    const error = await failure(collect(clientFor().listDevices()));
    expect(error).toMatchObject({ kind: 'malformedResponse', code: 'malformedResponse', status: 200 });
    expect(error.message).toContain(`GET ${DEVICES_PATH}`);
    expect(error.requestId).toMatch(UUID);
  });

  it('tells a missing permission from a missing Intune role', async () => {
    const device = firstDevice();
    const readOnly = await failure(clientFor({ scopes: ['DeviceManagementManagedDevices.Read.All'] }).retire(device.id));
    expect(readOnly.kind).toBe('missingPermission');
    expect(readOnly.requiredScopes).toContain('DeviceManagementManagedDevices.PrivilegedOperations.All');

    const noRole = await failure(collect(clientFor({ user: SANDBOX_USER_WITHOUT_ROLE }).listDevices()));
    expect(noRole.kind).toBe('noIntuneRole');
    expect(noRole.intune?.activityId).toMatch(UUID);
  });

  it('reads the Intune error nested in a refused action', async () => {
    const windows = sandbox.world.graph.devices.find((device) => device.operatingSystem === 'Windows');
    if (!windows) throw new Error('The fleet has no Windows device');
    const error = await failure(clientFor().remoteLock(windows.id));
    expect(error).toMatchObject({ kind: 'unsupportedAction', status: 400, code: 'BadRequest', serviceMessage: 'An error has occurred' });
    expect(error.intune?.activityId).toMatch(UUID);
    expect(error.supportReference).toContain(`Activity ID ${error.intune?.activityId ?? ''}`);
  });

  it('says when the token is no longer accepted', async () => {
    const client = clientFor();
    sandbox.world.advanceClock(2 * 60 * 60_000);
    expect((await failure(client.me())).kind).toBe('unauthorized');
  });

  it.each([
    ['a read', 'GET', (): string => '/v1.0/me', (client: GraphClient): Promise<unknown> => client.me()],
    ['a wipe', 'POST', (): string => `${DEVICES_PATH}/${firstDevice().id}/wipe`, (client: GraphClient): Promise<unknown> => client.wipe(firstDevice().id)],
  ] as const)('refuses a redirect of %s to another host: the token never reaches it, and nothing is retried', async (_, method, path, call) => {
    sandbox.fault({ host: 'graph.microsoft.com', method, path: path(), response: { status: 307, headers: { location: 'https://example.com/v1.0/me' } } });
    const error = await failure(call(clientFor()));
    expect(error).toMatchObject({ kind: 'redirected', serviceMessage: expect.stringContaining('redirect to https://example.com') });
    expect(sandbox.requests.filter((request) => request.host === 'example.com')).toEqual([]);
    expect(graphRequests(method, path())).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('carries request-id and client-request-id into every error', async () => {
    const error = await failure(clientFor().getDevice('00000000-0000-0000-0000-000000000000'));
    expect(error.kind).toBe('notFound');
    expect(error.requestId).toMatch(UUID);
    const sent = graphRequests('GET', `${DEVICES_PATH}/00000000-0000-0000-0000-000000000000`);
    expect(error.clientRequestId).toBe(sent[0]?.headers['client-request-id']);
  });
});
