import { z } from 'zod';
import type { DocumentKind } from '../db/versioned';
import { PAUSE_CODES } from './pause';
import type { PlanEntry, WriteState } from './plan-types';
import type { RunRecord } from './run-store';

/**
 * The stored forms of a sync run and of each line of its plan (format 1 of each, lib/db/versioned.ts).
 * The same schemas check what the background sends the options page and the popup. Each is typed
 * against the engine's own types, so the two cannot drift apart unseen.
 */

const FieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const DeviceRefSchema = z.object({ id: z.string(), name: z.string().nullable(), serialNumber: z.string().nullable() });
const RecordRefSchema = z.object({ id: z.string(), keys: z.array(z.object({ fieldName: z.string(), value: z.string() })) });
/** `before` is absent where the field was empty (a JSON copy drops an undefined value): read as undefined. */
const FieldChangeSchema = z
  .object({ fieldId: z.string(), fieldName: z.string(), before: FieldValueSchema.optional(), after: FieldValueSchema })
  .transform(({ before, ...change }) => ({ ...change, before }));

export const PlanEntrySchema: z.ZodType<PlanEntry> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('create'), device: DeviceRefSchema, values: z.record(z.string(), FieldValueSchema), key: z.object({ fieldId: z.string(), value: z.string() }) }),
  z.object({ kind: z.literal('update'), device: DeviceRefSchema, record: RecordRefSchema, changes: z.array(FieldChangeSchema) }),
  z.object({
    kind: z.literal('missing'),
    record: RecordRefSchema,
    deviceId: z.string(),
    action: z.enum(['setValue', 'clearField', 'delete']),
    changes: z.array(FieldChangeSchema),
  }),
  z.object({ kind: z.literal('conflict'), reason: z.string(), devices: z.array(DeviceRefSchema), records: z.array(RecordRefSchema) }),
  z.object({ kind: z.literal('skipped'), device: DeviceRefSchema, reason: z.string() }),
  z.object({ kind: z.literal('orphan'), record: RecordRefSchema, deviceId: z.string(), reason: z.string() }),
  z.object({
    kind: z.literal('lookup'),
    device: DeviceRefSchema,
    record: RecordRefSchema.optional(),
    fieldId: z.string(),
    fieldName: z.string(),
    value: z.string(),
    reason: z.string(),
  }),
  z.object({ kind: z.literal('unchanged'), device: DeviceRefSchema, record: RecordRefSchema }),
]);

export const WriteStateSchema: z.ZodType<WriteState> = z.object({
  status: z.enum(['pending', 'sending', 'written', 'failed']),
  attempts: z.number().int().min(0),
  recordId: z.string().optional(),
  found: z.boolean().optional(),
  reason: z.string().optional(),
});

const CountSchema = z.number().int().min(0);
export const PlanCountsSchema = z.object({
  devices: CountSchema,
  records: CountSchema,
  creates: CountSchema,
  updates: CountSchema,
  unchanged: CountSchema,
  conflicts: CountSchema,
  skipped: CountSchema,
  orphans: CountSchema,
  lookupProblems: CountSchema,
});
export const WriteCountsSchema = z.object({
  created: CountSchema,
  updated: CountSchema,
  marked: CountSchema,
  deleted: CountSchema,
  failed: CountSchema,
  pending: CountSchema,
  found: CountSchema.optional(),
});
export const SyncPauseSchema = z.object({ code: z.enum(PAUSE_CODES), message: z.string(), at: z.number() });

export const RunRecordSchema: z.ZodType<RunRecord> = z.object({
  id: z.string(),
  mappingId: z.string(),
  mappingName: z.string(),
  mappingUpdatedAt: z.string(),
  collectionId: z.string(),
  mode: z.enum(['preview', 'sync']),
  trigger: z.enum(['manual', 'schedule', 'resume']),
  status: z.enum(['planning', 'previewed', 'applying', 'paused', 'done', 'cancelled']),
  startedAt: z.number(),
  updatedAt: z.number(),
  endedAt: z.number().optional(),
  plan: z.object({ counts: PlanCountsSchema, serverFiltered: z.boolean(), orphansChecked: z.boolean() }).optional(),
  written: WriteCountsSchema,
  pause: SyncPauseSchema.optional(),
  replaces: z.string().optional(),
  replacedBy: z.string().optional(),
  computeMs: z.number(),
});

/** A line of a run's plan as stored under [runId, index]: the entry and, for a write, where it stands. */
export interface StoredItem {
  entry: PlanEntry;
  state?: WriteState | undefined;
}

export const SYNC_RUN_DOCUMENT: DocumentKind<RunRecord> = { name: 'sync run', schema: RunRecordSchema, migrations: [] };

export const SYNC_ITEM_DOCUMENT: DocumentKind<StoredItem> = {
  name: 'sync report line',
  schema: z.object({ entry: PlanEntrySchema, state: WriteStateSchema.optional() }),
  migrations: [],
};

/** Under [runId, -1]: how many lines a run's stored plan has (a plan of none is still a plan). */
export const SYNC_PLAN_DOCUMENT: DocumentKind<{ lines: number }> = { name: 'sync plan', schema: z.object({ lines: CountSchema }), migrations: [] };

/** The run holding a mapping's lock (in `settings`, under `sync-lock:<mappingId>`). */
export const SYNC_LOCK_DOCUMENT: DocumentKind<{ runId: string }> = { name: 'sync lock', schema: z.object({ runId: z.string() }), migrations: [] };
