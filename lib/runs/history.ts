import { toCsv, type CsvColumn } from '../csv';
import type { SyncPhase, SyncProgress } from '../sync/progress';
import type { RunRecord, RunTrigger } from '../sync/run-store';

// A run in words, the same in the popup, the options page and the CSV.

export const TRIGGER_LABELS: Readonly<Record<RunTrigger, string>> = { manual: 'Manual', schedule: 'Schedule', resume: 'Resume' };

export function statusText(run: RunRecord): string {
  switch (run.status) {
    case 'planning':
      return run.mode === 'preview' ? 'Previewing' : 'Reading and planning';
    case 'previewed':
      return 'Previewed (nothing written)';
    case 'applying':
      return 'Writing to Asset Panda';
    case 'paused':
      return 'Paused';
    case 'done':
      return run.written.failed > 0 ? `Done, ${run.written.failed} failed` : 'Done';
    case 'cancelled':
      return run.replacedBy ? 'Replaced (the mapping changed)' : 'Cancelled';
  }
}

/** What the plan holds, in a line. */
export function planText(run: RunRecord): string {
  const counts = run.plan?.counts;
  if (!counts) return '';
  const parts = [
    `${counts.devices} devices`,
    `${counts.creates} to create`,
    `${counts.updates} to update`,
    `${counts.unchanged} unchanged`,
    counts.conflicts > 0 ? `${counts.conflicts} conflicts` : '',
    counts.skipped > 0 ? `${counts.skipped} skipped` : '',
    counts.orphans > 0 ? `${counts.orphans} gone from Intune` : '',
    counts.lookupProblems > 0 ? `${counts.lookupProblems} lookups not found` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** What was written, in a line. */
export function writtenText(run: RunRecord): string {
  if (run.mode === 'preview') return 'Nothing written';
  const { created, updated, marked, deleted, failed, pending } = run.written;
  const parts = [
    `${created} created`,
    `${updated} updated`,
    marked > 0 ? `${marked} marked` : '',
    deleted > 0 ? `${deleted} deleted` : '',
    `${failed} failed`,
    pending > 0 && run.status !== 'done' ? `${pending} not written yet` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

const PHASE_LABELS: Readonly<Record<SyncPhase, string>> = {
  records: 'Reading the Asset Panda records',
  lookups: 'Reading the linked collections',
  devices: 'Reading the Intune devices',
  orphans: 'Checking the devices gone from Intune',
  writing: 'Writing to Asset Panda',
};

export function phaseText(progress: SyncProgress): string {
  const of = progress.total === undefined ? '' : ` of ${progress.total}`;
  return `${PHASE_LABELS[progress.phase]}: ${progress.done}${of}`;
}

/** Time left in the phase (ms), once the pace and the total are known. */
export function timeLeftMs(progress: SyncProgress, now: number): number | undefined {
  const pace = progress.done - progress.doneAtStart;
  if (progress.total === undefined || pace <= 0) return undefined;
  return Math.max(0, ((now - progress.phaseStartedAt) * (progress.total - progress.done)) / pace);
}

export function durationText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const time = (at: number | undefined) => (at === undefined ? '' : new Date(at).toISOString());

/** Every run as CSV, one row each, newest first as given. */
export function historyCsv(runs: readonly RunRecord[]): string {
  const columns: ReadonlyArray<CsvColumn<RunRecord>> = [
    ['Started', (run) => time(run.startedAt)],
    ['Ended', (run) => time(run.endedAt)],
    ['Mapping', (run) => run.mappingName],
    ['Kind', (run) => (run.mode === 'preview' ? 'Preview' : 'Sync')],
    ['Trigger', (run) => TRIGGER_LABELS[run.trigger]],
    ['Status', statusText],
    ['Devices', (run) => String(run.plan?.counts.devices ?? '')],
    ['To create', (run) => String(run.plan?.counts.creates ?? '')],
    ['To update', (run) => String(run.plan?.counts.updates ?? '')],
    ['Unchanged', (run) => String(run.plan?.counts.unchanged ?? '')],
    ['Conflicts', (run) => String(run.plan?.counts.conflicts ?? '')],
    ['Skipped', (run) => String(run.plan?.counts.skipped ?? '')],
    ['Gone from Intune', (run) => String(run.plan?.counts.orphans ?? '')],
    ['Created', (run) => String(run.written.created)],
    ['Updated', (run) => String(run.written.updated)],
    ['Marked', (run) => String(run.written.marked)],
    ['Deleted', (run) => String(run.written.deleted)],
    ['Failed', (run) => String(run.written.failed)],
    ['Paused because', (run) => run.pause?.message ?? ''],
    ['Run ID', (run) => run.id],
  ];
  return toCsv(columns, runs);
}
