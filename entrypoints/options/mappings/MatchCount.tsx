import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../../components/Notice';
import { callBackground } from '../../../lib/browser/messaging';
import type { Filters } from '../../../lib/mapping/schema';

type Shown =
  | { state: 'counting'; seen: number; total: number | null }
  | { state: 'counted'; count: number }
  | { state: 'unavailable'; message: string };

/** Waits for the admin to stop changing filters before asking Intune. */
const SETTLE_MS = 400;
const PROGRESS_EVERY_MS = 500;
const number = new Intl.NumberFormat();

/** "N devices match": the filters as they stand, counted in Intune right now. */
export function MatchCount({ filters }: { filters: Filters }) {
  const [shown, setShown] = useState<Shown>();
  const key = JSON.stringify(filters);

  useEffect(() => {
    let current = true;
    const countId = crypto.randomUUID();
    let progress: ReturnType<typeof setInterval> | undefined;
    const start = setTimeout(() => {
      setShown({ state: 'counting', seen: 0, total: null });
      progress = setInterval(() => {
        void callBackground('getDeviceCountProgress', { countId }).then(
          (answer) => current && answer.progress && setShown({ state: 'counting', ...answer.progress }),
          () => undefined,
        );
      }, PROGRESS_EVERY_MS);
      const count = async () => {
        const answer = await callBackground('countMatchingDevices', { countId, filters });
        if (current && answer.state !== 'replaced') setShown(answer.state === 'counted' ? { state: 'counted', count: answer.count } : answer);
      };
      count()
        .catch((error: Error) => current && setShown({ state: 'unavailable', message: error.message }))
        .finally(() => clearInterval(progress));
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(start);
      clearInterval(progress);
    };
  }, [key]);

  if (!shown) return null;
  if (shown.state === 'unavailable') return <Notice tone="warn" testId="match-count">{shown.message}</Notice>;
  return (
    <p class="match-count" role="status" data-testid="match-count" data-state={shown.state}>
      {shown.state === 'counted'
        ? `${number.format(shown.count)} ${shown.count === 1 ? 'device matches' : 'devices match'} in Intune right now.`
        : shown.total
          ? `Counting… ${number.format(shown.seen)} of ${number.format(shown.total)} devices checked.`
          : 'Counting the devices that match…'}
    </p>
  );
}
