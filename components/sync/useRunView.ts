import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../lib/browser/messaging';
import type { RunViewMessage } from '../../lib/messaging/sync-messages';

/** How often a page asks how a running sync stands. */
const POLL_MS = 1_000;

/** Whether the run may still change: running, or left planning or applying by a worker that the browser stopped (it resumes). */
export function isLive(view: RunViewMessage): boolean {
  return view.running || view.run.status === 'planning' || view.run.status === 'applying';
}

/**
 * A run, followed while it may change by asking the background again every second: a worker that
 * the browser stopped starts again on the question and resumes the run, so the page goes on showing it.
 */
export function useRunView(initial: RunViewMessage | undefined) {
  const [view, setView] = useState(initial);
  const [problem, setProblem] = useState<string>();
  useEffect(() => setView(initial), [initial?.run.id]);
  useEffect(() => {
    if (!view || !isLive(view)) return undefined;
    const ask = async () => {
      try {
        const next = await callBackground('getSyncRun', { runId: view.run.id });
        setProblem(undefined);
        setView(next);
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
        // Ask again: the worker may be starting.
        setView({ ...view });
      }
    };
    const timer = setTimeout(() => void ask(), POLL_MS);
    return () => clearTimeout(timer);
  }, [view]);
  return { view, setView, problem };
}
