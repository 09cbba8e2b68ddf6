import type { Mapping } from '../mapping/schema';
import type { RunHistory } from '../sync/idb-run-store';
import type { RunRecord } from '../sync/run-store';
import { fieldNamesOf, lineCounts, linesOf, reportCsv, selectLines, type FieldNames, type LineFilter, type ReportLine } from './report-lines';

const FINAL = new Set<RunRecord['status']>(['previewed', 'done', 'cancelled']);

/**
 * A run's report, read for the options page page by page: the lines of a kind that hold a search
 * text, their counts, and the CSV. A finished run's lines are read once and kept while the admin
 * pages through them (a large plan is many documents); a running run's are read afresh each time.
 */
export function runReports(store: RunHistory, mapping: (id: string) => Promise<Mapping | undefined>) {
  let kept: { runId: string; lines: ReportLine[]; names: FieldNames; planned: boolean; preview: boolean } | undefined;

  async function read(runId: string) {
    if (kept?.runId === runId) return kept;
    const run = await store.loadRun(runId);
    const [plan, current] = await Promise.all([store.loadPlan(runId), run ? mapping(run.mappingId).catch(() => undefined) : undefined]);
    const report = { runId, lines: plan ? linesOf(plan) : [], names: fieldNamesOf(current), planned: plan !== undefined, preview: run?.mode === 'preview' };
    kept = run && FINAL.has(run.status) ? report : undefined;
    return report;
  }

  return {
    async page(runId: string, filter: LineFilter, search: string, offset: number, limit: number) {
      const { lines, names, planned } = await read(runId);
      const selected = selectLines(lines, filter, search, names);
      return {
        lines: selected.slice(offset, offset + limit).map(({ index, entry, state }) => (state ? { index, entry, state } : { index, entry })),
        total: selected.length,
        counts: lineCounts(lines),
        fieldNames: Object.fromEntries(names),
        planned,
      };
    },

    async csv(runId: string, filter: LineFilter, search: string): Promise<string> {
      const { lines, names, preview } = await read(runId);
      return reportCsv(selectLines(lines, filter, search, names), names, preview);
    },
  };
}
