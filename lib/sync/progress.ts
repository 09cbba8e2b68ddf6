import type { PlanCounts, WriteCounts } from './plan-types';

/**
 * records: reading the collection's records; lookups: reading the collections that linked fields
 * point at; devices: reading Intune's devices (and matching each page as it comes); orphans:
 * asking Intune about records whose device it did not list; writing: applying the plan.
 */
export type SyncPhase = 'records' | 'lookups' | 'devices' | 'orphans' | 'writing';

/**
 * Where a run stands, reported at every page and every write request. A time-left estimate for
 * the phase is (now − phaseStartedAt) × (total − done) / (done − doneAtStart), once that is above
 * zero and `total` is known.
 */
export interface SyncProgress {
  runId: string;
  mappingId: string;
  phase: SyncPhase;
  /** Records, devices or writes done in this phase. */
  done: number;
  /** `done` when this stretch of the phase began (a resumed run has written some already). */
  doneAtStart: number;
  /** How many the phase holds, when known (Graph and Asset Panda may not say how many they will list). */
  total?: number;
  /** Epoch ms. */
  startedAt: number;
  phaseStartedAt: number;
  /** Once planned. */
  plan?: PlanCounts;
  /** Once writing. */
  written?: WriteCounts;
}
