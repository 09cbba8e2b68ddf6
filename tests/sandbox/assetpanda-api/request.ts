import type { SandboxRequest } from '../http.ts';
import { asObject } from './json-object.ts';
import type { AssetPandaState, Collection } from './state.ts';
import { collectionInTenant, problem, success, type Outcome } from './tenant.ts';

/** The named query parameters; 400 naming those that are missing. */
export function requireQuery<N extends string>(req: SandboxRequest, names: readonly N[]): Outcome<Record<N, string>> {
  const missing = names.filter((name) => !req.url.searchParams.get(name));
  if (missing.length > 0) {
    return problem(400, `Missing query parameter ${missing.join(', ')}.`, missing.map((field) => ({ field, message: `${field} is required.` })));
  }
  return success(Object.fromEntries(names.map((name) => [name, req.url.searchParams.get(name) ?? ''])) as Record<N, string>);
}

/** The collection a read's query names by `accountId`, `moduleId` and `collectionId`. */
export function queryTarget(state: AssetPandaState, req: SandboxRequest): Outcome<Collection> {
  const query = requireQuery(req, ['collectionId', 'accountId', 'moduleId']);
  return query.ok ? collectionInTenant(state, query.value, query.value.collectionId) : query;
}

/** A records request's JSON body and the collection its `tenant` and `collectionId` name. */
export function readTarget(state: AssetPandaState, req: SandboxRequest): Outcome<{ body: Record<string, unknown>; collection: Collection }> {
  const body = asObject(req.json);
  if (!body) return problem(400, 'The request body must be a JSON object.');
  const tenant = asObject(body.tenant);
  const accountId = tenant?.accountId;
  const moduleId = tenant?.moduleId;
  const missing = [
    ...(typeof accountId === 'string' && accountId ? [] : ['tenant.accountId']),
    ...(typeof moduleId === 'string' && moduleId ? [] : ['tenant.moduleId']),
    ...(typeof body.collectionId === 'string' && body.collectionId ? [] : ['collectionId']),
  ];
  if (missing.length > 0) {
    return problem(400, `Missing ${missing.join(', ')}.`, missing.map((field) => ({ field, message: `${field} is required.` })));
  }
  const found = collectionInTenant(state, { accountId: String(accountId), moduleId: String(moduleId) }, String(body.collectionId));
  return found.ok ? success({ body, collection: found.value }) : found;
}

/** A write's collection and the body's `records`: a non-empty array of at most `max` items. */
export function readWrite(
  state: AssetPandaState,
  req: SandboxRequest,
  max = Number.POSITIVE_INFINITY,
): Outcome<{ collection: Collection; records: unknown[] }> {
  const target = readTarget(state, req);
  if (!target.ok) return target;
  const records = readRecordList(target.value.body, max);
  return records.ok ? success({ collection: target.value.collection, records: records.value }) : records;
}

function readRecordList(body: Record<string, unknown>, max: number): Outcome<unknown[]> {
  const records = body.records;
  if (!Array.isArray(records) || records.length === 0) {
    return problem(400, 'records must be a non-empty array.', [{ field: 'records', message: 'records is required.' }]);
  }
  if (records.length > max) {
    return problem(400, `This endpoint can process at most ${max} records per request.`, [
      { field: 'records', value: records.length, message: `At most ${max} records per request.` },
    ]);
  }
  return success(records);
}
