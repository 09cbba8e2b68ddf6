import { z } from 'zod';
import { LINE_KINDS } from '../runs/report-lines';
import { PlanCountsSchema, PlanEntrySchema, RunRecordSchema, WriteCountsSchema, WriteStateSchema } from '../sync/run-documents';
import { message } from './message';

const IdSchema = z.string().min(1).max(100);
const RunIdSchema = z.object({ runId: IdSchema });

const SyncProgressSchema = z.object({
  runId: z.string(),
  mappingId: z.string(),
  phase: z.enum(['records', 'lookups', 'devices', 'orphans', 'writing']),
  done: z.number(),
  doneAtStart: z.number(),
  total: z.number().optional(),
  startedAt: z.number(),
  phaseStartedAt: z.number(),
  plan: PlanCountsSchema.optional(),
  written: WriteCountsSchema.optional(),
});

/** A run as the popup and the options page show it: stored, and while it runs its live progress. */
const RunViewSchema = z.object({
  run: RunRecordSchema,
  running: z.boolean(),
  progress: SyncProgressSchema.nullable(),
  waiting: z.object({ service: z.enum(['Asset Panda', 'Microsoft Intune']), until: z.number() }).nullable(),
});
export type RunViewMessage = z.infer<typeof RunViewSchema>;

const ScheduleViewSchema = z.object({
  mappingId: z.string(),
  nextAt: z.number().nullable(),
  waiting: z.boolean(),
  notStarted: z.object({ at: z.number(), message: z.string() }).nullable(),
});
export type ScheduleViewMessage = z.infer<typeof ScheduleViewSchema>;

export const LineFilterSchema = z.enum([...LINE_KINDS, 'failed', 'all']);
const LINES_PAGE = 200;

const CsvSchema = z.object({ fileName: z.string(), csv: z.string() });

/**
 * Sync runs: start, follow, continue, cancel, and their reports (extension pages only). The popup and
 * the options page follow a run by asking for it again (getSyncRun): that works across a restarted
 * service worker, which resumes the run from its checkpoint.
 */
export const syncMessages = {
  /** Every unfinished run and each mapping's newest, the schedules, and the mapping the admin used last. */
  getSyncOverview: message({
    from: ['page'],
    request: z.object({}),
    response: z.object({ runs: z.array(RunViewSchema), schedules: z.array(ScheduleViewSchema), lastMappingId: z.string().nullable() }),
  }),
  /** Starts a preview (nothing written) or a sync; answers once the run is stored, and it goes on in the background. */
  startSync: message({ from: ['page'], request: z.object({ mappingId: IdSchema, mode: z.enum(['preview', 'sync']) }), response: RunViewSchema }),
  getSyncRun: message({ from: ['page'], request: RunIdSchema, response: RunViewSchema }),
  /** Goes on with a paused run from its checkpoint (a mapping changed meanwhile is planned afresh: another run). */
  continueSync: message({ from: ['page'], request: RunIdSchema, response: RunViewSchema }),
  /** Cancels a running run after the requests in flight, or discards a paused one. What was written stays. */
  cancelSync: message({ from: ['page'], request: RunIdSchema, response: RunViewSchema }),
  listSyncRuns: message({ from: ['page'], request: z.object({}), response: z.object({ runs: z.array(RunRecordSchema), unreadable: z.number() }) }),
  /** A page of a run's report lines, of one kind (or the failed ones) and holding the search text. */
  getSyncLines: message({
    from: ['page'],
    request: RunIdSchema.extend({ filter: LineFilterSchema, search: z.string().max(200), offset: z.number().int().min(0), limit: z.number().int().min(1).max(LINES_PAGE) }),
    response: z.object({
      lines: z.array(z.object({ index: z.number(), entry: PlanEntrySchema, state: WriteStateSchema.optional() })),
      /** Lines the filter and search select. */
      total: z.number(),
      /** Lines of each kind in the whole report, and failed writes. */
      counts: z.record(LineFilterSchema.exclude(['all']), z.number()),
      /** Field names by id, for the values of a record to create. */
      fieldNames: z.record(z.string(), z.string()),
      /** The run has no stored plan (it paused before planning). */
      planned: z.boolean(),
    }),
  }),
  exportSyncReportCsv: message({ from: ['page'], request: RunIdSchema.extend({ filter: LineFilterSchema, search: z.string().max(200) }), response: CsvSchema }),
  exportSyncHistoryCsv: message({ from: ['page'], request: z.object({}), response: CsvSchema }),
};
