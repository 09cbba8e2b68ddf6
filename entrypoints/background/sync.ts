import { browser } from '#imports';
import type { AssetPandaConnection } from '../../lib/assetpanda/connection';
import type { IntuneService } from '../../lib/auth/service';
import type { Database } from '../../lib/db/open';
import type { Mapping } from '../../lib/mapping/schema';
import type { MappingStore } from '../../lib/mapping/store';
import { badgeFor } from '../../lib/runs/badge';
import { writtenText } from '../../lib/runs/history';
import { lastMapping } from '../../lib/runs/last-mapping';
import { createRunManager } from '../../lib/runs/manager';
import { createScheduler, type Alarms } from '../../lib/runs/scheduler';
import { servicePorts } from '../../lib/runs/service-ports';
import { indexedDbRunStore } from '../../lib/sync/idb-run-store';
import type { RunRecord } from '../../lib/sync/run-store';

/** Wakes a worker the browser stopped while a run was unfinished, so that it resumes the run. */
const WATCHDOG_ALARM = 'sync-watchdog';
/** The id of a notification about a mapping's schedule (a run's own notification has the run's id). */
const SCHEDULE_NOTICE = 'schedule:';
/** Chrome stops an idle worker after 30 s; an extension API call while a run writes keeps it up. */
const KEEP_AWAKE_MS = 20_000;

const alarms: Alarms = {
  set: async (name, when) => {
    await browser.alarms.create(name, { when });
  },
  clear: async (name) => {
    await browser.alarms.clear(name);
  },
  names: async () => (await browser.alarms.getAll()).map((alarm) => alarm.name),
};

function notify(id: string, title: string, message: string): void {
  void browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message }).catch(() => undefined);
}

/** The end of a scheduled run, told to the admin who was not watching. */
function notifyEnd(run: RunRecord): void {
  const title = `Scheduled sync of "${run.mappingName}"`;
  if (run.status === 'paused') notify(run.id, title, `Paused: ${run.pause?.message ?? ''} Open the history to continue it.`);
  else if (run.status === 'done') notify(run.id, title, `Done: ${writtenText(run)}.`);
  else if (run.status === 'cancelled') notify(run.id, title, 'Cancelled. What was written stays.');
}

/** A notification's page: a run's report, or the Sync part of a mapping whose scheduled run did not start. */
function notificationUrl(id: string): string {
  const [part, item] = id.startsWith(SCHEDULE_NOTICE) ? ['sync', id.slice(SCHEDULE_NOTICE.length)] : ['history', id];
  return browser.runtime.getURL(`/options.html#${part}/${encodeURIComponent(item)}`);
}

/**
 * The sync runtime of the background: the run manager on the saved connections and the IndexedDB
 * run store, the schedule's alarms, the watchdog and keep-awake of a running sync, the toolbar badge
 * and the notification at the end of a scheduled run. Runs left unfinished by a stopped worker resume
 * when the worker starts (and when the browser starts).
 */
export function startSyncRuntime(deps: { database: Promise<Database>; intune: IntuneService; assetPanda: AssetPandaConnection; mappings: MappingStore }) {
  const store = indexedDbRunStore(deps.database);
  const readableMappings = async (): Promise<Mapping[]> => (await deps.mappings.list()).flatMap((entry) => (entry.readable ? [entry.mapping] : []));
  let keepAwake: ReturnType<typeof setInterval> | undefined;
  let badgeQueue: Promise<void> = Promise.resolve();

  const manager = createRunManager({
    store,
    mapping: (id) => deps.mappings.get(id),
    connect: servicePorts(deps.intune, deps.assetPanda),
    onActivity: (running) => {
      awake(running > 0);
      refreshBadge();
    },
    onSettled: (run) => {
      refreshBadge();
      if (run.trigger === 'schedule') notifyEnd(run);
    },
  });

  const scheduler = createScheduler({
    database: deps.database,
    mappings: readableMappings,
    alarms,
    locked: async () => (await deps.assetPanda.lockState()) === 'locked',
    start: async (mappingId) => {
      await manager.start(mappingId, 'sync', 'schedule');
    },
    notify: (mapping, message) => {
      notify(SCHEDULE_NOTICE + mapping.id, `Scheduled sync of "${mapping.name}"`, message);
      refreshBadge();
    },
    now: () => Date.now(),
  });

  function awake(running: boolean): void {
    if (running && keepAwake === undefined) {
      keepAwake = setInterval(() => void browser.runtime.getPlatformInfo(), KEEP_AWAKE_MS);
      void browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
    } else if (!running && keepAwake !== undefined) {
      clearInterval(keepAwake);
      keepAwake = undefined;
      void browser.alarms.clear(WATCHDOG_ALARM);
    }
  }

  async function showBadge(): Promise<void> {
    const [recent, schedules, mappings] = await Promise.all([manager.recent(), scheduler.upcoming(), readableMappings()]);
    const name = (id: string) => mappings.find((mapping) => mapping.id === id)?.name ?? id;
    const scheduleProblems = schedules.flatMap((schedule) => [
      ...(schedule.waiting ? [`"${name(schedule.mappingId)}" waits for the Asset Panda passphrase.`] : []),
      ...(schedule.notStarted ? [`"${name(schedule.mappingId)}" did not start: ${schedule.notStarted.message}`] : []),
    ]);
    const badge = badgeFor(recent, scheduleProblems);
    await browser.action.setBadgeText({ text: badge.text });
    await browser.action.setBadgeBackgroundColor({ color: badge.color });
    await browser.action.setTitle({ title: badge.title });
  }

  /** The badge follows the runs, one update after the other. */
  function refreshBadge(): void {
    badgeQueue = badgeQueue.then(showBadge).catch(() => undefined);
  }

  /** Goes on with what a stopped worker left; the watchdog goes when nothing runs. */
  async function resume(): Promise<void> {
    await manager.resumeInterrupted().catch(() => undefined);
    if (manager.running() === 0) await browser.alarms.clear(WATCHDOG_ALARM);
  }

  /** What the worker does whenever it starts (the browser's start included): resume, and set the schedules. */
  function resumeAndSchedule(): void {
    void resume();
    void scheduler.reconcile();
    refreshBadge();
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WATCHDOG_ALARM) void resume();
    else void scheduler.fired(alarm.name);
  });
  // Only so that the browser starts the worker when the browser starts: that start runs resumeAndSchedule below, once.
  browser.runtime.onStartup.addListener(() => undefined);
  browser.notifications.onClicked.addListener((id) => void browser.tabs.create({ url: notificationUrl(id) }));
  resumeAndSchedule();

  return {
    manager,
    scheduler,
    store,
    lastMapping: lastMapping(deps.database),
    mappings: deps.mappings,
    /** The mappings changed (saved, deleted, imported, set by policy): the schedules follow. */
    mappingsChanged: () => void scheduler.reconcile(),
    /** The Asset Panda passphrase was given: what waited for it goes on. */
    unlocked: () => {
      void manager.continuePaused('asset-panda-locked');
      void scheduler.unlocked();
    },
  };
}

export type SyncRuntime = ReturnType<typeof startSyncRuntime>;
