import { json, type SandboxRequest, type SandboxResponse } from '../http.ts';
import { columnListing } from './columns.ts';
import { createRecords, deleteRecords, readRecord, updateRecords } from './records.ts';
import { readRecordList, readTarget, requireQuery } from './request.ts';
import { parseSearch, runSearch } from './search.ts';
import type { AssetPandaState } from './state.ts';
import { collectionInTenant, findCollection, problem, success, type Outcome } from './tenant.ts';
import {
  apiAccount,
  apiCollection,
  apiModule,
  CREATED,
  deletedRecordId,
  deleteEnvelope,
  itemEnvelope,
  listEnvelope,
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

export const routes: Route[] = [
  {
    method: 'GET',
    path: /^\/accounts$/,
    access: 'read',
    handle: ({ state }) => ok(listEnvelope(state.accounts.map(apiAccount))),
  },
  {
    method: 'GET',
    path: /^\/account\/([^/]+)$/,
    access: 'read',
    handle: ({ state, params: [id] }) => {
      const account = state.accounts.find((a) => a.id === id);
      return account ? ok(itemEnvelope(apiAccount(account))) : problem(404, `Account ${id} not found.`);
    },
  },
  {
    method: 'GET',
    path: /^\/modules$/,
    access: 'read',
    handle: ({ req, state }) => {
      const query = requireQuery(req, ['accountId']);
      if (!query.ok) return query;
      const { accountId } = query.value;
      if (!state.accounts.some((a) => a.id === accountId)) return problem(404, `Account ${accountId} not found.`);
      return ok(listEnvelope(state.modules.filter((m) => m.accountId === accountId).map(apiModule)));
    },
  },
  {
    method: 'GET',
    path: /^\/module\/([^/]+)$/,
    access: 'read',
    handle: ({ state, params: [id] }) => {
      const module = state.modules.find((m) => m.id === id);
      return module ? ok(itemEnvelope(apiModule(module))) : problem(404, `Module ${id} not found.`);
    },
  },
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
      return ok(listEnvelope(state.collections.filter((c) => c.moduleId === moduleId).map(apiCollection)));
    },
  },
  {
    method: 'GET',
    path: /^\/collection\/([^/]+)$/,
    access: 'read',
    handle: ({ state, params: [id] }) => {
      const collection = findCollection(state, id ?? '');
      return collection ? ok(itemEnvelope(apiCollection(collection))) : problem(404, `Collection ${id} not found.`);
    },
  },
  {
    method: 'GET',
    path: /^\/collection-columns$/,
    access: 'read',
    handle: ({ req, state }) => {
      const query = requireQuery(req, ['collectionId', 'accountId', 'moduleId']);
      if (!query.ok) return query;
      const found = collectionInTenant(state, query.value, query.value.collectionId);
      return found.ok ? ok(columnListing(found.value)) : found;
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
      return ok(searchEnvelope(data, total, query.value.from, query.value.size));
    },
  },
  {
    method: 'GET',
    path: /^\/collection-record\/([^/]+)$/,
    access: 'read',
    handle: ({ req, state, params: [recordId] }) => {
      const query = requireQuery(req, ['collectionId', 'accountId', 'moduleId']);
      if (!query.ok) return query;
      const found = collectionInTenant(state, query.value, query.value.collectionId);
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
      const target = readTarget(state, req);
      if (!target.ok) return target;
      const { body, collection } = target.value;
      const records = readRecordList(body);
      if (!records.ok) return records;
      const created = createRecords(state, collection, records.value, nowMs);
      if (!created.ok) return created;
      return success(json(CREATED, writeEnvelope(created.value.map((record) => readRecord(state, collection, record)))));
    },
  },
  {
    method: 'PUT',
    path: /^\/collection-records$/,
    access: 'write',
    handle: ({ req, state, nowMs }) => {
      const target = readTarget(state, req);
      if (!target.ok) return target;
      const { body, collection } = target.value;
      const records = readRecordList(body, MAX_RECORDS_PER_WRITE);
      if (!records.ok) return records;
      const updated = updateRecords(state, collection, records.value, nowMs);
      if (!updated.ok) return updated;
      return ok(writeEnvelope(updated.value.map((record) => readRecord(state, collection, record))));
    },
  },
  {
    method: 'DELETE',
    path: /^\/collection-records$/,
    access: 'write',
    handle: ({ req, state }) => {
      const target = readTarget(state, req);
      if (!target.ok) return target;
      const { body, collection } = target.value;
      const records = readRecordList(body, MAX_RECORDS_PER_WRITE);
      if (!records.ok) return records;
      const ids = records.value.map(deletedRecordId);
      const invalid = ids.findIndex((id) => id === undefined);
      if (invalid >= 0) {
        return problem(400, 'Every record must contain recordId.', [{ recordIndex: invalid, field: 'recordId', message: 'recordId is required.' }]);
      }
      const deleted = deleteRecords(collection, ids.filter((id) => id !== undefined));
      return deleted.ok ? ok(deleteEnvelope(deleted.value)) : deleted;
    },
  },
];
