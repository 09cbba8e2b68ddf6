import { noContent, type SandboxResponse } from '../http.ts';
import { OWNER_TYPES } from '../../../lib/graph/enums.ts';
import type { ManagedDevice } from '../fleet/managed-device.ts';
import { type GraphContext, ok } from './context.ts';
import { USER_DEFAULT_PROPERTIES, userResource } from './directory-resources.ts';
import { badRequest, intuneError, intuneFailureText } from './errors.ts';
import { compileFilter } from './filter-compile.ts';
import { DEVICE_FILTER_DIALECT, DEVICE_NAVIGATION_PROPERTIES, DEVICE_PROPERTIES, DEVICE_PROPERTY_NAMES } from './managed-device-rules.ts';
import { parseFilter } from './odata-filter.ts';
import { contextUrl, pageOf, parseSelect, parseTop, pick, wantsCount } from './odata.ts';

/** Intune serves at most 1000 devices a page (reference §3.1); a smaller `$top` sets the page size. */
const DEVICE_PAGE_SIZE = 1000;

const DEVICE_SET = 'deviceManagement/managedDevices';
const TYPE_NAME = 'microsoft.graph.managedDevice';
const SELECTABLE = new Set<string>([...DEVICE_PROPERTY_NAMES, ...DEVICE_NAVIGATION_PROPERTIES]);

export function listDevices(ctx: GraphContext): SandboxResponse {
  const { req } = ctx;
  const select = parseSelect(req, SELECTABLE, TYPE_NAME);
  const devices = queryDevices(ctx);
  const asked = parseTop(req, DEVICE_PAGE_SIZE, 'clamp') ?? DEVICE_PAGE_SIZE;
  const page = pageOf(req, devices, Math.max(1, Math.min(asked, ctx.state.pageSize)));
  return ok({
    '@odata.context': contextUrl(req, DEVICE_SET, select),
    ...(wantsCount(req) ? { '@odata.count': devices.length } : {}),
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.items.map((device) => present(device, select, false)),
  });
}

/** GET /managedDevices/$count: the number as plain text. */
export function countDevices(ctx: GraphContext): SandboxResponse {
  return { status: 200, headers: { 'content-type': 'text/plain;charset=utf-8' }, body: String(queryDevices(ctx).length) };
}

export function getDevice(ctx: GraphContext): SandboxResponse {
  const device = findDevice(ctx);
  if (!device) return deviceNotFound(ctx);
  const select = parseSelect(ctx.req, SELECTABLE, TYPE_NAME);
  return ok({ '@odata.context': contextUrl(ctx.req, DEVICE_SET, select, true), ...present(device, select, true) });
}

export function deleteDevice(ctx: GraphContext): SandboxResponse {
  const index = ctx.state.devices.findIndex((d) => d.id === ctx.params[0]);
  if (index < 0) return deviceNotFound(ctx);
  ctx.state.devices.splice(index, 1);
  return noContent();
}

/** The writable properties of a managedDevice (update docs); everything else is read-only. */
const WRITABLE: Readonly<Record<string, (value: unknown) => boolean>> = {
  managedDeviceName: (value) => value === null || typeof value === 'string',
  notes: (value) => value === null || typeof value === 'string',
  managedDeviceOwnerType: (value) => typeof value === 'string' && (OWNER_TYPES as readonly string[]).includes(value),
};

export function updateDevice(ctx: GraphContext): SandboxResponse {
  const device = findDevice(ctx);
  if (!device) return deviceNotFound(ctx);
  const body = ctx.req.json;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('The request body must be a managedDevice object.');
  }
  const changes = Object.entries(body as Record<string, unknown>).filter(([name]) => !name.startsWith('@odata.'));
  for (const [name, value] of changes) {
    if (!(name in DEVICE_PROPERTIES)) throw badRequest(`The property '${name}' does not exist on type '${TYPE_NAME}'.`);
    if (!WRITABLE[name]) throw badRequest(`The property '${name}' is read-only and cannot be updated.`);
    if (!WRITABLE[name](value)) throw badRequest(`Cannot convert the literal '${JSON.stringify(value)}' for the property '${name}'.`);
  }
  Object.assign(device, Object.fromEntries(changes));
  return ok({ '@odata.context': contextUrl(ctx.req, DEVICE_SET, undefined, true), ...present(device, undefined, true) });
}

/** GET /managedDevices/{id}/users: the primary user, if any. */
export function deviceUsers(ctx: GraphContext): SandboxResponse {
  const device = findDevice(ctx);
  if (!device) return deviceNotFound(ctx);
  const user = ctx.world.directory.users.find((u) => u.id === device.userId);
  return ok({
    '@odata.context': contextUrl(ctx.req, 'users', undefined),
    value: user ? [pick(userResource(user), USER_DEFAULT_PROPERTIES)] : [],
  });
}

export function findDevice(ctx: GraphContext): ManagedDevice | undefined {
  return ctx.state.devices.find((d) => d.id === ctx.params[0]);
}

/** Intune's 404: Graph's envelope around the Intune front end's failure. */
export function deviceNotFound(ctx: GraphContext): SandboxResponse {
  return intuneError(404, 'ResourceNotFound', intuneFailureText(`/deviceManagement/managedDevices('${ctx.params[0] ?? ''}')`), ctx.ids);
}

/** The devices this request's `$filter` and `$orderby` select, in page order. */
function queryDevices(ctx: GraphContext): ManagedDevice[] {
  const { req } = ctx;
  const filterText = req.url.searchParams.get('$filter');
  let devices = ctx.state.devices;
  if (filterText !== null && filterText.trim() !== '') {
    const expr = parseFilter(filterText);
    // CSDL: azureADDeviceId "Supports $filter operator 'eq', not combine with count".
    if (/\bazureADDeviceId\b/.test(filterText) && (wantsCount(req) || req.url.pathname.endsWith('/$count'))) {
      throw badRequest('Filtering on azureADDeviceId cannot be combined with $count.');
    }
    devices = devices.filter(compileFilter(expr, DEVICE_FILTER_DIALECT));
  }
  const orderBy = req.url.searchParams.get('$orderby');
  return orderBy ? sortDevices(devices, orderBy) : devices;
}

function sortDevices(devices: readonly ManagedDevice[], orderBy: string): ManagedDevice[] {
  const keys = orderBy.split(',').map((clause) => {
    const [name = '', direction = 'asc', ...rest] = clause.trim().split(/\s+/);
    const rule = DEVICE_PROPERTIES[name as keyof ManagedDevice] as (typeof DEVICE_PROPERTIES)[keyof ManagedDevice] | undefined;
    if (!rule) throw badRequest(`Could not find a property named '${name}' on type '${TYPE_NAME}'.`);
    if (rule.kind === 'complex' || rule.kind === 'collection' || rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) {
      throw badRequest(`Invalid $orderby clause '${clause.trim()}'.`);
    }
    return { name: name as keyof ManagedDevice, sign: direction === 'desc' ? -1 : 1 };
  });
  return devices.toSorted((a, b) => {
    for (const { name, sign } of keys) {
      const order = compareValues(a[name], b[name]);
      if (order !== 0) return order * sign;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en', { sensitivity: 'base' });
  return (a as number) < (b as number) ? -1 : 1;
}

/**
 * The device as this call shows it: the selected properties (id always), with non-default
 * properties at their list default unless a GET by id names them in `$select`.
 */
function present(device: ManagedDevice, select: string[] | undefined, byId: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of DEVICE_PROPERTY_NAMES) {
    if (select && name !== 'id' && !select.includes(name)) continue;
    const { listDefault } = DEVICE_PROPERTIES[name];
    const real = byId && select?.includes(name);
    out[name] = listDefault !== undefined && !real ? listDefault : device[name];
  }
  return out;
}
