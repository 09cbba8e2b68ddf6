import { useEffect, useState } from 'preact/hooks';
import { ExportCsvButton } from '../../../components/ExportCsvButton';
import { Notice } from '../../../components/Notice';
import { RunLines } from '../../../components/sync/RunLines';
import { RunStatus } from '../../../components/sync/RunStatus';
import { useRunView } from '../../../components/sync/useRunView';
import { UnreadableNotice } from '../../../components/UnreadableNotice';
import { useTask } from '../../../components/useTask';
import '../../../components/sync/sync.css';
import { callBackground } from '../../../lib/browser/messaging';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import type { RunViewMessage } from '../../../lib/messaging/sync-messages';
import { HISTORY_LIMITS } from '../../../lib/sync/idb-run-store';
import { planText, statusText, TRIGGER_LABELS, writtenText } from '../../../lib/runs/history';
import { routeHash, type Route } from '../route';

type Runs = ResponseOf<'listSyncRuns'>;

/** History: every sync and preview kept (`#history`), and one run's report (`#history/<runId>`). */
export function HistoryPart({ route }: { route: Route }) {
  return route.item === undefined ? <RunList /> : <RunReport key={route.item} runId={route.item} />;
}

function RunList() {
  const [runs, setRuns] = useState<Runs>();
  const { busy, failure, run } = useTask();
  useEffect(() => {
    void run('Loading…', async () => setRuns(await callBackground('listSyncRuns', {})));
  }, []);

  return (
    <section class="card" data-testid="history-part" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <p class="muted">
        Every sync — when it started and ended, what started it (by hand, the schedule, or resuming one that stopped), what it planned and wrote, and
        each record that failed with its reason. The last {HISTORY_LIMITS.sync} syncs and {HISTORY_LIMITS.preview} previews are kept.
      </p>
      {failure && <Notice tone="error">{failure}</Notice>}
      {runs && <UnreadableNotice count={runs.unreadable} what="runs" />}
      {runs?.runs.length === 0 && <p data-testid="history-empty">No syncs yet.</p>}
      {runs && runs.runs.length > 0 && (
        <>
          <table class="checks" data-testid="history-runs">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Mapping</th>
                <th scope="col">Trigger</th>
                <th scope="col">Result</th>
                <th scope="col">Plan</th>
                <th scope="col">Written</th>
              </tr>
            </thead>
            <tbody>
              {runs.runs.map((entry) => (
                <tr key={entry.id} data-testid="history-run" data-status={entry.status} data-trigger={entry.trigger} data-mode={entry.mode}>
                  <td>
                    <a href={routeHash('history', entry.id)}>{new Date(entry.startedAt).toLocaleString()}</a>
                    {entry.endedAt && <div class="muted">ended {new Date(entry.endedAt).toLocaleTimeString()}</div>}
                  </td>
                  <td>{entry.mappingName}</td>
                  <td>
                    {TRIGGER_LABELS[entry.trigger]}
                    {entry.mode === 'preview' && <div class="muted">Preview</div>}
                  </td>
                  <td>{statusText(entry)}</td>
                  <td>{planText(entry)}</td>
                  <td>{writtenText(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="actions">
            <ExportCsvButton run={run} csv={() => callBackground('exportSyncHistoryCsv', {})} disabled={busy !== undefined} />
          </div>
        </>
      )}
    </section>
  );
}

function RunReport({ runId }: { runId: string }) {
  const [loaded, setLoaded] = useState<RunViewMessage>();
  const { busy, failure, run } = useTask();
  const { view, setView, problem } = useRunView(loaded);
  useEffect(() => {
    void run('Loading…', async () => setLoaded(await callBackground('getSyncRun', { runId })));
  }, [runId]);
  const act = (label: string, type: 'continueSync' | 'cancelSync') =>
    run(label, async () => {
      const next = await callBackground(type, { runId });
      // A mapping changed meanwhile: the run was replaced by a new one, whose report this becomes.
      if (next.run.id !== runId) location.hash = routeHash('history', next.run.id);
      else setView(next);
    });

  return (
    <section class="card" data-testid="history-part" aria-labelledby="history-heading">
      <h2 id="history-heading">
        <a href={routeHash('history')}>History</a> › {view ? `${view.run.mode === 'preview' ? 'Preview' : 'Sync'} of “${view.run.mappingName}”` : 'Run'}
      </h2>
      {failure && <Notice tone="error">{failure}</Notice>}
      {problem && <Notice tone="warn">{problem}</Notice>}
      {view && (
        <>
          <RunStatus view={view} busy={busy !== undefined} onCancel={() => void act('Stopping…', 'cancelSync')} onContinue={() => void act('Continuing…', 'continueSync')} />
          {view.run.replaces && (
            <p class="muted">
              It replaced <a href={routeHash('history', view.run.replaces)}>a sync planned from an older version of the mapping</a>.
            </p>
          )}
          {view.run.replacedBy && (
            <p class="muted">
              The mapping changed while it was paused: <a href={routeHash('history', view.run.replacedBy)}>the sync that replaced it</a>.
            </p>
          )}
          <h3>Report</h3>
          <RunLines runId={view.run.id} mode={view.run.mode} initialFilter={view.run.written.failed > 0 ? 'failed' : 'all'} refreshKey={view.run.updatedAt} />
        </>
      )}
    </section>
  );
}
