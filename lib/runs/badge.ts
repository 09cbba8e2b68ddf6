import type { RunView } from './manager';

/** The toolbar badge: a sync running, one that needs the admin, or nothing. */
export interface Badge {
  text: string;
  color: string;
  /** The toolbar button's tooltip. */
  title: string;
}

const NAME = 'Intune Companion for Asset Panda';

/**
 * From the recent runs (every unfinished one, and each mapping's newest) and the scheduled runs that
 * did not start: running wins; then a paused run, a finished sync with failed records, or a schedule
 * that did not start shows "!"; otherwise nothing.
 */
export function badgeFor(recent: readonly RunView[], notStarted: readonly string[]): Badge {
  const running = recent.filter((view) => view.running);
  if (running.length > 0) {
    return { text: '…', color: '#2563eb', title: `${NAME}\nSyncing ${running.map((view) => `"${view.run.mappingName}"`).join(', ')}` };
  }
  const problems = [
    ...recent.flatMap(({ run }) => {
      if (run.status === 'paused') return [`"${run.mappingName}" is paused: ${run.pause?.message ?? ''}`];
      if (run.status === 'done' && run.written.failed > 0) return [`"${run.mappingName}": ${run.written.failed} records failed in the last sync.`];
      return [];
    }),
    ...notStarted,
  ];
  if (problems.length > 0) return { text: '!', color: '#dc2626', title: `${NAME}\n${problems.join('\n')}` };
  return { text: '', color: '#2563eb', title: NAME };
}
