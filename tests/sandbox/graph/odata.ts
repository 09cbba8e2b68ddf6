import type { SandboxRequest } from '../http.ts';
import { badRequest } from './errors.ts';

/** `$select` names, validated against the resource's properties; undefined when absent. */
export function parseSelect(req: SandboxRequest, valid: ReadonlySet<string>, typeName: string, errorCode = 'BadRequest'): string[] | undefined {
  const raw = req.url.searchParams.get('$select');
  if (raw === null || raw.trim() === '') return undefined;
  const names = raw.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!valid.has(name)) throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`, errorCode);
  }
  return names;
}

/** `$top` as a page size; a larger value than `max` is clamped or rejected, as the resource does. */
export function parseTop(req: SandboxRequest, max: number, tooLarge: 'clamp' | 'reject'): number | undefined {
  const raw = req.url.searchParams.get('$top');
  if (raw === null) return undefined;
  const top = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(top)) throw badRequest(`Invalid value '${raw}' for $top query option found.`);
  if (top > max || top < 1) {
    if (tooLarge === 'clamp' && top > max) return max;
    const code = tooLarge === 'reject' ? 'Request_BadRequest' : 'BadRequest';
    throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${max} inclusive.`, code);
  }
  return top;
}

export function wantsCount(req: SandboxRequest): boolean {
  const raw = req.url.searchParams.get('$count');
  if (raw === null || raw === 'false') return false;
  if (raw === 'true') return true;
  throw badRequest(`Invalid value '${raw}' for $count query option found. Valid values are 'true', 'false'.`);
}

/** Where the next page starts: the index, and the id of the last item served (to survive deletions). */
interface PagePosition {
  next: number;
  lastId: string;
}

const TOKEN_PREFIX = 'X_SB';

/** An opaque continuation token: clients must follow @odata.nextLink, not build offsets. */
function encodeSkipToken(position: PagePosition): string {
  return TOKEN_PREFIX + Buffer.from(JSON.stringify([position.next, position.lastId]), 'utf8').toString('base64url');
}

function decodeSkipToken(token: string): PagePosition {
  try {
    if (!token.startsWith(TOKEN_PREFIX)) throw new Error('foreign token');
    const [next, lastId] = JSON.parse(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8')) as unknown[];
    if (typeof next !== 'number' || typeof lastId !== 'string') throw new Error('bad token');
    return { next, lastId };
  } catch {
    throw badRequest('The specified page token value has expired and can no longer be included in your request.', 'Request_BadRequest');
  }
}

export interface Page<T> {
  items: T[];
  nextLink?: string;
}

/** One page of `items` for this request (`$skiptoken`, `$skip`), with the link to the next one. */
export function pageOf<T extends { id: string }>(req: SandboxRequest, items: readonly T[], pageSize: number): Page<T> {
  const token = req.url.searchParams.get('$skiptoken');
  let start: number;
  if (token !== null) {
    const position = decodeSkipToken(token);
    if (items[position.next - 1]?.id === position.lastId) {
      start = position.next;
    } else {
      // The list changed since the last page (e.g. a device was deleted): resume after the last item served.
      const index = items.findIndex((item) => item.id === position.lastId);
      start = index >= 0 ? index + 1 : Math.max(0, position.next - 1);
    }
  } else {
    const skip = req.url.searchParams.get('$skip');
    start = skip !== null && /^\d+$/.test(skip) ? Number(skip) : 0;
  }
  const slice = items.slice(start, start + pageSize);
  const end = start + slice.length;
  const last = slice[slice.length - 1];
  if (end >= items.length || !last) return { items: slice };
  return { items: slice, nextLink: nextLinkFor(req, encodeSkipToken({ next: end, lastId: last.id })) };
}

function nextLinkFor(req: SandboxRequest, token: string): string {
  const params: string[] = [];
  for (const [name, value] of req.url.searchParams) {
    if (name === '$skiptoken' || name === '$skip') continue;
    params.push(`${name}=${encodeURIComponent(value)}`);
  }
  params.push(`$skiptoken=${token}`);
  return `https://${req.host}${req.url.pathname}?${params.join('&')}`;
}

/** `https://<host>/v1.0/$metadata#<path>(<select>)[/$entity]` */
export function contextUrl(req: SandboxRequest, path: string, select: string[] | undefined, entity = false): string {
  return `https://${req.host}/v1.0/$metadata#${path}${select ? `(${select.join(',')})` : ''}${entity ? '/$entity' : ''}`;
}

/** Copies the named properties in the order Graph serialises the entity. */
export function pick(source: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) if (name in source) out[name] = source[name];
  return out;
}
