import type { Field } from '../assetpanda/types';
import type { DeviceFieldKey } from '../graph/device-fields';
import { UserFacingError } from '../errors';
import { checkMapping } from '../mapping/check';
import { deviceQuery } from '../mapping/device-query';
import { sourceField } from '../mapping/entities';
import type { Mapping } from '../mapping/schema';
import { sleep as realSleep } from '../retry';
import { Applier } from './apply';
import { asPortError, CancelSignal, patiently, pauseFor, PauseSignal } from './failures';
import { addLinkedRecords, lookupTables } from './lookups';
import { Planner, type OrphanCandidate } from './planner';
import { isWrite, type WriteCounts, type WriteState } from './plan-types';
import type { DeviceQuery, DeviceSource, Page, RecordReader, RecordWriter } from './ports';
import type { SyncPause } from './pause';
import { RunProgress, type SyncProgress } from './progress';
import type { RunRecord, RunStore, RunTrigger, StoredPlan } from './run-store';

export interface SyncEngineDeps {
  devices: DeviceSource;
  records: RecordReader;
  writer: RecordWriter;
  store: RunStore;
  now?: () => number;
  /** How the engine waits between tries; tests pass one that moves a fake clock. */
  sleep?: (ms: number) => Promise<void>;
  newId?: () => string;
  /** Write requests in flight at once (default 3). */
  concurrency?: number;
  /** The clock that times the engine's own work (default performance.now). */
  clock?: () => number;
}

export interface SyncInput {
  mapping: Mapping;
  /**
   * The collection's fields as Asset Panda lists them now: the caller lists them once per run for
   * the mapping check (lib/mapping/check.ts) and refuses a mapping that is not runnable. The engine
   * checks again, without a request, and throws the first error if there is one.
   */
  fields: readonly Field[];
  trigger?: RunTrigger;
}

export interface RunOptions {
  /** Aborting stops the run after the requests in flight: it ends `cancelled`, what was written stays. */
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

/** A second run of a mapping while one runs or is paused. */
export class SyncBusyError extends UserFacingError {
  constructor(
    message: string,
    readonly holder: string,
  ) {
    super('sync-busy', message);
    this.name = 'SyncBusyError';
  }
}

export interface SyncEngine {
  /** Reads and plans, writes nothing: the run ends `previewed` (or `paused` when a read failed), its plan in the store. */
  preview(input: SyncInput, options?: RunOptions): Promise<RunRecord>;
  /** Plans and writes; ends `done`, `paused` (resume it) or `cancelled`. Throws SyncBusyError while another run of the mapping holds the lock. */
  sync(input: SyncInput, options?: RunOptions): Promise<RunRecord>;
  /**
   * Goes on with a run that was interrupted (its worker died) or paused, from its checkpoint. When
   * the mapping changed since the run planned, the run is cancelled and a new one (trigger 'resume')
   * plans afresh and is returned.
   */
  resume(runId: string, input: SyncInput, options?: RunOptions): Promise<RunRecord>;
  /** Ends an unfinished run as `cancelled` and frees its mapping; what was written stays. */
  discard(runId: string): Promise<RunRecord>;
  /**
   * Marks an interrupted run (`planning` or `applying`) `paused` when the caller cannot resume it now
   * (the connections or the collection's fields cannot be read): it keeps its lock and its plan, and
   * says why. A run in any other state is returned as it is.
   */
  pause(runId: string, pause: Omit<SyncPause, 'at'>): Promise<RunRecord>;
}

const EMPTY_WRITES: Required<WriteCounts> = { created: 0, found: 0, updated: 0, marked: 0, deleted: 0, failed: 0, pending: 0 };

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? realSleep;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const clock = deps.clock ?? (() => performance.now());
  const { store } = deps;
  /** The runs this engine is driving now. */
  const active = new Set<string>();

  function newRun(input: SyncInput, mode: RunRecord['mode']): RunRecord {
    const at = now();
    const { mapping } = input;
    return {
      id: newId(),
      mappingId: mapping.id,
      mappingName: mapping.name,
      mappingUpdatedAt: mapping.updatedAt,
      collectionId: mapping.collection.id,
      mode,
      trigger: input.trigger ?? 'manual',
      status: 'planning',
      startedAt: at,
      updatedAt: at,
      written: { ...EMPTY_WRITES },
      computeMs: 0,
    };
  }

  async function save(run: RunRecord): Promise<RunRecord> {
    run.updatedAt = now();
    await store.saveRun(run);
    return run;
  }

  /**
   * Takes the run's two locks: its mapping's (a second run of the mapping waits for this one) and its
   * collection's (two mappings writing one collection at once would both create the same device).
   */
  async function lockFor(run: RunRecord, collectionName: string): Promise<void> {
    const heldAlready = (await store.holder(run.mappingId)) === run.id;
    await takeLock(run, run.mappingId, collectionName);
    try {
      await takeLock(run, collectionLock(run.collectionId), collectionName);
    } catch (error) {
      if (!heldAlready) await store.unlock(run.mappingId, run.id);
      throw error;
    }
  }

  async function unlockAll(run: RunRecord): Promise<void> {
    await store.unlock(collectionLock(run.collectionId), run.id);
    await store.unlock(run.mappingId, run.id);
  }

  async function takeLock(run: RunRecord, lock: string, collectionName: string): Promise<void> {
    const taken = await store.lock(lock, run.id);
    if (taken.ok) return;
    const holder = await store.loadRun(taken.holder);
    if (holder?.status === 'done' || holder?.status === 'cancelled') {
      // A lock left by a run that ended without freeing it (a worker that died between the two).
      await store.unlock(lock, taken.holder);
      return takeLock(run, lock, collectionName);
    }
    throw new SyncBusyError(busyMessage(run, holder, collectionName, now()), taken.holder);
  }

  /** Drives a run in this engine; a second drive of it meanwhile is refused (a start-up resume racing a "Continue" click). */
  async function exclusively(runId: string, work: () => Promise<RunRecord>): Promise<RunRecord> {
    if (active.has(runId)) throw new SyncBusyError('This sync is already running. Wait for it to finish, or cancel it.', runId);
    active.add(runId);
    try {
      return await work();
    } finally {
      active.delete(runId);
    }
  }

  /** Runs one stretch of a run, and records how it ended. */
  async function drive(run: RunRecord, options: RunOptions, work: (progress: RunProgress) => Promise<void>): Promise<RunRecord> {
    const progress = new RunProgress(run, options.onProgress, now);
    try {
      await work(progress);
      run.status = run.mode === 'preview' ? 'previewed' : 'done';
    } catch (error) {
      if (error instanceof CancelSignal) {
        run.status = 'cancelled';
      } else {
        // Any other error (a bug, a full disk under the store) pauses too: the run keeps its lock and
        // its checkpoint, says what happened, and can be continued or discarded; never stuck "running".
        const pause = error instanceof PauseSignal ? error : pauseFor(asPortError(error));
        run.status = 'paused';
        run.pause = { ...pause.pause, at: now() };
      }
    }
    if (run.status !== 'paused') {
      delete run.pause;
      run.endedAt = now();
      if (run.mode === 'sync') await unlockAll(run);
    }
    return save(run);
  }

  /** Reads the records, the linked collections and the devices, and plans. */
  async function plan(run: RunRecord, input: SyncInput, signal: AbortSignal | undefined, progress: RunProgress): Promise<StoredPlan> {
    const { mapping, fields } = input;
    const timed = <T>(work: () => T): T => {
      const started = clock();
      try {
        return work();
      } finally {
        run.computeMs += clock() - started;
      }
    };
    const tables = lookupTables(mapping, fields);
    const planner = timed(() => new Planner(mapping, fields, tables, now(), run.mode === 'preview'));

    progress.phase('records');
    await readAll((cursor) => deps.records.page(mapping.collection.id, cursor), signal, progress, (records) => timed(() => planner.addRecords(records)));

    progress.phase('lookups');
    for (const [collectionId, linked] of groupBy(tables.values(), (table) => table.collectionId)) {
      await readAll((cursor) => deps.records.page(collectionId, cursor), signal, progress, (records) => timed(() => linked.forEach((table) => addLinkedRecords(table, records))));
    }

    progress.phase('devices');
    const query = devicesQuery(mapping, now());
    await readAll((cursor: string | undefined) => deps.devices.page(query, cursor), signal, progress, (devices) => timed(() => planner.addDevices(devices)));

    const missing = mapping.behaviour.missingDevices.action;
    const serverFiltered = query.filter !== undefined;
    // A device missing from a filtered list may only be outside the filter, and Graph's paging can
    // skip a device: ask Intune before acting on any record. Left alone, records are only reported
    // (and not looked for at all when the list was filtered).
    const confirm = missing !== 'leave';
    const orphansChecked = missing !== 'leave' || !serverFiltered;
    let gone: OrphanCandidate[] = orphansChecked ? timed(() => planner.orphanCandidates()) : [];
    if (confirm) gone = await confirmGone(gone, signal, progress);

    const { entries, counts } = timed(() => planner.finish(gone));
    const states = timed(() => entries.map((entry): WriteState | undefined => (isWrite(entry) ? { status: 'pending', attempts: 0 } : undefined)));
    run.plan = { counts, serverFiltered, orphansChecked };
    progress.planned(counts);
    return { entries, states };
  }

  async function confirmGone(candidates: OrphanCandidate[], signal: AbortSignal | undefined, progress: RunProgress): Promise<OrphanCandidate[]> {
    progress.phase('orphans', candidates.length);
    const gone: OrphanCandidate[] = [];
    for (const candidate of candidates) {
      if (signal?.aborted) throw new CancelSignal();
      const presence = await patiently(() => deps.devices.presence(candidate.deviceId), sleep, now);
      // A value that is no device id is reported with its record, never acted on.
      if (presence !== 'present') gone.push(presence === 'gone' ? candidate : { ...candidate, notAnId: true });
      progress.advance(1);
    }
    return gone;
  }

  async function readAll<Item, Cursor>(
    page: (cursor: Cursor | undefined) => Promise<Page<Item, Cursor>>,
    signal: AbortSignal | undefined,
    progress: RunProgress,
    take: (items: Item[]) => void,
  ): Promise<void> {
    let cursor: Cursor | undefined;
    do {
      if (signal?.aborted) throw new CancelSignal();
      const at = cursor;
      const read = await patiently(() => page(at), sleep, now);
      take(read.items);
      progress.advance(read.items.length, read.total);
      cursor = read.next;
    } while (cursor !== undefined);
  }

  async function apply(run: RunRecord, input: SyncInput, stored: StoredPlan, signal: AbortSignal | undefined, progress: RunProgress): Promise<void> {
    run.status = 'applying';
    await save(run);
    const applier = new Applier(
      {
        runId: run.id,
        mapping: input.mapping,
        reader: deps.records,
        writer: deps.writer,
        store,
        sleep,
        now,
        concurrency: deps.concurrency ?? 3,
        signal,
        progress: (written) => {
          run.written = written;
          progress.writing(written);
        },
      },
      stored,
    );
    try {
      await applier.run();
    } finally {
      run.written = applier.written;
    }
  }

  async function planAndApply(run: RunRecord, input: SyncInput, options: RunOptions): Promise<RunRecord> {
    return drive(run, options, async (progress) => {
      run.status = 'planning';
      await save(run);
      const stored = await plan(run, input, options.signal, progress);
      await store.savePlan(run.id, stored);
      await apply(run, input, stored, options.signal, progress);
    });
  }

  async function resumeRun(runId: string, input: SyncInput, options: RunOptions): Promise<RunRecord> {
    const run = await store.loadRun(runId);
    if (!run || run.mode !== 'sync' || !['planning', 'applying', 'paused'].includes(run.status)) {
      throw new UserFacingError('sync-not-resumable', 'This sync has ended and cannot be continued. Start a new sync.');
    }
    if (run.mappingId !== input.mapping.id) throw new UserFacingError('sync-wrong-mapping', `This sync belongs to the mapping "${run.mappingName}".`);
    await lockFor(run, input.mapping.collection.name);
    delete run.pause;
    if (run.mappingUpdatedAt !== input.mapping.updatedAt) {
      // The plan was made from an older version of the mapping: it is not applied.
      const next = { ...newRun({ ...input, trigger: 'resume' }, 'sync'), replaces: run.id };
      Object.assign(run, { status: 'cancelled', endedAt: now(), replacedBy: next.id });
      await save(run);
      await unlockAll(run);
      await lockFor(next, input.mapping.collection.name);
      return exclusively(next.id, () => planAndApply(next, input, options));
    }
    const stored = run.status === 'planning' ? undefined : await store.loadPlan(run.id);
    if (!stored) return planAndApply(run, input, options);
    return drive(run, options, (progress) => {
      if (run.plan) progress.planned(run.plan.counts);
      return apply(run, input, stored, options.signal, progress);
    });
  }

  return {
    async preview(input, options = {}) {
      checked(input);
      const run = newRun(input, 'preview');
      await save(run);
      return drive(run, options, async (progress) => {
        await store.savePlan(run.id, await plan(run, input, options.signal, progress));
      });
    },

    async sync(input, options = {}) {
      checked(input);
      const run = newRun(input, 'sync');
      await lockFor(run, input.mapping.collection.name);
      return exclusively(run.id, () => planAndApply(run, input, options));
    },

    async resume(runId, input, options = {}) {
      checked(input);
      return exclusively(runId, () => resumeRun(runId, input, options));
    },

    async discard(runId) {
      const run = await store.loadRun(runId);
      if (!run) throw new UserFacingError('sync-not-found', 'This sync no longer exists.');
      if (run.status === 'planning' || run.status === 'applying' || run.status === 'paused') {
        Object.assign(run, { status: 'cancelled', endedAt: now() });
        delete run.pause;
        await save(run);
      }
      await unlockAll(run);
      return run;
    },

    async pause(runId, pause) {
      const run = await store.loadRun(runId);
      if (!run) throw new UserFacingError('sync-not-found', 'This sync no longer exists.');
      if (run.status !== 'planning' && run.status !== 'applying') return run;
      Object.assign(run, { status: 'paused', pause: { ...pause, at: now() } });
      return save(run);
    },
  };
}

/** The name of a collection's run lock in the store (beside the mappings' locks, named by mapping id). */
function collectionLock(collectionId: string): string {
  return `collection:${collectionId}`;
}

/** Why a run cannot start: another run of its mapping, or of another mapping on its collection, runs or is paused. */
function busyMessage(run: RunRecord, holder: RunRecord | undefined, collectionName: string, now: number): string {
  const same = !holder || holder.mappingId === run.mappingId;
  const which = same ? `A sync of "${holder?.mappingName ?? run.mappingName}"` : `A sync of the mapping "${holder.mappingName}" into the same collection, ${collectionName},`;
  const why = same ? '' : ' Two mappings must not write to one collection at once, or both would create the same devices.';
  if (holder?.status === 'paused') return `${which} is paused: ${holder.pause?.message ?? ''}${why} Continue it or discard it before starting another.`;
  const minutes = holder ? Math.max(1, Math.round((now - holder.startedAt) / 60_000)) : 0;
  return `${which} is already running${holder ? ` (started ${minutes} minute${minutes === 1 ? '' : 's'} ago)` : ''}.${why} Wait for it to finish, or cancel it.`;
}

/** The engine's own mapping check, without a request: the caller's ran on the same fields. */
function checked(input: SyncInput): void {
  const problem = checkMapping(input.mapping, input.fields).find((found) => found.severity === 'error');
  if (problem) throw new UserFacingError(`mapping-${problem.code}`, problem.message);
}

/** The devices a mapping reads: only the Graph properties it needs, filtered on the server where Graph can. */
export function devicesQuery(mapping: Mapping, now: number): DeviceQuery {
  const selection = deviceQuery(mapping.filters, now);
  const properties = new Set<DeviceFieldKey>(['deviceName', 'serialNumber', ...selection.properties]);
  for (const entry of mapping.fields) for (const property of sourceField(mapping.entity, entry.source)?.properties ?? []) properties.add(property);
  for (const key of mapping.matchKeys) for (const property of sourceField(mapping.entity, key)?.properties ?? []) properties.add(property);
  return { select: [...properties], ...(selection.server ? { filter: selection.server } : {}) };
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
