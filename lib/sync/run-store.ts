import type { SyncPause } from './pause';
import type { PlanCounts, PlanEntry, WriteCounts, WriteState } from './plan-types';

export type RunMode = 'preview' | 'sync';
export type RunTrigger = 'manual' | 'schedule' | 'resume';

/**
 * planning: reading and matching; previewed: a preview's plan (nothing written, final);
 * applying: writing the plan (a run found in this state after the worker died is resumed);
 * paused: stopped by a systemic failure, resumable; done, cancelled: final.
 */
export type RunStatus = 'planning' | 'previewed' | 'applying' | 'paused' | 'done' | 'cancelled';

export interface RunRecord {
  id: string;
  mappingId: string;
  mappingName: string;
  /** The mapping version the plan was made from: a changed mapping is never applied from an old plan. */
  mappingUpdatedAt: string;
  collectionId: string;
  mode: RunMode;
  trigger: RunTrigger;
  status: RunStatus;
  /** Epoch ms. */
  startedAt: number;
  updatedAt: number;
  endedAt?: number;
  /** Once planned: what the plan holds. */
  plan?: {
    counts: PlanCounts;
    /** Graph filtered the devices on the server, so a device missing from the list may still exist. */
    serverFiltered: boolean;
    /** Whether the records whose device is gone were looked for (not when the mapping leaves them alone and the list was filtered). */
    orphansChecked: boolean;
  };
  written: WriteCounts;
  pause?: SyncPause;
  /** The cancelled run a changed mapping replaced, or the run that replaced this one. */
  replaces?: string;
  replacedBy?: string;
  /** Time the engine spent on its own work (transform, match, diff, plan), ms, all attempts together. */
  computeMs: number;
}

/** A run's plan as stored: its entries, and the state of each write (undefined for report lines). */
export interface StoredPlan {
  entries: readonly PlanEntry[];
  states: Array<WriteState | undefined>;
}

/**
 * Where runs keep their checkpoints: the run, its plan, and the state of every write. The engine
 * writes a write's state before its request goes out and after its answer, so a run whose worker
 * died resumes from here with nothing written twice. The engine never changes an entry after
 * `savePlan`; only states change. An IndexedDB store keeps the run in `syncRuns` and each entry
 * with its state in `syncItems` under [runId, index]; each method should be one transaction.
 */
export interface RunStore {
  /**
   * Takes the mapping's run lock for `runId` (again, if it holds it already). Refused, naming the
   * holder, while another run holds it: a running or paused run keeps it until done or cancelled.
   */
  lock(mappingId: string, runId: string): Promise<{ ok: true } | { ok: false; holder: string }>;
  unlock(mappingId: string, runId: string): Promise<void>;
  /** The run holding the mapping's lock (the one to resume when the worker starts), if any. */
  holder(mappingId: string): Promise<string | undefined>;
  saveRun(run: RunRecord): Promise<void>;
  loadRun(runId: string): Promise<RunRecord | undefined>;
  /** Stores the run's plan, replacing any earlier one. */
  savePlan(runId: string, plan: StoredPlan): Promise<void>;
  loadPlan(runId: string): Promise<StoredPlan | undefined>;
  /** Records new states of writes by entry index, all or none. */
  saveStates(runId: string, changes: ReadonlyArray<readonly [index: number, state: WriteState]>): Promise<void>;
}
