import type { SandboxResponse } from '../http.ts';
import { DETECTED_APP_PLATFORMS } from '../../../lib/graph/enums.ts';
import { hasApp } from './catalogs.ts';
import { type GraphContext, ok } from './context.ts';
import { listDevices } from './device-routes.ts';
import { intuneError, intuneFailureText } from './errors.ts';
import { compileFilter, type FieldSpec, type FilterDialect } from './filter-compile.ts';
import { parseFilter } from './odata-filter.ts';
import { contextUrl, pageOf, parseSelect, parseTop, pick, wantsCount } from './odata.ts';

/** Assumption: Intune pages these catalogs like managedDevices (at most 1000 a page). */
const CATALOG_PAGE_SIZE = 1000;

const DETECTED_APP_FIELDS = {
  id: 'string',
  displayName: 'string',
  version: 'string',
  sizeInByte: 'number',
  deviceCount: 'number',
  publisher: 'string',
  platform: 'enum',
} as const;

const MOBILE_APP_FIELDS = {
  id: 'string',
  displayName: 'string',
  description: 'string',
  publisher: 'string',
  largeIcon: 'other',
  createdDateTime: 'dateTime',
  lastModifiedDateTime: 'dateTime',
  isFeatured: 'boolean',
  privacyInformationUrl: 'string',
  informationUrl: 'string',
  owner: 'string',
  developer: 'string',
  notes: 'string',
  publishingState: 'enum',
} as const;

/**
 * The CSDL documents no `$filter` support for these resources; the sandbox assumes `eq` (and
 * `contains` on text), with Intune's handling of anything else.
 */
function catalogDialect(typeName: string, fields: Readonly<Record<string, FieldSpec['type']>>, members: Record<string, readonly string[]>): FilterDialect {
  return {
    typeName,
    errorCode: 'BadRequest',
    fields: Object.fromEntries(
      Object.entries(fields).map(([name, type]): [string, FieldSpec] => [
        name,
        { type, members: members[name], ops: type === 'string' ? ['eq', 'contains', 'or'] : ['eq', 'or'] },
      ]),
    ),
  };
}

const DETECTED_APPS = {
  set: 'deviceManagement/detectedApps',
  typeName: 'microsoft.graph.detectedApp',
  selectable: new Set<string>([...Object.keys(DETECTED_APP_FIELDS), 'managedDevices']),
  dialect: catalogDialect('microsoft.graph.detectedApp', DETECTED_APP_FIELDS, { platform: DETECTED_APP_PLATFORMS }),
};

const MOBILE_APPS = {
  set: 'deviceAppManagement/mobileApps',
  typeName: 'microsoft.graph.mobileApp',
  selectable: new Set<string>([...Object.keys(MOBILE_APP_FIELDS), 'assignments', 'categories']),
  dialect: catalogDialect('microsoft.graph.mobileApp', MOBILE_APP_FIELDS, { publishingState: ['notPublished', 'processing', 'published'] }),
};

type Catalog = typeof DETECTED_APPS;

export function listDetectedApps(ctx: GraphContext): SandboxResponse {
  return listCatalog(ctx, DETECTED_APPS, ctx.state.detectedApps);
}

export function getDetectedApp(ctx: GraphContext): SandboxResponse {
  return getFromCatalog(ctx, DETECTED_APPS, ctx.state.detectedApps);
}

/** GET /detectedApps/{id}/managedDevices: the devices the app was found on, paged like the device list. */
export function detectedAppDevices(ctx: GraphContext): SandboxResponse {
  const app = ctx.state.detectedApps.find((a) => a.id === ctx.params[0]);
  if (!app) return notFound(ctx, DETECTED_APPS);
  const devices = ctx.state.devices.filter((device) => hasApp(device, app));
  return listDevices({ ...ctx, state: { ...ctx.state, devices } });
}

export function listMobileApps(ctx: GraphContext): SandboxResponse {
  return listCatalog(ctx, MOBILE_APPS, ctx.state.mobileApps);
}

export function getMobileApp(ctx: GraphContext): SandboxResponse {
  return getFromCatalog(ctx, MOBILE_APPS, ctx.state.mobileApps);
}

function listCatalog<T extends { id: string }>(ctx: GraphContext, catalog: Catalog, items: readonly T[]): SandboxResponse {
  const { req } = ctx;
  const select = parseSelect(req, catalog.selectable, catalog.typeName);
  const filter = req.url.searchParams.get('$filter');
  const matching = filter ? items.filter(compileFilter(parseFilter(filter), catalog.dialect)) : items;
  const page = pageOf(req, matching, parseTop(req, CATALOG_PAGE_SIZE, 'clamp') ?? CATALOG_PAGE_SIZE);
  return ok({
    '@odata.context': contextUrl(req, catalog.set, select),
    ...(wantsCount(req) ? { '@odata.count': matching.length } : {}),
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.items.map((item) => view(item, select)),
  });
}

function getFromCatalog<T extends { id: string }>(ctx: GraphContext, catalog: Catalog, items: readonly T[]): SandboxResponse {
  const item = items.find((i) => i.id === ctx.params[0]);
  if (!item) return notFound(ctx, catalog);
  const select = parseSelect(ctx.req, catalog.selectable, catalog.typeName);
  return ok({ '@odata.context': contextUrl(ctx.req, catalog.set, select, true), ...view(item, select) });
}

/** The item, or its `@odata.type`, id and selected properties. */
function view(item: object, select: string[] | undefined): Record<string, unknown> {
  const source = item as Record<string, unknown>;
  return select ? pick(source, ['@odata.type', 'id', ...select]) : { ...source };
}

function notFound(ctx: GraphContext, catalog: Catalog): SandboxResponse {
  return intuneError(404, 'ResourceNotFound', intuneFailureText(`/${catalog.set}('${ctx.params[0] ?? ''}')`), ctx.ids);
}
