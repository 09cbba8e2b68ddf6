import { z } from 'zod';
import type { Database } from '../db/open';
import { settingsDocument } from '../db/settings-document';
import { serialQueue } from '../serial-queue';
import type { DocumentKind } from '../db/versioned';
import type { Mapping } from '../mapping/schema';
import { nextRunAt } from './schedule';

/** The alarm of a mapping's schedule: `sync-schedule:<mappingId>`. */
export const SCHEDULE_ALARM_PREFIX = 'sync-schedule:';

const ScheduleStateSchema = z.object({
  /** When each mapping's schedule last fired (epoch ms), by mapping id: the next run counts from there. */
  fired: z.record(z.string(), z.number()).default({}),
  /** Mappings whose scheduled run waits for the Asset Panda passphrase. */
  waiting: z.array(z.string()).default([]),
  /** Why a mapping's last scheduled run did not start, by mapping id (cleared when one starts). */
  notStarted: z.record(z.string(), z.object({ at: z.number(), message: z.string() })).default({}),
});
export type ScheduleState = z.infer<typeof ScheduleStateSchema>;

const SCHEDULE_STATE_DOCUMENT: DocumentKind<ScheduleState> = { name: 'sync schedule', schema: ScheduleStateSchema, migrations: [] };

/** The browser's alarms, as the scheduler needs them. */
export interface Alarms {
  /** Creates the alarm, or moves it: one alarm per name. */
  set(name: string, when: number): Promise<void>;
  clear(name: string): Promise<void>;
  names(): Promise<string[]>;
}

export interface SchedulerDeps {
  database: Promise<Database>;
  /** The readable mappings. */
  mappings(): Promise<Mapping[]>;
  alarms: Alarms;
  /** Whether Asset Panda waits for its passphrase (nothing can call it until then). */
  locked(): Promise<boolean>;
  /** Starts the mapping's scheduled sync; throws a message for the admin when it cannot start. */
  start(mappingId: string): Promise<void>;
  /** Tells the admin about a scheduled run that did not start, or that waits for the passphrase. */
  notify(mapping: Mapping, message: string): void;
  now(): number;
}

/** A schedule counts from when it last fired, or from the mapping's last change before it ever did. */
function dueAt(mapping: Mapping, state: ScheduleState): number | undefined {
  return nextRunAt(mapping.behaviour.schedule, Math.max(state.fired[mapping.id] ?? 0, Date.parse(mapping.updatedAt)));
}

/** How soon an overdue schedule runs once the worker is up (alarms need a moment). */
const OVERDUE_DELAY_MS = 1_000;

/**
 * One browser alarm per scheduled mapping, kept in step with the mappings: a schedule counts from
 * when it last fired (or from the mapping's last change, before it ever did), so a run missed while
 * the browser was closed is overdue and runs as soon as the worker starts. When an alarm fires the
 * mapping's sync starts (trigger 'schedule'); while Asset Panda is locked it waits for the passphrase.
 */
export function createScheduler(deps: SchedulerDeps) {
  const stored = settingsDocument(deps.database, 'sync-schedule', SCHEDULE_STATE_DOCUMENT, 'It is replaced at the next scheduled run.');
  const load = async (): Promise<ScheduleState> => (await stored.load().catch(() => undefined)) ?? { fired: {}, waiting: [], notStarted: {} };
  // State changes one after the other: two alarms can fire at once.
  const serially = serialQueue();
  const update = (change: (state: ScheduleState) => void): Promise<ScheduleState> =>
    serially(async () => {
      const state = await load();
      change(state);
      await stored.save(state);
      return state;
    });

  async function start(mapping: Mapping): Promise<void> {
    if (await deps.locked()) {
      await update((state) => {
        if (!state.waiting.includes(mapping.id)) state.waiting.push(mapping.id);
      });
      deps.notify(mapping, `The scheduled sync of "${mapping.name}" waits for the Asset Panda passphrase: unlock it on the options page and the sync starts.`);
      return;
    }
    try {
      await deps.start(mapping.id);
      await update((state) => {
        delete state.notStarted[mapping.id];
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await update((state) => {
        state.notStarted[mapping.id] = { at: deps.now(), message };
      });
      deps.notify(mapping, `The scheduled sync of "${mapping.name}" did not start: ${message}`);
    }
  }

  return {
    /** Sets each scheduled mapping's alarm to its next run, and clears the alarms of the others. */
    async reconcile(): Promise<void> {
      const [mappings, state, names] = await Promise.all([deps.mappings(), load(), deps.alarms.names()]);
      const wanted = new Set<string>();
      for (const mapping of mappings) {
        const due = dueAt(mapping, state);
        if (due === undefined) continue;
        wanted.add(SCHEDULE_ALARM_PREFIX + mapping.id);
        await deps.alarms.set(SCHEDULE_ALARM_PREFIX + mapping.id, Math.max(due, deps.now() + OVERDUE_DELAY_MS));
      }
      for (const name of names) if (name.startsWith(SCHEDULE_ALARM_PREFIX) && !wanted.has(name)) await deps.alarms.clear(name);
    },

    /** An alarm fired: a schedule's runs its mapping now and is set to its next time. False when the alarm is not a schedule's. */
    async fired(alarmName: string): Promise<boolean> {
      if (!alarmName.startsWith(SCHEDULE_ALARM_PREFIX)) return false;
      const mappingId = alarmName.slice(SCHEDULE_ALARM_PREFIX.length);
      const mapping = (await deps.mappings()).find((candidate) => candidate.id === mappingId);
      if (!mapping || mapping.behaviour.schedule.kind === 'off') {
        await deps.alarms.clear(alarmName);
        return true;
      }
      const state = await update((next) => {
        next.fired[mapping.id] = deps.now();
      });
      const due = dueAt(mapping, state);
      if (due !== undefined) await deps.alarms.set(alarmName, due);
      await start(mapping);
      return true;
    },

    /** The passphrase was given: the scheduled runs that waited for it start. */
    async unlocked(): Promise<void> {
      let waiting: string[] = [];
      await update((state) => {
        waiting = state.waiting;
        state.waiting = [];
      });
      const mappings = await deps.mappings();
      for (const mapping of mappings) if (waiting.includes(mapping.id)) await start(mapping);
    },

    /** Each scheduled mapping's next run, whether it waits for the passphrase, and why its last one did not start. */
    async upcoming(): Promise<Array<{ mappingId: string; nextAt: number | null; waiting: boolean; notStarted: { at: number; message: string } | null }>> {
      const [mappings, state] = await Promise.all([deps.mappings(), load()]);
      return mappings.map((mapping) => ({
        mappingId: mapping.id,
        nextAt: dueAt(mapping, state) ?? null,
        waiting: state.waiting.includes(mapping.id),
        notStarted: state.notStarted[mapping.id] ?? null,
      }));
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
