import { json, type SandboxRequest, type SandboxResponse } from '../http.ts';
import { columnListing } from './columns.ts';
import { createRecords, deleteRecords, readRecord, updateRecords, writeEach } from './records.ts';
import { queryTarget, readTarget, readWrite, requireQuery } from './request.ts';
import { parseSearch, runSearch } from './search.ts';
import type { AssetPandaState, Collection } from './state.ts';
import { findCollection, problem, success, type Outcome } from './tenant.ts';
import {
  apiAccount,
  apiCollection,
  apiModule,
  CREATED,
  deletedRecordId,
  deleteEnvelope,
  itemEnvelope,
  listedCollections,
  listedModules,
  listEnvelope,
  recordResults,
  searchEnvelope,
  writeEnvelope,
} from './unpublished-shapes.ts';

/** Published: PUT and DELETE /collection-records "can process at most 5 records per request". */
const MAX_RECORDS_PER_WRITE = 5;

export interface RouteContext {
  req: SandboxRequest;
  state: AssetPandaState;
  nowMs: number;
  /** The path's captured segments. */
  params: string[];
}

export interface Route {
  method: string;
  path: RegExp;
  access: 'read' | 'write';
  handle(context: RouteContext): Outcome<SandboxResponse>;
}

const ok = (value: unknown) => success(json(200, value));

/** GET /<kind>/{id}: one item in its envelope, or 404 naming the id. */
function itemById<T>(kind: string, find: (state: AssetPandaState, id: string) => T | undefined, toApi: (item: T) => unknown): Route {
  return {
    method: 'GET',
    path: new RegExp(`^/${kind.toLowerCase()}/([^/]+)$`),
    access: 'read',
    handle: ({ state, params: [id = ''] }) => {
      const item = find(state, id);
      return item ? ok(itemEnvelope(toApi(item))) : problem(404, `${kind} ${id} not found.`);
    },
  };
}

export const routes: Route[] = [
  {
    method: 'GET',
    path: /^\/accounts$/,
    access: 'read',
    handle: ({ state }) => ok(listEnvelope(state.accounts.map(apiAccount), state.answerStyle)),
  },
  itemById('Account', (state, id) => state.accounts.find((a) => a.id === id), apiAccount),
  {
    method: 'GET',
    path: /^\/modules$/,
    access: 'read',
    handle: ({ req, state }) => {
      const query = requireQuery(req, ['accountId']);
      if (!query.ok) return query;
      const { accountId } = query.value;
      if (!state.accounts.some((a) => a.id === accountId)) return problem(404, `Account ${accountId} not found.`);
      return ok(listEnvelope(listedModules(state.modules.filter((m) => m.accountId === accountId), state.answerStyle), state.answerStyle));
    },
  },
  itemById('Module', (state, id) => state.modules.find((m) => m.id === id), apiModule),
  {
    method: 'GET',
    path: /^\/collections$/,
    access: 'read',
    handle: ({ req, state }) => {
      const query = requireQuery(req, ['accountId', 'moduleId']);
      if (!query.ok) return query;
      const { accountId, moduleId } = query.value;
      if (!state.modules.some((m) => m.id === moduleId && m.accountId === accountId)) {
        return problem(404, `Module ${moduleId} not found in account ${accountId}.`);
      }
      const inModule = (collections: Collection[]) => collections.filter((c) => c.moduleId === moduleId);
      return ok(listEnvelope(listedCollections(inModule(state.collections), inModule(state.deletedCollections), state.answerStyle), state.answerStyle));
    },
  },
  itemById('Collection', findCollection, apiCollection),
  {
    method: 'GET',
    path: /^\/collection-columns$/,
    access: 'read',
    handle: ({ req, state }) => {
      const found = queryTarget(state, req);
      return found.ok ? ok(columnListing(found.value, state.answerStyle)) : found;
    },
  },
  {
    method: 'POST',
    path: /^\/collection-records\/search$/,
    access: 'read',
    handle: ({ req, state }) => {
      const target = readTarget(state, req);
      if (!target.ok) return target;
      const { body, collection } = target.value;
      const query = parseSearch(state, collection, body);
      if (!query.ok) return query;
      const { page, total } = runSearch(state, collection, query.value);
      const data = page.map((record) => readRecord(state, collection, record));
      return ok(searchEnvelope(data, total, query.value.from, query.value.size, state.answerStyle));
    },
  },
  {
    method: 'GET',
    path: /^\/collection-record\/([^/]+)$/,
    access: 'read',
    handle: ({ req, state, params: [recordId] }) => {
      const found = queryTarget(state, req);
      if (!found.ok) return found;
      const record = found.value.records.get(recordId ?? '');
      if (!record) return problem(404, `Record ${recordId} not found in collection ${found.value.id}.`);
      return ok(itemEnvelope(readRecord(state, found.value, record)));
    },
  },
  {
    method: 'POST',
    path: /^\/collection-records$/,
    access: 'write',
    handle: ({ req, state, nowMs }) => {
      const write = readWrite(state, req);
      if (!write.ok) return write;
      const { collection, records } = write.value;
      if (state.answerStyle === 'observed') {
        return success(json(CREATED, recordResults(writeEach(records, (one) => createRecords(state, collection, one, nowMs)))));
      }
      const created = createRecords(state, collection, records, nowMs);
      if (!created.ok) return created;
      return success(json(CREATED, writeEnvelope(created.value.map((record) => readRecord(state, collection, record)))));
    },
  },
  {
    method: 'PUT',
    path: /^\/collection-records$/,
    access: 'write',
    handle: ({ req, state, nowMs }) => {
      const write = readWrite(state, req, MAX_RECORDS_PER_WRITE);
      if (!write.ok) return write;
      const { collection, records } = write.value;
      if (state.answerStyle === 'observed') return ok(recordResults(writeEach(records, (one) => updateRecords(state, collection, one, nowMs))));
      const updated = updateRecords(state, collection, records, nowMs);
      if (!updated.ok) return updated;
      return ok(writeEnvelope(updated.value.map((record) => readRecord(state, collection, record))));
    },
  },
  {
    method: 'DELETE',
    path: /^\/collection-records$/,
    access: 'write',
    handle: ({ req, state }) => {
      const write = readWrite(state, req, MAX_RECORDS_PER_WRITE);
      if (!write.ok) return write;
      const { collection, records } = write.value;
      const ids = records.map(deletedRecordId);
      const invalid = ids.findIndex((id) => id === undefined);
      if (invalid >= 0) {
        return problem(400, 'Every record must contain recordId.', [{ recordIndex: invalid, field: 'recordId', message: 'recordId is required.' }]);
      }
      const deleted = deleteRecords(collection, ids.filter((id) => id !== undefined));
      return deleted.ok ? ok(deleteEnvelope(deleted.value)) : deleted;
    },
  },
];
