import { UserFacingError } from '../errors';
import { CLOUDS } from '../graph/clouds';
import { DEFAULT_API_BASE_URL } from '../assetpanda/api-base-url';
import { checkMapping } from '../mapping/check';
import type { Mapping } from '../mapping/schema';
import { createSyncEngine, type SyncEngine, type SyncEngineDeps, type SyncInput } from '../sync/engine';
import type { RunHistory } from '../sync/idb-run-store';
import type { PauseCode } from '../sync/pause';
import type { SyncProgress } from '../sync/progress';
import { createRetryAfterGate, type RetryAfterGate } from '../sync/retry-after-gate';
import type { RunMode, RunRecord, RunTrigger } from '../sync/run-store';
import type { WrapFetch } from '../wrap-fetch';
import { pauseOf } from './pause-of';

/** What a run reads from and writes to: the engine's ports over the saved connections. */
export type ServicePorts = Pick<SyncEngineDeps, 'devices' | 'records' | 'writer'>;

export interface RunManagerDeps {
  store: RunHistory;
  mapping(id: string): Promise<Mapping>;
  /** Opens the saved connections as the engine's ports, every request through `wrapFetch` (the run's Retry-After gate). */
  connect(wrapFetch: WrapFetch): Promise<ServicePorts>;
  /** Told when a run starts or stops running (ended or paused), with how many run now. */
  onActivity(running: number): void;
  /** Told when a run stops running: ended, or paused with a reason. */
  onSettled(run: RunRecord): void;
  now?: () => number;
  /** How the engines wait (tests pass one that moves a fake clock). */
  sleep?: (ms: number) => Promise<void>;
}

/** A run as the popup and the options page see it: the stored run, and while it runs its live progress. */
export interface RunView {
  run: RunRecord;
  running: boolean;
  progress: SyncProgress | null;
  /** While a service asked to wait (Retry-After): which, and until when (epoch ms). */
  waiting: { service: 'Asset Panda' | 'Microsoft Intune'; until: number } | null;
}

interface Running {
  runId: string | undefined;
  mappingId: string;
  controller: AbortController;
  gate: RetryAfterGate;
  progress: SyncProgress | null;
}

const UNFINISHED = new Set<RunRecord['status']>(['planning', 'applying', 'paused']);
const GRAPH_HOSTS = [...new Set(Object.values(CLOUDS).map((cloud) => cloud.graphHost))];
const ASSET_PANDA_HOST = new URL(DEFAULT_API_BASE_URL).host;

const notOpened = async (): Promise<never> => {
  throw new Error('No connection is open: this engine only ends or pauses stored runs.');
};
/** Discarding or pausing a stored run touches only the store: no connection is opened for it. */
const OFFLINE: ServicePorts = {
  devices: { page: notOpened, presence: notOpened },
  records: { page: notOpened, find: notOpened, findCatchUpMs: 0, fields: notOpened },
  writer: { limits: { create: 1, update: 1, delete: 1 }, create: notOpened, update: notOpened, delete: notOpened },
};

/** Lists the collection's fields through the run's own ports and refuses a mapping that no longer fits. */
async function checkedInput(mapping: Mapping, ports: ServicePorts, trigger: RunTrigger): Promise<SyncInput> {
  const fields = await ports.records.fields(mapping.collection.id);
  const problem = checkMapping(mapping, fields).find((found) => found.severity === 'error');
  if (problem) throw new UserFacingError(`mapping-${problem.code}`, `"${mapping.name}" cannot run: ${problem.message}`);
  return { mapping, fields, trigger };
}

/**
 * The background's sync runs: each built on the saved connections with its own Retry-After gate,
 * its mapping checked against the live collection first, one at a time per mapping. A run goes on
 * in the background after `start` answers; its progress is kept here while it runs. When the worker
 * starts again, `resumeInterrupted` goes on with every run it finds planning or applying.
 */
export function createRunManager(deps: RunManagerDeps) {
  const now = deps.now ?? (() => Date.now());
  const running = new Set<Running>();
  const offline = createSyncEngine({ ...OFFLINE, store: deps.store, now });
  let resuming: Promise<void> | undefined;

  const find = (runId: string) => [...running].find((slot) => slot.runId === runId);

  function refuseBusy(mapping: Mapping): void {
    if (![...running].some((slot) => slot.mappingId === mapping.id)) return;
    throw new UserFacingError('sync-busy', `A sync of "${mapping.name}" is already running. Wait for it to finish, or cancel it.`);
  }

  /**
   * Sets up a run and starts it; answers once the engine has stored it (or it ended or failed at
   * once). The run goes on after that; `onSettled` hears how it ended. It counts as running from the
   * start of its setup, so a second run of the mapping is refused meanwhile.
   */
  async function launch(mapping: Mapping, go: (engine: SyncEngine, input: SyncInput, options: Parameters<SyncEngine['sync']>[1]) => Promise<RunRecord>, trigger: RunTrigger, runId?: string): Promise<RunRecord> {
    refuseBusy(mapping);
    const slot: Running = { runId, mappingId: mapping.id, controller: new AbortController(), gate: createRetryAfterGate(), progress: null };
    running.add(slot);
    deps.onActivity(running.size);
    const stop = () => {
      running.delete(slot);
      deps.onActivity(running.size);
    };
    let input: SyncInput;
    let engine: SyncEngine;
    try {
      const ports = await deps.connect(slot.gate.wrap);
      input = await checkedInput(mapping, ports, trigger);
      engine = createSyncEngine({ ...ports, store: deps.store, now, ...(deps.sleep ? { sleep: deps.sleep } : {}) });
    } catch (error) {
      stop();
      throw error;
    }

    let named!: (runId: string) => void;
    const stored = new Promise<string>((resolve) => {
      named = resolve;
    });
    const onProgress = (progress: SyncProgress) => {
      // A resumed run whose mapping changed is replaced by a new run: the progress names it.
      slot.runId = progress.runId;
      slot.progress = progress;
      named(progress.runId);
    };
    const finished = go(engine, input, { signal: slot.controller.signal, onProgress })
      .catch(async (error: unknown) => {
        // Not a pause the engine made: a failure outside any request (the store, a bug). The run keeps its checkpoint.
        if (slot.runId === undefined) throw error;
        return offline.pause(slot.runId, pauseOf(error));
      })
      .finally(stop);
    finished.then(deps.onSettled, () => undefined);
    const runIdNow = await Promise.race([stored, finished.then((run) => run.id)]);
    return (await deps.store.loadRun(runIdNow)) ?? (await finished);
  }

  async function resumeAll(): Promise<void> {
    const { runs } = await deps.store.list();
    for (const run of runs) {
      if ((run.status !== 'planning' && run.status !== 'applying') || find(run.id)) continue;
      if (run.mode === 'preview') {
        // A preview's reads are not checkpointed: it ends, and the admin previews again.
        deps.onSettled(await offline.discard(run.id));
        continue;
      }
      await goOn(run).catch(async (error: unknown) => {
        const paused = await offline.pause(run.id, pauseOf(error));
        deps.onSettled(paused);
      });
    }
  }

  async function goOn(run: RunRecord): Promise<RunRecord> {
    const mapping = await deps.mapping(run.mappingId);
    return launch(mapping, (engine, input, options) => engine.resume(run.id, input, options), 'resume', run.id);
  }

  function view(run: RunRecord): RunView {
    const slot = find(run.id);
    const waitUntil = (hosts: readonly string[]) => Math.max(0, ...hosts.map((host) => slot?.gate.until(host) ?? 0));
    const assetPanda = waitUntil([ASSET_PANDA_HOST]);
    const intune = waitUntil(GRAPH_HOSTS);
    const until = Math.max(assetPanda, intune);
    return {
      run,
      running: slot !== undefined,
      progress: slot?.progress ?? null,
      waiting: until > now() ? { service: assetPanda >= intune ? 'Asset Panda' : 'Microsoft Intune', until } : null,
    };
  }

  async function storedRun(runId: string): Promise<RunRecord> {
    const run = await deps.store.loadRun(runId);
    if (!run) throw new UserFacingError('sync-not-found', 'This sync is no longer in the history (only the latest runs are kept).');
    return run;
  }

  return {
    /** Starts a preview or a sync of the mapping; answers with the run once it is stored. */
    async start(mappingId: string, mode: RunMode, trigger: Exclude<RunTrigger, 'resume'>): Promise<RunRecord> {
      const mapping = await deps.mapping(mappingId);
      return launch(mapping, (engine, input, options) => (mode === 'preview' ? engine.preview(input, options) : engine.sync(input, options)), trigger);
    },

    /** Goes on with a paused (or interrupted) run from its checkpoint. */
    async continue(runId: string): Promise<RunRecord> {
      const run = await storedRun(runId);
      if (find(runId)) return run;
      if (!UNFINISHED.has(run.status)) throw new UserFacingError('sync-not-resumable', 'This sync has ended and cannot be continued. Start a new sync.');
      return goOn(run);
    },

    /** Continues every run paused for this reason (the passphrase was given). */
    async continuePaused(code: PauseCode): Promise<void> {
      const { runs } = await deps.store.list();
      for (const run of runs) {
        if (run.status === 'paused' && run.pause?.code === code && !find(run.id)) await goOn(run).catch(() => undefined);
      }
    },

    /**
     * Ends an unfinished run: a running one after the requests in flight, a paused or interrupted one
     * at once. It ends cancelled; what was written stays.
     */
    async cancel(runId: string): Promise<RunRecord> {
      const slot = find(runId);
      if (slot) {
        slot.controller.abort();
        return storedRun(runId);
      }
      const run = await offline.discard(runId);
      deps.onSettled(run);
      return run;
    },

    /** Goes on with the runs a worker that died left planning or applying (once at a time). */
    resumeInterrupted(): Promise<void> {
      resuming ??= resumeAll().finally(() => {
        resuming = undefined;
      });
      return resuming;
    },

    async view(runId: string): Promise<RunView> {
      return view(await storedRun(runId));
    },

    /** Every unfinished run (running, interrupted or paused) and the newest run of each mapping, newest first. */
    async recent(): Promise<RunView[]> {
      const newest = new Set<string>();
      return (await deps.store.list()).runs
        .filter((run) => {
          const first = !newest.has(run.mappingId);
          newest.add(run.mappingId);
          return first || UNFINISHED.has(run.status);
        })
        .map(view);
    },

    /** How many runs go on now. */
    running: () => running.size,
  };
}

export type RunManager = ReturnType<typeof createRunManager>;
