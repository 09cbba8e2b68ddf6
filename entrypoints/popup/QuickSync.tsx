import { useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { ChosenRun, SyncButtons, useSyncControls } from '../../components/sync/useSyncControls';
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
          <div class="field">
            <label for="quick-sync-mapping">Mapping</label>
            <select id="quick-sync-mapping" value={chosen.id} onChange={(event) => setChosenId(event.currentTarget.value)}>
              {mappings.map((mapping) => (
                <option key={mapping.id} value={mapping.id}>
                  {mapping.name}
                </option>
              ))}
            </select>
          </div>
          <SyncButtons controls={controls} />
        </>
      )}
      {controls.failure && <Notice tone="error">{controls.failure}</Notice>}
      {controls.problem && <Notice tone="warn">{controls.problem}</Notice>}
      <ChosenRun controls={controls} reportHref={reportHref} />
    </section>
  );
}
