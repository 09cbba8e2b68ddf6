import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../../components/Notice';
import { RunLines } from '../../../components/sync/RunLines';
import { RunStatus } from '../../../components/sync/RunStatus';
import { isLive, useRunView } from '../../../components/sync/useRunView';
import { useTask } from '../../../components/useTask';
import '../../../components/sync/sync.css';
import { callBackground } from '../../../lib/browser/messaging';
import type { Mapping } from '../../../lib/mapping/schema';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import type { RunViewMessage } from '../../../lib/messaging/sync-messages';
import { scheduleText } from '../../../lib/runs/schedule';
import { routeHash, type Route } from '../route';
import { saveCsv } from './save-csv';

type Overview = ResponseOf<'getSyncOverview'>;

/**
 * Sync (`#sync`, `#sync/<mappingId>`): choose a mapping, preview what a sync would do (counts, and
 * every record's before → after, filtered and searched, as CSV), sync now, and follow, continue or
 * discard its run. The schedule says when it runs next.
 */
export function SyncPart({ route }: { route: Route }) {
  const [mappings, setMappings] = useState<Mapping[]>();
  const [overview, setOverview] = useState<Overview>();
  const { busy, failure, run } = useTask();
  const chosen = mappings?.find((mapping) => mapping.id === route.item) ?? mappings?.find((mapping) => mapping.id === overview?.lastMappingId) ?? mappings?.[0];
  const newest = overview?.runs.find((view) => view.run.mappingId === chosen?.id);
  const { view, setView, problem } = useRunView(newest);
  const schedule = overview?.schedules.find((candidate) => candidate.mappingId === chosen?.id);

  const load = async () => {
    const [listed, next] = await Promise.all([callBackground('listMappings', {}), callBackground('getSyncOverview', {})]);
    setMappings(listed.mappings.flatMap((entry) => (entry.readable ? [entry.mapping] : [])));
    setOverview(next);
  };
  useEffect(() => {
    void run('Loading…', load);
  }, []);

  const start = (mode: 'preview' | 'sync') =>
    chosen && run(mode === 'preview' ? 'Previewing…' : 'Starting…', async () => setView(await callBackground('startSync', { mappingId: chosen.id, mode })));
  const act = (label: string, type: 'continueSync' | 'cancelSync') => view && run(label, async () => setView(await callBackground(type, { runId: view.run.id })));
  const running = view !== undefined && isLive(view);

  return (
    <section class="card" data-testid="sync-part" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p class="muted">
        Preview shows what a sync would do — records to create and update, field by field, and the conflicts it leaves alone — and writes nothing.
        Sync now writes it. A sync that stops (the browser closed, a sign-in expired, Asset Panda down) goes on from where it stopped.
      </p>
      {failure && <Notice tone="error">{failure}</Notice>}
      {problem && <Notice tone="warn">{problem}</Notice>}
      {mappings?.length === 0 && (
        <p data-testid="sync-no-mappings">
          No mappings yet. <a href={routeHash('mappings', 'new')}>Create a mapping</a> first.
        </p>
      )}
      {mappings && chosen && (
        <>
          <div class="field">
            <label for="sync-mapping">Mapping</label>
            <select id="sync-mapping" value={chosen.id} onChange={(event) => (location.hash = routeHash('sync', event.currentTarget.value))}>
              {mappings.map((mapping) => (
                <option key={mapping.id} value={mapping.id}>
                  {mapping.name}
                </option>
              ))}
            </select>
            <p class="field__hint" data-testid="sync-schedule">
              Collection {chosen.collection.name} · {scheduleText(chosen.behaviour.schedule)}
              {schedule?.nextAt ? ` · next scheduled sync ${new Date(schedule.nextAt).toLocaleString()}` : ''} ·{' '}
              <a href={routeHash('mappings', chosen.id)}>Edit the mapping</a>
            </p>
          </div>
          {schedule?.waiting && <Notice tone="warn">The scheduled sync waits for the Asset Panda passphrase: unlock it under Connections → Asset Panda.</Notice>}
          {schedule?.notStarted && (
            <Notice tone="warn">
              The scheduled sync of {new Date(schedule.notStarted.at).toLocaleString()} did not start: {schedule.notStarted.message}
            </Notice>
          )}
          <div class="actions">
            <button type="button" class="secondary" disabled={busy !== undefined || running} onClick={() => void start('preview')}>
              Preview
            </button>
            <button type="button" disabled={busy !== undefined || running} onClick={() => void start('sync')}>
              Sync now
            </button>
            {busy && <span class="muted">{busy}</span>}
          </div>
        </>
      )}
      {view && view.run.mappingId === chosen?.id && <RunPanel view={view} busy={busy !== undefined} act={act} />}
    </section>
  );
}

/** The mapping's current or newest run, and its plan once there is one. */
function RunPanel({ view, busy, act }: { view: RunViewMessage; busy: boolean; act: (label: string, type: 'continueSync' | 'cancelSync') => void }) {
  const finished = !isLive(view);
  return (
    <>
      <RunStatus
        view={view}
        busy={busy}
        onCancel={() => act('Stopping…', 'cancelSync')}
        onContinue={() => act('Continuing…', 'continueSync')}
        reportHref={routeHash('history', view.run.id)}
      />
      {view.run.plan && (
        <>
          <h3>{view.run.mode === 'preview' ? 'What a sync would do' : 'What this sync does'}</h3>
          <RunLines runId={view.run.id} onExport={saveCsv} refreshKey={finished ? view.run.status : view.run.updatedAt} />
        </>
      )}
    </>
  );
}
