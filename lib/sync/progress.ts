import type { PlanCounts, WriteCounts } from './plan-types';
import type { RunRecord } from './run-store';

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

/** Builds the progress reports of one stretch of a run. */
export class RunProgress {
  private current: SyncProgress;

  constructor(
    run: RunRecord,
    private readonly report: ((progress: SyncProgress) => void) | undefined,
    private readonly now: () => number,
  ) {
    const at = now();
    this.current = { runId: run.id, mappingId: run.mappingId, phase: 'records', done: 0, doneAtStart: 0, startedAt: run.startedAt, phaseStartedAt: at };
  }

  phase(phase: SyncPhase, total?: number): void {
    const { plan, written } = this.current;
    this.current = { runId: this.current.runId, mappingId: this.current.mappingId, phase, done: 0, doneAtStart: 0, startedAt: this.current.startedAt, phaseStartedAt: this.now() };
    if (total !== undefined) this.current.total = total;
    if (plan) this.current.plan = plan;
    if (written) this.current.written = written;
    this.emit();
  }

  advance(count: number, total?: number): void {
    this.current.done += count;
    if (total !== undefined) this.current.total = total;
    this.emit();
  }

  planned(counts: PlanCounts): void {
    this.current.plan = counts;
  }

  writing(written: WriteCounts): void {
    const total = written.created + (written.found ?? 0) + written.updated + written.marked + written.deleted + written.failed + written.pending;
    const done = total - written.pending;
    if (this.current.phase !== 'writing') {
      // A resumed run: what earlier stretches wrote does not count towards this one's pace.
      this.current = { ...this.current, phase: 'writing', doneAtStart: done, phaseStartedAt: this.now() };
    }
    Object.assign(this.current, { written, total, done });
    this.emit();
  }

  private emit(): void {
    this.report?.({ ...this.current });
  }
}
