import type { Database } from '../db/open';
import { decodeDocument, encodeDocument } from '../db/versioned';
import { UserFacingError } from '../errors';
import type { WriteState } from './plan-types';
import { SYNC_ITEM_DOCUMENT, SYNC_LOCK_DOCUMENT, SYNC_PLAN_DOCUMENT, SYNC_RUN_DOCUMENT, type StoredItem } from './run-documents';
import type { RunMode, RunRecord, RunStore, StoredPlan } from './run-store';

/** How many finished runs of each kind the history keeps; the oldest go first, with their report lines. */
export const HISTORY_LIMITS: Readonly<Record<RunMode, number>> = { sync: 50, preview: 10 };

/** The runs the history keeps, newest first, and how many stored runs no longer read (kept as they are). */
export interface RunList {
  runs: RunRecord[];
  unreadable: number;
}

export interface RunHistory extends RunStore {
  list(): Promise<RunList>;
}

const HEADER = -1;
const lockKey = (mappingId: string) => `sync-lock:${mappingId}`;
/** Every key of one run's lines (its header included). */
const linesOf = (runId: string) => IDBKeyRange.bound([runId, HEADER], [runId, Infinity]);
const FINISHED = new Set<RunRecord['status']>(['previewed', 'done', 'cancelled']);

/**
 * The engine's RunStore in IndexedDB: runs in `syncRuns` by id (the checkpoint while a run goes on,
 * then its report), each plan line with its write state in `syncItems` under [runId, index] and the
 * plan's size under [runId, -1], locks in `settings`. Every method is one transaction, so a worker
 * that dies mid-way leaves either the old state or the new one. All are versioned documents.
 */
export function indexedDbRunStore(database: Promise<Database>, limits: Readonly<Record<RunMode, number>> = HISTORY_LIMITS): RunHistory {
  return {
    async lock(mappingId, runId) {
      const tx = (await database).transaction('settings', 'readwrite');
      const holder = lockHolder(await tx.store.get(lockKey(mappingId)));
      if (holder !== undefined && holder !== runId) return { ok: false, holder };
      await Promise.all([tx.store.put(encodeDocument(SYNC_LOCK_DOCUMENT, { runId }), lockKey(mappingId)), tx.done]);
      return { ok: true };
    },

    async unlock(mappingId, runId) {
      const tx = (await database).transaction('settings', 'readwrite');
      if (lockHolder(await tx.store.get(lockKey(mappingId))) === runId) await tx.store.delete(lockKey(mappingId));
      await tx.done;
    },

    holder: async (mappingId) => lockHolder(await (await database).get('settings', lockKey(mappingId))),

    async saveRun(run) {
      const tx = (await database).transaction(['syncRuns', 'syncItems'], 'readwrite');
      const runs = tx.objectStore('syncRuns');
      const isNew = (await runs.getKey(run.id)) === undefined;
      await runs.put(encodeDocument(SYNC_RUN_DOCUMENT, run), run.id);
      if (isNew) {
        const kept = (await runs.getAll()).flatMap((stored) => {
          const decoded = decodeDocument(SYNC_RUN_DOCUMENT, stored);
          return decoded.ok ? [decoded.value] : [];
        });
        const items = tx.objectStore('syncItems');
        await Promise.all(beyondLimits(kept, limits).flatMap((old) => [runs.delete(old.id), items.delete(linesOf(old.id))]));
      }
      await tx.done;
    },

    async loadRun(runId) {
      const stored = await (await database).get('syncRuns', runId);
      if (stored === undefined) return undefined;
      const decoded = decodeDocument(SYNC_RUN_DOCUMENT, stored);
      if (!decoded.ok) throw new UserFacingError('sync-run-unreadable', `${decoded.problem} It is kept as it is; start a new sync.`);
      return decoded.value;
    },

    async savePlan(runId, plan) {
      const tx = (await database).transaction('syncItems', 'readwrite');
      await tx.store.delete(linesOf(runId));
      await Promise.all([
        tx.store.put(encodeDocument(SYNC_PLAN_DOCUMENT, { lines: plan.entries.length }), [runId, HEADER]),
        ...plan.entries.map((entry, index) => tx.store.put(encodeDocument(SYNC_ITEM_DOCUMENT, itemOf(entry, plan.states[index])), [runId, index])),
        tx.done,
      ]);
    },

    async loadPlan(runId) {
      const stored = await (await database).getAll('syncItems', linesOf(runId));
      const [header, ...lines] = stored;
      if (header === undefined) return undefined;
      const size = decodeDocument(SYNC_PLAN_DOCUMENT, header);
      const items = lines.map((line) => decodeDocument(SYNC_ITEM_DOCUMENT, line));
      const unreadable = items.find((item) => !item.ok);
      if (!size.ok || size.value.lines !== items.length || (unreadable && !unreadable.ok)) {
        const problem = unreadable && !unreadable.ok ? unreadable.problem : 'Lines of the stored plan are missing.';
        throw new UserFacingError('sync-plan-unreadable', `The plan of this sync cannot be read: ${problem} Discard the sync and start a new one.`);
      }
      const read = items.flatMap((item) => (item.ok ? [item.value] : []));
      return { entries: read.map((item) => item.entry), states: read.map((item) => item.state) } satisfies StoredPlan;
    },

    async saveStates(runId, changes) {
      const tx = (await database).transaction('syncItems', 'readwrite');
      const updated = await Promise.all(
        changes.map(async ([index, state]) => {
          const decoded = decodeDocument(SYNC_ITEM_DOCUMENT, await tx.store.get([runId, index]));
          if (!decoded.ok) throw new Error(`Line ${index} of the plan of run ${runId} is not stored: ${decoded.problem}`);
          return [index, { entry: decoded.value.entry, state }] as const;
        }),
      );
      await Promise.all([...updated.map(([index, item]) => tx.store.put(encodeDocument(SYNC_ITEM_DOCUMENT, item), [runId, index])), tx.done]);
    },

    async list() {
      const stored = await (await database).getAll('syncRuns');
      const decoded = stored.map((value) => decodeDocument(SYNC_RUN_DOCUMENT, value));
      const runs = decoded.flatMap((entry) => (entry.ok ? [entry.value] : []));
      return { runs: runs.toSorted((a, b) => b.startedAt - a.startedAt), unreadable: decoded.length - runs.length };
    },
  };
}

/** The run a stored lock names; a lock that no longer reads holds nothing. */
function lockHolder(stored: unknown): string | undefined {
  const decoded = decodeDocument(SYNC_LOCK_DOCUMENT, stored);
  return decoded.ok ? decoded.value.runId : undefined;
}

function itemOf(entry: StoredItem['entry'], state: WriteState | undefined): StoredItem {
  return state === undefined ? { entry } : { entry, state };
}

/** The finished runs past each kind's limit, oldest first. Unfinished runs are never among them. */
function beyondLimits(runs: readonly RunRecord[], limits: Readonly<Record<RunMode, number>>): RunRecord[] {
  const newestFirst = runs.filter((run) => FINISHED.has(run.status)).toSorted((a, b) => b.startedAt - a.startedAt);
  return (['sync', 'preview'] as const).flatMap((mode) => newestFirst.filter((run) => run.mode === mode).slice(limits[mode]));
}
