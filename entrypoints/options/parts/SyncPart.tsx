import { Notice } from '../../../components/Notice';
import { RunLines } from '../../../components/sync/RunLines';
import { isLive } from '../../../components/sync/useRunView';
import { ChosenRun, MappingSelect, SyncButtons, SyncNotices, useSyncControls } from '../../../components/sync/useSyncControls';
import '../../../components/sync/sync.css';
import { scheduleText } from '../../../lib/runs/schedule';
import { routeHash, type Route } from '../route';

/**
 * Sync (`#sync`, `#sync/<mappingId>`): choose a mapping, preview what a sync would do (counts, and
 * every record's before → after, filtered and searched, as CSV), sync now, and follow, continue or
 * discard its run. The schedule says when it runs next.
 */
export function SyncPart({ route }: { route: Route }) {
  const controls = useSyncControls(route.item);
  const { mappings, chosen, schedule, view } = controls;

  return (
    <section class="card" data-testid="sync-part" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p class="muted">
        Preview shows what a sync would do — records to create and update, field by field, and the conflicts it leaves alone — and writes nothing.
        Sync now writes it. A sync that stops (the browser closed, a sign-in expired, Asset Panda down) goes on from where it stopped.
      </p>
      <SyncNotices controls={controls} />
      {mappings?.length === 0 && (
        <p data-testid="sync-no-mappings">
          No mappings yet. <a href={routeHash('mappings', 'new')}>Create a mapping</a> first.
        </p>
      )}
      {mappings && chosen && (
        <>
          <MappingSelect controls={controls} id="sync-mapping" onChoose={(mappingId) => (location.hash = routeHash('sync', mappingId))}>
            <p class="field__hint" data-testid="sync-schedule">
              Collection {chosen.collection.name} · {scheduleText(chosen.behaviour.schedule)}
              {schedule?.nextAt ? ` · next scheduled sync ${new Date(schedule.nextAt).toLocaleString()}` : ''} ·{' '}
              <a href={routeHash('mappings', chosen.id)}>Edit the mapping</a>
            </p>
          </MappingSelect>
          {schedule?.waiting && <Notice tone="warn">The scheduled sync waits for the Asset Panda passphrase: unlock it under Connections → Asset Panda.</Notice>}
          {schedule?.notStarted && (
            <Notice tone="warn">
              The scheduled sync of {new Date(schedule.notStarted.at).toLocaleString()} did not start: {schedule.notStarted.message}
            </Notice>
          )}
          <SyncButtons controls={controls} />
        </>
      )}
      {view && (
        <>
          <ChosenRun controls={controls} reportHref={(runId) => routeHash('history', runId)} />
          {view.run.plan && (
            <>
              <h3>{view.run.mode === 'preview' ? 'What a sync would do' : 'What this sync does'}</h3>
              <RunLines runId={view.run.id} mode={view.run.mode} refreshKey={isLive(view) ? view.run.updatedAt : view.run.status} />
            </>
          )}
        </>
      )}
    </section>
  );
}
