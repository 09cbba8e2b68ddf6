import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../Notice';
import { useTask } from '../useTask';
import { callBackground } from '../../lib/browser/messaging';
import type { Mapping } from '../../lib/mapping/schema';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { RunStatus } from './RunStatus';
import { isLive, useRunView } from './useRunView';

type Overview = ResponseOf<'getSyncOverview'>;

/**
 * What the popup's quick sync and the options page's Sync part share: the readable mappings, the one
 * chosen (`preferred`, else the one used last, else the first), its unfinished or newest run followed
 * live, and starting, continuing and cancelling runs.
 */
export function useSyncControls(preferred: string | undefined) {
  const [mappings, setMappings] = useState<Mapping[]>();
  const [overview, setOverview] = useState<Overview>();
  const task = useTask();
  const chosen = mappings?.find((mapping) => mapping.id === preferred) ?? mappings?.find((mapping) => mapping.id === overview?.lastMappingId) ?? mappings?.[0];
  // An unfinished run comes first: a preview made while a sync is paused does not hide the sync.
  const ofChosen = overview?.runs.filter((candidate) => candidate.run.mappingId === chosen?.id) ?? [];
  const { view, setView, problem } = useRunView(ofChosen.find((candidate) => isLive(candidate) || candidate.run.status === 'paused') ?? ofChosen[0]);

  useEffect(() => {
    void task.run('Loading…', async () => {
      const [listed, next] = await Promise.all([callBackground('listMappings', {}), callBackground('getSyncOverview', {})]);
      setMappings(listed.mappings.flatMap((entry) => (entry.readable ? [entry.mapping] : [])));
      setOverview(next);
    });
  }, []);

  return {
    ...task,
    mappings,
    chosen,
    schedule: overview?.schedules.find((candidate) => candidate.mappingId === chosen?.id),
    /** The chosen mapping's run, when there is one. */
    view: view?.run.mappingId === chosen?.id ? view : undefined,
    problem,
    running: view !== undefined && isLive(view),
    start: (mode: 'preview' | 'sync') =>
      chosen && void task.run(mode === 'preview' ? 'Previewing…' : 'Starting…', async () => setView(await callBackground('startSync', { mappingId: chosen.id, mode }))),
    act: (label: string, type: 'continueSync' | 'cancelSync') => view && void task.run(label, async () => setView(await callBackground(type, { runId: view.run.id }))),
  };
}

/** The Mapping choice (`id` names the select), showing the chosen one; `children` go under it (a hint). */
export function MappingSelect({ controls, id, onChoose, children }: { controls: ReturnType<typeof useSyncControls>; id: string; onChoose: (mappingId: string) => void; children?: ComponentChildren }) {
  const { mappings, chosen } = controls;
  if (!mappings || !chosen) return null;
  return (
    <div class="field">
      <label for={id}>Mapping</label>
      <select id={id} value={chosen.id} onChange={(event) => onChoose(event.currentTarget.value)}>
        {mappings.map((mapping) => (
          <option key={mapping.id} value={mapping.id}>
            {mapping.name}
          </option>
        ))}
      </select>
      {children}
    </div>
  );
}

/** What last failed, and what is wrong with the run shown. */
export function SyncNotices({ controls }: { controls: ReturnType<typeof useSyncControls> }) {
  return (
    <>
      {controls.failure && <Notice tone="error">{controls.failure}</Notice>}
      {controls.problem && <Notice tone="warn">{controls.problem}</Notice>}
    </>
  );
}

/** Preview and Sync now, unavailable while a run of the mapping goes on. */
export function SyncButtons({ controls }: { controls: ReturnType<typeof useSyncControls> }) {
  const disabled = controls.busy !== undefined || controls.running;
  return (
    <div class="actions">
      <button type="button" class="secondary" disabled={disabled} onClick={() => controls.start('preview')}>
        Preview
      </button>
      <button type="button" disabled={disabled} onClick={() => controls.start('sync')}>
        Sync now
      </button>
      {controls.busy && <span class="muted">{controls.busy}</span>}
    </div>
  );
}

/** The chosen mapping's run, with Cancel, Continue and Discard, and a link to its report. */
export function ChosenRun({ controls, reportHref }: { controls: ReturnType<typeof useSyncControls>; reportHref: (runId: string) => string }) {
  if (!controls.view) return null;
  return (
    <RunStatus
      view={controls.view}
      busy={controls.busy !== undefined}
      onCancel={() => controls.act('Stopping…', 'cancelSync')}
      onContinue={() => controls.act('Continuing…', 'continueSync')}
      reportHref={reportHref(controls.view.run.id)}
    />
  );
}
