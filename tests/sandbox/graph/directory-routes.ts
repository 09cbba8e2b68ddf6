import type { DirectoryUser } from '../directory.ts';
import { header, type SandboxResponse } from '../http.ts';
import { fail, type GraphContext, hasAnyScope, insufficientPrivileges, ok, SCOPES } from './context.ts';
import {
  GROUP_DEFAULT_PROPERTIES,
  GROUP_PROPERTY_NAMES,
  groupResource,
  USER_BASIC_PROPERTIES,
  USER_DEFAULT_PROPERTIES,
  USER_PROPERTY_NAMES,
  userResource,
} from './directory-resources.ts';
import { badRequest, GraphRequestError } from './errors.ts';
import { compileFilter, type FieldSpec, type FilterDialect } from './filter-compile.ts';
import { parseFilter } from './odata-filter.ts';
import { contextUrl, pageOf, parseSelect, parseTop, pick, wantsCount } from './odata.ts';

/** Directory collections page at 100 by default and accept `$top` up to 999. */
const DIRECTORY_PAGE_SIZE = 100;
const DIRECTORY_MAX_TOP = 999;

const USER_TYPE = 'Microsoft.DirectoryServices.User';
const GROUP_TYPE = 'Microsoft.DirectoryServices.Group';

export function me(ctx: GraphContext): SandboxResponse {
  if (!hasAnyScope(ctx, SCOPES.self)) return insufficientPrivileges(ctx);
  return presentUser(ctx, ctx.user, 'full');
}

export function listUsers(ctx: GraphContext): SandboxResponse {
  const access = userAccess(ctx);
  if (!access) return insufficientPrivileges(ctx);
  const users = queryDirectory(ctx, ctx.world.directory.users, USER_FILTER, userResource);
  const select = parseSelect(ctx.req, USER_PROPERTY_NAMES, USER_TYPE, 'Request_BadRequest');
  return collection(ctx, 'users', select, users, (user) => userView(user, select, access));
}

export function getUser(ctx: GraphContext): SandboxResponse {
  const key = (ctx.params[0] ?? '').toLowerCase();
  const user = ctx.world.directory.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
  // Reading your own profile needs only User.Read.
  const access = user?.id === ctx.user.id && hasAnyScope(ctx, SCOPES.self) ? 'full' : userAccess(ctx);
  if (!access) return insufficientPrivileges(ctx);
  if (!user) return notFound(ctx);
  return presentUser(ctx, user, access);
}

export function listGroups(ctx: GraphContext): SandboxResponse {
  if (!hasAnyScope(ctx, SCOPES.groups)) return insufficientPrivileges(ctx);
  const domain = ctx.world.directory.tenantDomain;
  const groups = queryDirectory(ctx, ctx.world.directory.groups, GROUP_FILTER, (group) => groupResource(group, domain));
  const select = parseSelect(ctx.req, GROUP_PROPERTY_NAMES, GROUP_TYPE, 'Request_BadRequest');
  return collection(ctx, 'groups', select, groups, (group) => pick(groupResource(group, domain), select ?? GROUP_DEFAULT_PROPERTIES));
}

export function getGroup(ctx: GraphContext): SandboxResponse {
  if (!hasAnyScope(ctx, SCOPES.groups)) return insufficientPrivileges(ctx);
  const group = ctx.world.directory.groups.find((g) => g.id === (ctx.params[0] ?? '').toLowerCase());
  if (!group) return notFound(ctx);
  const select = parseSelect(ctx.req, GROUP_PROPERTY_NAMES, GROUP_TYPE, 'Request_BadRequest');
  return ok({
    '@odata.context': contextUrl(ctx.req, 'groups', select, true),
    ...pick(groupResource(group, ctx.world.directory.tenantDomain), select ?? GROUP_DEFAULT_PROPERTIES),
  });
}

type UserAccess = 'full' | 'basic';

function userAccess(ctx: GraphContext): UserAccess | undefined {
  if (hasAnyScope(ctx, SCOPES.usersFull)) return 'full';
  if (hasAnyScope(ctx, SCOPES.usersBasic)) return 'basic';
  return undefined;
}

function presentUser(ctx: GraphContext, user: DirectoryUser, access: UserAccess): SandboxResponse {
  const select = parseSelect(ctx.req, USER_PROPERTY_NAMES, USER_TYPE, 'Request_BadRequest');
  return ok({ '@odata.context': contextUrl(ctx.req, 'users', select, true), ...userView(user, select, access) });
}

/**
 * With User.ReadBasic.All only the basic profile comes back; other selected properties are left
 * out (assumption: the docs say the permission "constrains app access" to those properties).
 */
function userView(user: DirectoryUser, select: string[] | undefined, access: UserAccess): Record<string, unknown> {
  const names = (select ?? USER_DEFAULT_PROPERTIES).filter((name) => access === 'full' || USER_BASIC_PROPERTIES.has(name));
  return pick(userResource(user), names);
}

function collection<T extends { id: string }>(
  ctx: GraphContext,
  set: string,
  select: string[] | undefined,
  items: readonly T[],
  view: (item: T) => Record<string, unknown>,
): SandboxResponse {
  const { req } = ctx;
  const count = wantsCount(req);
  // The directory counts only in "advanced query" mode.
  if (count && header(req, 'consistencylevel')?.toLowerCase() !== 'eventual') throw badRequest('$count is not currently supported.', 'Request_BadRequest');
  const page = pageOf(req, items, parseTop(req, DIRECTORY_MAX_TOP, 'reject') ?? DIRECTORY_PAGE_SIZE);
  return ok({
    '@odata.context': contextUrl(req, set, select),
    ...(count ? { '@odata.count': items.length } : {}),
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.items.map(view),
  });
}

/** The items whose Graph representation (`resourceOf`) matches `$filter`. */
function queryDirectory<T>(ctx: GraphContext, items: readonly T[], dialect: FilterDialect, resourceOf: (item: T) => object): readonly T[] {
  const text = ctx.req.url.searchParams.get('$filter');
  if (text === null || text.trim() === '') return items;
  const matches = compileFilter(parseFilter(text), dialect);
  return items.filter((item) => matches(resourceOf(item)));
}

function notFound(ctx: GraphContext): SandboxResponse {
  return fail(
    ctx,
    404,
    'Request_ResourceNotFound',
    `Resource '${ctx.params[0] ?? ''}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** Filterable directory properties (default query mode); every other property is rejected. */
function directoryDialect(typeName: string, resource: string, names: ReadonlySet<string>, filterable: Record<string, FieldSpec>): FilterDialect {
  const fields: Record<string, FieldSpec> = {};
  for (const name of names) fields[name] = filterable[name] ?? { type: 'string', ops: [] };
  return {
    typeName,
    errorCode: 'Request_BadRequest',
    fields,
    rejectUndocumented: (property) =>
      new GraphRequestError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property '${property}' of resource '${resource}'.`),
  };
}

const text: FieldSpec = { type: 'string', ops: ['eq', 'startswith', 'in', 'or'] };

const USER_FILTER = directoryDialect(USER_TYPE, 'User', USER_PROPERTY_NAMES, {
  id: { type: 'guid', ops: ['eq', 'in', 'or'] },
  userPrincipalName: text,
  mail: text,
  displayName: text,
  givenName: text,
  surname: text,
  jobTitle: text,
  accountEnabled: { type: 'boolean', ops: ['eq'] },
});

const GROUP_FILTER = directoryDialect(GROUP_TYPE, 'Group', GROUP_PROPERTY_NAMES, {
  id: { type: 'guid', ops: ['eq', 'in', 'or'] },
  displayName: text,
  mail: text,
  mailNickname: text,
  mailEnabled: { type: 'boolean', ops: ['eq'] },
  securityEnabled: { type: 'boolean', ops: ['eq'] },
});
