import { Notice } from '../Notice';
import { durationText, phaseText, planText, statusText, timeLeftMs, TRIGGER_LABELS, writtenText } from '../../lib/runs/history';
import type { RunViewMessage } from '../../lib/messaging/sync-messages';
import { isLive } from './useRunView';

/**
 * A run as it stands: its state, a progress bar with counts and time left while it runs, why it is
 * paused, and what can be done with it (Cancel, Continue, Discard). The buttons call back; the page
 * sends the messages.
 */
export function RunStatus(props: {
  view: RunViewMessage;
  busy?: boolean;
  onCancel: () => void;
  onContinue: () => void;
  /** The page's link to the run's full report, when it has one. */
  reportHref?: string;
}) {
  const { run, progress, waiting } = props.view;
  const live = isLive(props.view);
  const left = progress ? timeLeftMs(progress, Date.now()) : undefined;
  const written = progress?.written ?? run.written;
  const writes = written.created + written.updated + written.marked + written.deleted + written.failed + written.pending;
  return (
    <div class="run" data-testid="sync-run" data-run-id={run.id} data-status={run.status} data-running={String(props.view.running)}>
      <p class="run__headline">
        <strong data-testid="sync-run-status">{run.mode === 'preview' && run.status === 'planning' ? 'Previewing' : statusText(run)}</strong>
        <span class="muted">
          {' '}
          · “{run.mappingName}” · {run.mode === 'preview' ? 'Preview' : 'Sync'} · {TRIGGER_LABELS[run.trigger]} · started {new Date(run.startedAt).toLocaleString()}
          {run.endedAt ? ` · ended ${new Date(run.endedAt).toLocaleString()}` : ''}
        </span>
      </p>
      {live && (
        <div class="run__progress" data-testid="sync-progress">
          {progress?.phase === 'writing' || (!progress && run.status === 'applying') ? (
            <progress max={Math.max(1, writes)} value={writes - written.pending} aria-label="Writes done" />
          ) : progress?.total !== undefined ? (
            <progress max={Math.max(1, progress.total)} value={progress.done} aria-label="Read so far" />
          ) : (
            <progress aria-label="Reading" />
          )}
          <p class="muted" data-testid="sync-progress-text">
            {progress ? phaseText(progress) : run.status === 'applying' ? 'Writing to Asset Panda (resuming)' : 'Starting…'}
            {left !== undefined ? ` · about ${durationText(left)} left` : ''}
          </p>
          {waiting && (
            <p class="muted" data-testid="sync-waiting">
              {waiting.service} asked to wait: the sync goes on at {new Date(waiting.until).toLocaleTimeString()}.
            </p>
          )}
        </div>
      )}
      {run.plan && (
        <p data-testid="sync-plan-counts">
          <span class="muted">Plan: </span>
          {planText(run)}
        </p>
      )}
      {run.mode === 'sync' && run.status !== 'planning' && (
        <p data-testid="sync-written">
          <span class="muted">Written: </span>
          {writtenText({ ...run, written })}
        </p>
      )}
      {run.status === 'paused' && run.pause && (
        <Notice tone="warn" testId="sync-paused">
          {run.pause.message} When it is fixed, choose Continue: the sync goes on from where it stopped. Discard ends it; what was written stays.
        </Notice>
      )}
      <div class="actions">
        {props.view.running && (
          <button type="button" class="secondary" disabled={props.busy} onClick={props.onCancel}>
            Cancel
          </button>
        )}
        {!props.view.running && run.status === 'paused' && (
          <button type="button" disabled={props.busy} onClick={props.onContinue}>
            Continue
          </button>
        )}
        {!props.view.running && run.status === 'paused' && (
          <button type="button" class="secondary" disabled={props.busy} onClick={props.onCancel}>
            Discard
          </button>
        )}
        {props.reportHref && (
          <a href={props.reportHref} target="_blank" rel="noopener" data-testid="sync-report-link">
            {run.mode === 'preview' ? 'See the whole preview' : 'See the report'}
          </a>
        )}
      </div>
    </div>
  );
}
