import type { z } from 'zod';
import { sleep as realSleep } from '../retry';
import { DetectedAppSchema, MobileAppSchema, type DetectedApp, type MobileApp } from './app-schemas';
import { graphBaseUrl, type Cloud } from './clouds';
import { DEVICE_FIELDS, type DeviceFieldKey } from './device-fields';
import { ManagedDeviceSchema, type ManagedDevice } from './device-schema';
import { GroupSchema, UserSchema, type Group, type User } from './directory-schemas';
import type { DeviceFilter } from './filter';
import { createSlidingWindowLimiter, type RequestLimiter } from './limiter';
import { collectionSchema, CountSchema } from './odata';
import { InvalidRequestError } from './request-error';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { REQUIRED_SCOPES } from './scopes';
import { selectDeviceFields } from './select';
import { createTransport, withQuery, type GraphReceipt } from './transport';
import { WipeOptionsSchema, type WipeOptions } from './wipe-options';
import { describeIssues } from './zod-issues';

export interface GraphClientOptions {
  cloud: Cloud;
  /** A valid Graph access token; called before every attempt so a refreshed token is picked up. */
  getAccessToken: () => Promise<string>;
  /**
   * The scopes Entra granted with the token (the token response's `scope`). Asked only after a 403:
   * Intune answers a missing permission and a missing Intune role alike, and only this tells them apart.
   */
  grantedScopes?: () => Promise<readonly string[]>;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Share one limiter between clients that use the same app registration and tenant. */
  limiter?: RequestLimiter;
  retryPolicy?: RetryPolicy;
  /** Retries stop rather than wait past this time (on `now`): for a caller that must answer within a bound. */
  retryUntil?: number;
}

/** One page of a collection; `totalCount` only when `$count=true` was asked (first page). */
export interface Page<Item> {
  items: Item[];
  totalCount: number | null;
  /** Graph's link to the next page; absent on the last one. */
  nextLink?: string;
}

export interface DeviceQuery {
  /** Fields to return (`id` is always included); all default properties when omitted. */
  select?: readonly DeviceFieldKey[];
  filter?: DeviceFilter;
  /** Page size below Graph's 1000 (`$top`); later pages keep it through the nextLink. */
  top?: number;
  /**
   * A page's `nextLink`: the listing goes on from there (after a failed page, say). The link holds
   * the query, so the other options are not used.
   */
  continueFrom?: string;
}

export interface GraphClient {
  getDevice(id: string, options?: { select?: readonly DeviceFieldKey[] }): Promise<ManagedDevice>;
  /** Pages of devices, following Graph's `@odata.nextLink` until the last page. */
  listDevices(query?: DeviceQuery & { count?: boolean }): AsyncIterable<Page<ManagedDevice>>;
  countDevices(options?: { filter?: DeviceFilter }): Promise<number>;
  me(): Promise<User>;
  user(idOrUserPrincipalName: string): Promise<User>;
  /** The first `top` users of the directory: enough to prove the app may read users. */
  users(top?: number): Promise<User[]>;
  /** The first `top` groups: enough to prove the app may read groups. */
  groups(top?: number): Promise<Group[]>;
  /** The first `top` Intune apps: enough to prove the app may read them. */
  mobileApps(top?: number): Promise<MobileApp[]>;
  detectedApps(): AsyncIterable<Page<DetectedApp>>;
  retire(deviceId: string): Promise<GraphReceipt>;
  wipe(deviceId: string, options?: WipeOptions): Promise<GraphReceipt>;
  remoteLock(deviceId: string): Promise<GraphReceipt>;
  syncDevice(deviceId: string): Promise<GraphReceipt>;
  /** Removes the device record from Intune (DELETE). */
  deleteDevice(deviceId: string): Promise<GraphReceipt>;
}

const DEVICES = '/deviceManagement/managedDevices';

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? realSleep;
  const transport = createTransport({
    baseUrl: graphBaseUrl(options.cloud),
    getAccessToken: options.getAccessToken,
    grantedScopes: options.grantedScopes,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    sleep,
    now,
    random: options.random ?? Math.random,
    limiter: options.limiter ?? createSlidingWindowLimiter({ now, sleep }),
    retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
    ...(options.retryUntil === undefined ? {} : { retryUntil: options.retryUntil }),
  });

  const get = <Schema extends z.ZodType>(url: string, scopes: readonly string[], schema: Schema) =>
    transport.json({ method: 'GET', url, scopes }, schema);

  async function* pages<Item extends z.ZodType>(firstUrl: string, scopes: readonly string[], item: Item): AsyncGenerator<Page<z.output<Item>>> {
    const schema = collectionSchema(item);
    let url: string | undefined = firstUrl;
    while (url !== undefined) {
      const page: z.output<typeof schema> = await get(url, scopes, schema);
      // The whole link, as is: Microsoft forbids rebuilding it from $skiptoken.
      url = page['@odata.nextLink'];
      yield { items: page.value, totalCount: page['@odata.count'] ?? null, ...(url === undefined ? {} : { nextLink: url }) };
    }
  }

  const firstItems = async <Item extends z.ZodType>(path: string, top: number, scopes: readonly string[], item: Item) =>
    (await get(withQuery(path, { $top: String(top) }), scopes, collectionSchema(item))).value;

  const action = async (deviceId: string, name: string, body?: unknown) =>
    transport.noContent({ method: 'POST', url: `${devicePath(deviceId)}/${name}`, body, scopes: REQUIRED_SCOPES.devicesPrivileged });

  return {
    getDevice: async (id, { select } = {}) =>
      get(withQuery(devicePath(id), { $select: select && selectDeviceFields(select) }), REQUIRED_SCOPES.devicesRead, ManagedDeviceSchema),

    listDevices: ({ select, filter, count, top, continueFrom } = {}) => {
      if (continueFrom !== undefined) return pages(continueFrom, REQUIRED_SCOPES.devicesRead, ManagedDeviceSchema);
      if (count) refuseCountWith(filter);
      const query = {
        $select: select && selectDeviceFields(select),
        $filter: filter?.expression,
        $count: count ? 'true' : undefined,
        $top: top === undefined ? undefined : String(top),
      };
      return pages(withQuery(DEVICES, query), REQUIRED_SCOPES.devicesRead, ManagedDeviceSchema);
    },

    countDevices: async ({ filter } = {}) => {
      refuseCountWith(filter);
      return get(withQuery(`${DEVICES}/$count`, { $filter: filter?.expression }), REQUIRED_SCOPES.devicesRead, CountSchema);
    },

    me: async () => get('/me', REQUIRED_SCOPES.me, UserSchema),
    user: async (idOrUserPrincipalName) => get(`/users/${pathSegment(idOrUserPrincipalName)}`, REQUIRED_SCOPES.users, UserSchema),
    users: async (top = 1) => firstItems('/users', top, REQUIRED_SCOPES.users, UserSchema),
    groups: async (top = 1) => firstItems('/groups', top, REQUIRED_SCOPES.groups, GroupSchema),
    mobileApps: async (top = 1) => firstItems('/deviceAppManagement/mobileApps', top, REQUIRED_SCOPES.appsRead, MobileAppSchema),
    detectedApps: () => pages('/deviceManagement/detectedApps', REQUIRED_SCOPES.devicesRead, DetectedAppSchema),

    retire: (deviceId) => action(deviceId, 'retire'),
    wipe: async (deviceId, wipeOptions = {}) => {
      const body = WipeOptionsSchema.safeParse(wipeOptions);
      if (!body.success) throw new InvalidRequestError(`Invalid wipe options: ${describeIssues(body.error)}`);
      return action(deviceId, 'wipe', body.data);
    },
    remoteLock: (deviceId) => action(deviceId, 'remoteLock'),
    syncDevice: (deviceId) => action(deviceId, 'syncDevice'),
    deleteDevice: async (deviceId) =>
      transport.noContent({ method: 'DELETE', url: devicePath(deviceId), scopes: REQUIRED_SCOPES.devicesDelete }),
  };
}

function devicePath(id: string): string {
  return `${DEVICES}/${pathSegment(id)}`;
}

/** One path segment; an empty id would turn "DELETE device" into a request on the whole collection. */
function pathSegment(value: string): string {
  if (value.trim() === '') throw new InvalidRequestError('An id is required.');
  return encodeURIComponent(value);
}

/** Microsoft documents that a filter on some properties cannot be combined with a count. */
function refuseCountWith(filter: DeviceFilter | undefined): void {
  const field = filter?.fields.find((key) => DEVICE_FIELDS[key].filterNotWithCount);
  if (field) throw new InvalidRequestError(`A filter on ${field} cannot be combined with a count (Microsoft documents this limit).`);
}
