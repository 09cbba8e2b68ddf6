import type { Field, FieldValues, RecordUpdate } from '../assetpanda/types';
import { checkMapping } from '../mapping/check';
import type { Mapping } from '../mapping/schema';
import { asPortError, CancelSignal, passingBackoffMs, patiently, PATIENCE_MS, pauseFor, PauseSignal } from './failures';
import { matchKeyValue } from './match-key';
import { isWrite, type PlanEntry, type WriteCounts, type WriteEntry, type WriteState } from './plan-types';
import { PortError, type RecordReader, type RecordWriter, type WriteOutcome } from './ports';
import type { RunStore, StoredPlan } from './run-store';

/** Requests one write may ride in before it is reported as failed. */
export const MAX_ATTEMPTS = 6;
/** Refused records between two checks of the collection's fields, at most (it starts at one and doubles). */
const MAX_REFUSALS_BETWEEN_CHECKS = 64;

type WriteKind = 'create' | 'update' | 'delete';
type CreateEntry = Extract<WriteEntry, { kind: 'create' }>;

export interface ApplyContext {
  runId: string;
  mapping: Mapping;
  reader: RecordReader;
  writer: RecordWriter;
  store: RunStore;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  concurrency: number;
  signal: AbortSignal | undefined;
  /** Called after every settled request with the counts so far. */
  progress: (written: WriteCounts) => void;
}

/**
 * Writes a plan: batches within Asset Panda's caps, `concurrency` requests at a time. A write's
 * state is stored as `sending` before its request and settled after the answer. A request whose
 * answer is lost is checked before anything is sent again: a create is looked up by its key, an
 * update or delete (which can be repeated safely) is sent again. One bad record fails alone; a
 * failure no record explains (or passing failures that last PATIENCE_MS) pauses the run, with every
 * unsettled write left to resume.
 */
export class Applier {
  private readonly entries: readonly PlanEntry[];
  private readonly states: Array<WriteState | undefined>;
  private readonly queues: Record<WriteKind, number[]> = { create: [], update: [], delete: [] };
  /** Writes to send in a request of their own (their batch was refused as a whole). */
  private readonly alone = new Set<number>();
  private readonly counts: Required<WriteCounts> = { created: 0, found: 0, updated: 0, marked: 0, deleted: 0, failed: 0, pending: 0 };
  private inFlight = 0;
  /** Idle workers, woken when a request settles (it may have put writes back in a queue). */
  private idle: Array<() => void> = [];
  private stop: PauseSignal | CancelSignal | undefined;
  /** Requests in a row that failed in passing, and since when. */
  private trouble = 0;
  private troubleSince = 0;
  private refusedSinceCheck: number[] = [];
  private refusalsBeforeCheck = 1;

  constructor(
    private readonly context: ApplyContext,
    plan: StoredPlan,
  ) {
    this.entries = plan.entries;
    this.states = plan.states;
    for (const [index, state] of this.states.entries()) if (state) this.tally(index, state, 1);
  }

  get written(): WriteCounts {
    return { ...this.counts };
  }

  async run(): Promise<WriteCounts> {
    const sending = this.writeIndexes('sending');
    for (const index of this.writeIndexes('pending')) this.queues[kindOf(this.entry(index))].push(index);
    this.report();
    // A run that died mid-request: those writes may have happened; check before sending any again.
    if (sending.length > 0) await this.unconfirmed(sending);
    await Promise.all(Array.from({ length: Math.max(1, this.context.concurrency) }, () => this.worker()));
    if (this.stop) throw this.stop;
    return this.written;
  }

  private writeIndexes(status: WriteState['status']): number[] {
    return this.states.flatMap((state, index) => (state?.status === status ? [index] : []));
  }

  private async worker(): Promise<void> {
    for (;;) {
      if (!this.stop && this.context.signal?.aborted) this.stop = new CancelSignal();
      if (this.stop) return;
      const batch = this.take();
      if (!batch) {
        if (this.inFlight === 0) return;
        await new Promise<void>((resolve) => this.idle.push(resolve));
        continue;
      }
      this.inFlight += 1;
      try {
        await this.send(batch);
      } catch (error) {
        this.stop ??= error instanceof PauseSignal || error instanceof CancelSignal ? error : pauseFor(asPortError(error));
      } finally {
        this.inFlight -= 1;
        for (const wake of this.idle.splice(0)) wake();
      }
    }
  }

  /** The next request's writes: one kind, as many as the cap allows (one, for a write to send alone). */
  private take(): { kind: WriteKind; indexes: number[] } | undefined {
    for (const kind of ['create', 'update', 'delete'] as const) {
      const queue = this.queues[kind];
      if (queue.length === 0) continue;
      const first = queue[0] as number;
      if (this.alone.has(first)) return { kind, indexes: queue.splice(0, 1) };
      let count = 0;
      while (count < queue.length && count < this.context.writer.limits[kind] && !this.alone.has(queue[count] as number)) count++;
      return { kind, indexes: queue.splice(0, count) };
    }
    return undefined;
  }

  private async send({ kind, indexes }: { kind: WriteKind; indexes: number[] }): Promise<void> {
    await this.settle(indexes.map((index) => [index, { ...this.state(index), status: 'sending', attempts: this.state(index).attempts + 1 }]));
    let outcomes: WriteOutcome[];
    try {
      outcomes = await this.write(kind, indexes);
      if (outcomes.length !== indexes.length) {
        throw new PortError('unconfirmed', `Asset Panda answered for ${outcomes.length} of ${indexes.length} records.`, 'asset-panda-answer');
      }
    } catch (error) {
      await this.failedRequest(indexes, error);
      return;
    }
    if (outcomes.some((outcome) => outcome.ok)) this.trouble = 0;
    const settled: Array<[number, WriteState]> = [];
    const heldElsewhere: Array<[number, string]> = [];
    const refused: number[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      const index = indexes[i] as number;
      const state = this.state(index);
      if (outcome.ok) settled.push([index, { ...state, status: 'written', ...(outcome.recordId ? { recordId: outcome.recordId } : {}) }]);
      else if (outcome.retryable) settled.push([index, this.again(index, outcome.reason)]);
      else if (kind === 'create' && outcome.notUniqueFields?.includes((this.entry(index) as CreateEntry).key.fieldId)) {
        // Another record holds this device's key: maybe this very create, sent before and answered too late.
        heldElsewhere.push([index, outcome.reason]);
      } else {
        settled.push([index, { ...state, status: 'failed', reason: outcome.reason }]);
        if (!outcome.notUniqueFields?.length) refused.push(index);
      }
    }
    const holders = await this.findCreated(heldElsewhere.map(([index]) => index));
    for (const [index, reason] of heldElsewhere) {
      const state = this.state(index);
      const recordId = holders.get(index);
      if (!recordId) settled.push([index, { ...state, status: 'failed', reason }]);
      // Sent before (its answer lost): the record is most likely this very create's.
      else if (state.attempts > 1) settled.push([index, { ...state, status: 'written', recordId }]);
      else settled.push([index, { ...state, status: 'written', recordId, found: true, reason: alreadyThere(this.entry(index) as CreateEntry) }]);
    }
    await this.settle(settled);
    if (refused.length > 0) await this.refusals(refused);
  }

  private write(kind: WriteKind, indexes: number[]): Promise<WriteOutcome[]> {
    const { writer, mapping } = this.context;
    const collectionId = mapping.collection.id;
    const entries = indexes.map((index) => this.entry(index));
    if (kind === 'create') return writer.create(collectionId, entries.map((entry) => (entry.kind === 'create' ? entry.values : {})));
    if (kind === 'delete') return writer.delete(collectionId, entries.map((entry) => (entry.kind === 'missing' ? entry.record.id : '')));
    return writer.update(collectionId, entries.map(updateOf));
  }

  /** A request that failed as a whole. */
  private async failedRequest(indexes: number[], error: unknown): Promise<void> {
    const failure = asPortError(error);
    if (failure.kind === 'refused') {
      if (indexes.length === 1) {
        await this.settle([[indexes[0] as number, { ...this.state(indexes[0] as number), status: 'failed', reason: failure.message }]]);
        await this.refusals(indexes);
        return;
      }
      // Which record was at fault is not said: each goes again on its own.
      for (const index of indexes) this.alone.add(index);
      await this.settle(indexes.map((index) => [index, this.again(index, failure.message)]));
      return;
    }
    if (failure.kind === 'systemic') {
      await this.settle(indexes.map((index) => [index, { ...this.state(index), status: 'pending' }]));
      throw pauseFor(failure);
    }
    if (this.trouble++ === 0) this.troubleSince = this.context.now();
    if (failure.kind === 'unconfirmed') await this.unconfirmed(indexes, failure.message);
    else await this.settle(indexes.map((index) => [index, this.again(index, failure.message)]));
    if (this.context.now() - this.troubleSince >= PATIENCE_MS) throw pauseFor(failure);
    await this.context.sleep(failure.retryAfterMs ?? passingBackoffMs(this.trouble - 1));
  }

  /**
   * Writes that may have happened. A create is looked up by its key: found, it is written; not
   * found, it goes again. Updates and deletes go again: writing them twice changes nothing.
   */
  private async unconfirmed(indexes: number[], reason = 'Asset Panda did not confirm the write.'): Promise<void> {
    const created = await this.findCreated(indexes.filter((index) => this.entry(index).kind === 'create'));
    await this.settle(
      indexes.map((index): [number, WriteState] => {
        const recordId = created.get(index);
        return [index, recordId ? { ...this.state(index), status: 'written', recordId } : this.again(index, reason)];
      }),
    );
  }

  /**
   * The records these creates' keys find, by write index. Search may lag behind a write it has just
   * taken (RecordReader.findCatchUpMs): those not found are looked for once more after that long.
   */
  private async findCreated(indexes: readonly number[]): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    let missing = indexes;
    for (let look = 0; look < 2 && missing.length > 0; look++) {
      if (look > 0) await this.context.sleep(this.context.reader.findCatchUpMs);
      for (const index of missing) {
        const recordId = await this.findByKey(this.entry(index) as CreateEntry);
        if (recordId) found.set(index, recordId);
      }
      missing = missing.filter((index) => !found.has(index));
    }
    return found;
  }

  private async findByKey(entry: CreateEntry): Promise<string | undefined> {
    const { reader, mapping, sleep, now } = this.context;
    const records = await patiently(() => reader.find(mapping.collection.id, entry.key.fieldId, entry.key.value), sleep, now);
    const wanted = matchKeyValue(entry.key.value);
    return records.find((record) => matchKeyValue(record.values[entry.key.fieldId]) === wanted)?.id;
  }

  /** The state of a write going again, or failed once it has had its tries. */
  private again(index: number, reason: string): WriteState {
    const state = this.state(index);
    if (state.attempts >= MAX_ATTEMPTS) {
      return { ...state, status: 'failed', reason: `Asset Panda did not take this write after ${state.attempts} tries. Last: ${reason}` };
    }
    return { ...state, status: 'pending' };
  }

  /**
   * Records Asset Panda refused. A field deleted from the collection, or changed so the mapping no
   * longer fits, makes every record fail: the fields are checked (at the first refusal, then less
   * often) and, when that is the cause, those records go back to pending and the run pauses.
   */
  private async refusals(indexes: number[]): Promise<void> {
    this.refusedSinceCheck.push(...indexes);
    if (this.refusedSinceCheck.length < this.refusalsBeforeCheck) return;
    const { reader, mapping, sleep, now } = this.context;
    const fields: Field[] = await patiently(() => reader.fields(mapping.collection.id), sleep, now);
    const problem = checkMapping(mapping, fields).find((found) => found.severity === 'error');
    const suspects = this.refusedSinceCheck;
    this.refusedSinceCheck = [];
    if (!problem) {
      this.refusalsBeforeCheck = Math.min(this.refusalsBeforeCheck * 2, MAX_REFUSALS_BETWEEN_CHECKS);
      return;
    }
    await this.settle(suspects.map((index) => [index, { ...this.state(index), status: 'pending' }]));
    throw new PauseSignal({ code: problem.code === 'field-missing' ? 'field-missing' : 'mapping-invalid', message: problem.message });
  }

  private async settle(changes: Array<[number, WriteState]>): Promise<void> {
    if (changes.length === 0) return;
    await this.context.store.saveStates(this.context.runId, changes);
    for (const [index, state] of changes) {
      this.tally(index, this.state(index), -1);
      this.states[index] = state;
      this.tally(index, state, 1);
      // Queued only once its state is stored: no other request can pick it up before that.
      if (state.status === 'pending' && !this.stop) this.queues[kindOf(this.entry(index))].push(index);
    }
    this.report();
  }

  private tally(index: number, state: WriteState, sign: 1 | -1): void {
    const entry = this.entry(index);
    if (state.status === 'failed') this.counts.failed += sign;
    else if (state.status !== 'written') this.counts.pending += sign;
    else if (state.found) this.counts.found += sign;
    else if (entry.kind === 'create') this.counts.created += sign;
    else if (entry.kind === 'update') this.counts.updated += sign;
    else if (entry.action === 'delete') this.counts.deleted += sign;
    else this.counts.marked += sign;
  }

  private report(): void {
    this.context.progress(this.written);
  }

  private entry(index: number): WriteEntry {
    const entry = this.entries[index];
    if (!entry || !isWrite(entry)) throw new Error(`Plan entry ${index} is not a write.`);
    return entry;
  }

  private state(index: number): WriteState {
    return this.states[index] ?? { status: 'pending', attempts: 0 };
  }
}

function kindOf(entry: WriteEntry): WriteKind {
  if (entry.kind === 'create') return 'create';
  return entry.kind === 'missing' && entry.action === 'delete' ? 'delete' : 'update';
}

function updateOf(entry: WriteEntry): RecordUpdate {
  const values: FieldValues = {};
  if (entry.kind !== 'create') for (const change of entry.changes) values[change.fieldId] = change.after;
  return { recordId: entry.kind === 'create' ? '' : entry.record.id, values };
}

/** Why a create counts as found: another record held its key already, so nothing was written. */
function alreadyThere(entry: CreateEntry): string {
  return `Asset Panda already held a record with this device's identifier ("${entry.key.value}"), made since the plan was: nothing was written to it. The next sync updates it.`;
}
