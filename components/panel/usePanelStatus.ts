import { useEffect, useRef, useState } from 'preact/hooks';
import type { RecordRef } from '../../lib/assetpanda/record-ref';
import type { MessageCall } from '../../lib/messaging/content-client';
import { actionInProgress, pollDelayMs } from '../../lib/panel/progress';
import type { PanelStatus } from '../../lib/panel/status';

export type Shown = { kind: 'loading' } | { kind: 'status'; status: PanelStatus } | { kind: 'error'; message: string };

/** The record's id as the panel shows it: Pro's record id, Classic's object id. */
export function recordLabel(record: RecordRef): string {
  return record.product === 'pro' ? record.recordId : record.objectId;
}

/** Something asks the panel to read its record again (the background, after an action was sent). */
export type RefreshSource = (listener: () => void) => () => void;

/**
 * The record's status: the cached copy at once, then the live one; read again on request, and while
 * an action is under way in Intune, with back-off, until it is done or failed.
 */
export function usePanelStatus(record: RecordRef, call: MessageCall, refreshes: RefreshSource) {
  const key = recordLabel(record);
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const refresh = useRef<() => void>(() => undefined);
  // The effect's own `show`, which also starts following an action under way (the status an answer carries counts too).
  const show = useRef<(status: PanelStatus) => void>(() => undefined);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    show.current = (status: PanelStatus) => {
      if (!alive) return;
      setShown({ kind: 'status', status });
      clearTimeout(timer);
      if (status.state === 'device' && actionInProgress(status.device)) timer = setTimeout(live, pollDelayMs(polls++));
      else polls = 0;
    };
    async function live() {
      setRefreshing(true);
      try {
        const status = await call('getPanelStatus', { record, source: 'live' });
        if (alive && status) show.current(status);
      } catch (error) {
        if (alive) setShown({ kind: 'error', message: (error as Error).message });
      } finally {
        if (alive) setRefreshing(false);
      }
    }
    refresh.current = () => {
      polls = 0;
      void live();
    };

    setShown({ kind: 'loading' });
    call('getPanelStatus', { record, source: 'cache' }).then(
      (cached) => alive && cached && setShown((current) => (current.kind === 'loading' ? { kind: 'status', status: cached } : current)),
      () => undefined,
    );
    void live();
    const stop = refreshes(() => refresh.current());
    return () => {
      alive = false;
      clearTimeout(timer);
      stop();
    };
  }, [key]);

  return { shown, refreshing, refresh: () => refresh.current(), show: (status: PanelStatus) => show.current(status) };
}
