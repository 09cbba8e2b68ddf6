import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { RunStatus } from '../../components/sync/RunStatus';
import { isLive, useRunView } from '../../components/sync/useRunView';
import { useTask } from '../../components/useTask';
import '../../components/sync/sync.css';
import { callBackground } from '../../lib/browser/messaging';
import type { Mapping } from '../../lib/mapping/schema';
import type { ResponseOf } from '../../lib/messaging/protocol';

type Overview = ResponseOf<'getSyncOverview'>;

const reportHref = (runId: string) => `options.html#history/${encodeURIComponent(runId)}`;

/**
 * The popup's quick sync: a mapping (the one used last first), Preview or Sync now, the run's progress
 * with counts and time left, Cancel, and its result with a link to the full report.
 */
export function QuickSync() {
  const [mappings, setMappings] = useState<Mapping[]>();
  const [overview, setOverview] = useState<Overview>();
  const [chosenId, setChosenId] = useState<string>();
  const { busy, failure, run } = useTask();
  const chosen = mappings?.find((mapping) => mapping.id === chosenId) ?? mappings?.find((mapping) => mapping.id === overview?.lastMappingId) ?? mappings?.[0];
  const { view, setView, problem } = useRunView(overview?.runs.find((candidate) => candidate.run.mappingId === chosen?.id));

  useEffect(() => {
    void run('Loading…', async () => {
      const [listed, next] = await Promise.all([callBackground('listMappings', {}), callBackground('getSyncOverview', {})]);
      setMappings(listed.mappings.flatMap((entry) => (entry.readable ? [entry.mapping] : [])));
      setOverview(next);
    });
  }, []);

  if (mappings?.length === 0) return null;
  const start = (mode: 'preview' | 'sync') =>
    chosen && run(mode === 'preview' ? 'Previewing…' : 'Starting…', async () => setView(await callBackground('startSync', { mappingId: chosen.id, mode })));
  const act = (label: string, type: 'continueSync' | 'cancelSync') => view && void run(label, async () => setView(await callBackground(type, { runId: view.run.id })));
  const running = view !== undefined && isLive(view);

  return (
    <section class="quick-sync" data-testid="quick-sync" aria-labelledby="quick-sync-heading">
      <h2 id="quick-sync-heading">Sync</h2>
      {mappings && chosen && (
        <>
          <div class="field">
            <label for="quick-sync-mapping">Mapping</label>
            <select id="quick-sync-mapping" value={chosen.id} onChange={(event) => setChosenId(event.currentTarget.value)}>
              {mappings.map((mapping) => (
                <option key={mapping.id} value={mapping.id}>
                  {mapping.name}
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="button" class="secondary" disabled={busy !== undefined || running} onClick={() => void start('preview')}>
              Preview
            </button>
            <button type="button" disabled={busy !== undefined || running} onClick={() => void start('sync')}>
              Sync now
            </button>
          </div>
        </>
      )}
      {failure && <Notice tone="error">{failure}</Notice>}
      {problem && <Notice tone="warn">{problem}</Notice>}
      {view && view.run.mappingId === chosen?.id && (
        <RunStatus
          view={view}
          busy={busy !== undefined}
          onCancel={() => act('Stopping…', 'cancelSync')}
          onContinue={() => act('Continuing…', 'continueSync')}
          reportHref={reportHref(view.run.id)}
        />
      )}
    </section>
  );
}
