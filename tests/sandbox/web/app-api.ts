import { json, type SandboxRequest, type SandboxResponse } from '../http.ts';
import { isPulled } from '../assetpanda-api/columns.ts';
import { asObject } from '../assetpanda-api/json-object.ts';
import { recordValues, updateRecords } from '../assetpanda-api/records.ts';
import type { AssetPandaState, Collection, StoredRecord } from '../assetpanda-api/state.ts';
import { findCollection } from '../assetpanda-api/tenant.ts';
import { SANDBOX_ADMIN } from '../directory.ts';
import type { World } from '../world.ts';

/** Columns the record list shows, left to right. */
const LIST_COLUMNS = 5;
const LIST_PAGE_SIZE = 25;

/**
 * The web app's own backend (same origin, under /app-api/). How the real app talks to its backend is
 * not public; these shapes only serve the imitation's pages, on the same state as the public API.
 */
export function appApi(req: SandboxRequest, world: World): SandboxResponse {
  const state = world.assetPanda;
  const path = req.url.pathname.replace(/\/+$/, '');
  if (req.method === 'GET' && path === '/app-api/session') {
    return json(200, { organization: { name: state.organization.name, subdomain: state.organization.subdomain }, user: { name: SANDBOX_ADMIN.displayName } });
  }
  if (req.method === 'GET' && path === '/app-api/collections') {
    return json(200, { collections: state.collections.map((c) => ({ id: c.id, name: c.name, recordCount: c.records.size })) });
  }
  const link = /^\/app-api\/records\/([^/]+)$/.exec(path);
  if (link && req.method === 'GET') {
    const id = decodeURIComponent(link[1] ?? '');
    const holder = state.collections.find((c) => c.records.has(id));
    return holder ? json(200, { id, collectionId: holder.id }) : notFound('No such record.');
  }
  const [, collectionId, records, recordId] = /^\/app-api\/collections\/([^/]+)(?:(\/records)(?:\/([^/]+))?)?$/.exec(path) ?? [];
  const collection = collectionId ? findCollection(state, decodeURIComponent(collectionId)) : undefined;
  if (!collection) return notFound('No such collection.');
  if (!records) return req.method === 'GET' ? json(200, describeCollection(collection)) : notAllowed(req);
  if (!recordId) return req.method === 'GET' ? json(200, listRecords(state, collection, req.url.searchParams)) : notAllowed(req);
  const record = collection.records.get(decodeURIComponent(recordId));
  if (!record) return notFound('No such record.');
  if (req.method === 'GET') return json(200, describeRecord(state, collection, record));
  if (req.method === 'PATCH') return saveRecord(state, collection, record, req, world.now());
  return notAllowed(req);
}

function describeCollection(collection: Collection) {
  return {
    id: collection.id,
    name: collection.name,
    columns: collection.columns.map((c) => ({
      id: c.id,
      label: c.displayName,
      type: c.type,
      required: c.required,
      readOnly: isPulled(c),
      ...(c.options ? { options: c.options } : {}),
    })),
  };
}

function listRecords(state: AssetPandaState, collection: Collection, query: URLSearchParams) {
  const from = Math.max(0, Number.parseInt(query.get('from') ?? '0', 10) || 0);
  const records = [...collection.records.values()].slice(from, from + LIST_PAGE_SIZE);
  const columns = collection.columns.slice(0, LIST_COLUMNS);
  return {
    collection: { id: collection.id, name: collection.name },
    columns: columns.map((c) => ({ id: c.id, label: c.displayName, type: c.type })),
    records: records.map((record) => {
      const values = recordValues(state, collection, record);
      return { id: record.id, title: titleOf(collection, values), values: Object.fromEntries(columns.map((c) => [c.id, values[c.id] ?? null])) };
    }),
    total: collection.records.size,
    from,
    size: LIST_PAGE_SIZE,
  };
}

function describeRecord(state: AssetPandaState, collection: Collection, record: StoredRecord) {
  const values = recordValues(state, collection, record);
  return {
    id: record.id,
    title: titleOf(collection, values),
    collection: { id: collection.id, name: collection.name },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    fields: collection.columns.map((c) => ({ columnId: c.id, label: c.displayName, type: c.type, value: values[c.id] ?? null })),
  };
}

function saveRecord(state: AssetPandaState, collection: Collection, record: StoredRecord, req: SandboxRequest, nowMs: number): SandboxResponse {
  const values = asObject(asObject(req.json)?.values);
  if (!values) return json(400, { message: 'Send { values: { <columnId>: value } }.', errors: [] });
  const outcome = updateRecords(state, collection, [{ ...values, recordId: record.id }], nowMs);
  if (!outcome.ok) return json(outcome.problem.status, { message: outcome.problem.message, errors: outcome.problem.errors });
  return json(200, describeRecord(state, collection, record));
}

/** The record's title: the value of its collection's first column (Name in the seeded tenant). */
function titleOf(collection: Collection, values: Record<string, unknown>): string {
  const first = collection.columns[0];
  const value = first ? values[first.id] : undefined;
  return value === null || value === undefined || value === '' ? 'Untitled record' : String(value);
}

function notFound(message: string): SandboxResponse {
  return json(404, { message });
}

function notAllowed(req: SandboxRequest): SandboxResponse {
  return json(405, { message: `${req.method} is not allowed here.` });
}
