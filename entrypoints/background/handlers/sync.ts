import type { syncMessages } from '../../../lib/messaging/sync-messages';
import type { HandlersFor } from '../../../lib/messaging/router';
import { historyCsv } from '../../../lib/runs/history';
import { runReports } from '../../../lib/runs/reports';
import type { BackgroundServices } from '../services';

const today = () => new Date().toISOString().slice(0, 10);
/** A file name part from a mapping's name: letters, digits and dashes. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'mapping';

export function syncHandlers({ sync }: BackgroundServices): HandlersFor<keyof typeof syncMessages> {
  const { manager, scheduler, store, lastMapping, mappings } = sync;
  const reports = runReports(store, (id) => mappings.get(id));

  return {
    async getSyncOverview() {
      const [runs, schedules, last] = await Promise.all([manager.recent(), scheduler.upcoming(), lastMapping.load()]);
      return { runs, schedules, lastMappingId: last ?? null };
    },
    async startSync({ mappingId, mode }) {
      const run = await manager.start(mappingId, mode, 'manual');
      await lastMapping.save(mappingId);
      return manager.view(run.id);
    },
    getSyncRun: ({ runId }) => manager.view(runId),
    async continueSync({ runId }) {
      const run = await manager.continue(runId);
      return manager.view(run.id);
    },
    async cancelSync({ runId }) {
      const run = await manager.cancel(runId);
      return manager.view(run.id);
    },
    listSyncRuns: () => store.list(),
    getSyncLines: ({ runId, filter, search, offset, limit }) => reports.page(runId, filter, search, offset, limit),
    async exportSyncReportCsv({ runId, filter, search }) {
      const run = await manager.view(runId);
      return { fileName: `intune-sync-${slug(run.run.mappingName)}-${new Date(run.run.startedAt).toISOString().slice(0, 10)}-${run.run.mode}.csv`, csv: await reports.csv(runId, filter, search) };
    },
    async exportSyncHistoryCsv() {
      const { runs } = await store.list();
      return { fileName: `intune-sync-history-${today()}.csv`, csv: historyCsv(runs) };
    },
  };
}
