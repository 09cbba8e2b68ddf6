import { useState } from 'preact/hooks';
import { ChosenRun, MappingSelect, SyncButtons, SyncNotices, useSyncControls } from '../../components/sync/useSyncControls';
import '../../components/sync/sync.css';

const reportHref = (runId: string) => `options.html#history/${encodeURIComponent(runId)}`;

/**
 * The popup's quick sync: a mapping (the one used last first), Preview or Sync now, the run's progress
 * with counts and time left, Cancel, and its result with a link to the full report.
 */
export function QuickSync() {
  const [chosenId, setChosenId] = useState<string>();
  const controls = useSyncControls(chosenId);
  const { mappings, chosen } = controls;
  // Until the mappings are read there is nothing to offer (a failure to read them is the popup's own to show).
  if (!mappings || mappings.length === 0) return null;

  return (
    <section class="quick-sync" data-testid="quick-sync" aria-labelledby="quick-sync-heading">
      <h2 id="quick-sync-heading">Sync</h2>
      {chosen && (
        <>
          <MappingSelect controls={controls} id="quick-sync-mapping" onChoose={setChosenId} />
          <SyncButtons controls={controls} />
        </>
      )}
      <SyncNotices controls={controls} />
      <ChosenRun controls={controls} reportHref={reportHref} />
    </section>
  );
}
