import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { MappingSchema, type Mapping, type Schedule } from '../mapping/schema';
import { nextRunAt } from './schedule';
import { createScheduler, SCHEDULE_ALARM_PREFIX, type Alarms } from './scheduler';

const HOUR = 3_600_000;
const at = (local: string) => new Date(local).getTime();

describe('when a schedule runs next', () => {
  it('counts every N hours from the last run, and finds the next local time of day for daily', () => {
    expect(nextRunAt({ kind: 'off' }, 0)).toBeUndefined();
    expect(nextRunAt({ kind: 'everyHours', hours: 6 }, at('2026-12-01T10:15:00'))).toBe(at('2026-12-01T16:15:00'));
    expect(nextRunAt({ kind: 'daily', at: '02:30' }, at('2026-12-01T01:00:00'))).toBe(at('2026-12-01T02:30:00'));
    expect(nextRunAt({ kind: 'daily', at: '02:30' }, at('2026-12-01T02:30:00'))).toBe(at('2026-12-02T02:30:00'));
    expect(nextRunAt({ kind: 'daily', at: '23:59' }, at('2026-12-31T23:59:30'))).toBe(at('2027-01-01T23:59:00'));
  });
});

let databases = 0;

function mapping(id: string, schedule: Schedule, updatedAt = '2026-12-01T08:00:00'): Mapping {
  return MappingSchema.parse({
    id,
    name: `Mapping ${id}`,
    collection: { id: 'c1', name: 'Devices' },
    entity: 'managedDevices',
    fields: [],
    matchKeys: ['id'],
    behaviour: { schedule },
    createdAt: new Date(at(updatedAt)).toISOString(),
    updatedAt: new Date(at(updatedAt)).toISOString(),
  });
}

/** A scheduler over fake alarms and a fake clock; `started` lists the runs it started. */
function setUp(mappings: Mapping[], options: { locked?: boolean; refuse?: string } = {}) {
  const alarms = new Map<string, number>();
  const fakeAlarms: Alarms = {
    set: async (name, when) => void alarms.set(name, when),
    clear: async (name) => void alarms.delete(name),
    names: async () => [...alarms.keys()],
  };
  const state = { now: at('2026-12-01T12:00:00'), locked: options.locked ?? false };
  const started: string[] = [];
  const notices: string[] = [];
  const scheduler = createScheduler({
    database: openDatabase(`scheduler-test-${++databases}`),
    mappings: async () => mappings,
    alarms: fakeAlarms,
    locked: async () => state.locked,
    start: async (mappingId) => {
      if (options.refuse) throw new Error(options.refuse);
      started.push(mappingId);
    },
    notify: (_mapping, message) => notices.push(message),
    now: () => state.now,
  });
  return { scheduler, alarms, state, started, notices };
}

describe('the schedule alarms', () => {
  it('keep one alarm per scheduled mapping at its next run, and none for the others', async () => {
    const { scheduler, alarms } = setUp([mapping('hourly', { kind: 'everyHours', hours: 6 }), mapping('daily', { kind: 'daily', at: '02:00' }), mapping('off', { kind: 'off' })]);
    alarms.set(`${SCHEDULE_ALARM_PREFIX}deleted`, 1);
    alarms.set('intune-sign-in-renewal', 1);
    await scheduler.reconcile();
    expect(Object.fromEntries(alarms)).toEqual({
      [`${SCHEDULE_ALARM_PREFIX}hourly`]: at('2026-12-01T14:00:00'),
      [`${SCHEDULE_ALARM_PREFIX}daily`]: at('2026-12-02T02:00:00'),
      'intune-sign-in-renewal': 1,
    });
  });

  it('start the sync when the alarm fires and move the alarm to the next run; a run missed meanwhile runs as soon as the worker is up', async () => {
    const { scheduler, alarms, state, started } = setUp([mapping('daily', { kind: 'daily', at: '02:00' }, '2026-11-20T08:00:00')]);
    await scheduler.reconcile();
    // Last fired never, mapping saved on 20 November: the 02:00 runs since then were missed.
    expect(alarms.get(`${SCHEDULE_ALARM_PREFIX}daily`)).toBe(state.now + 1_000);
    state.now += 1_000;
    expect(await scheduler.fired(`${SCHEDULE_ALARM_PREFIX}daily`)).toBe(true);
    expect(started).toEqual(['daily']);
    expect(alarms.get(`${SCHEDULE_ALARM_PREFIX}daily`)).toBe(at('2026-12-02T02:00:00'));
    // A worker that starts again does not run it again.
    await scheduler.reconcile();
    expect(alarms.get(`${SCHEDULE_ALARM_PREFIX}daily`)).toBe(at('2026-12-02T02:00:00'));
    expect(await scheduler.fired('intune-sign-in-renewal')).toBe(false);
    expect(started).toEqual(['daily']);
  });

  it('wait for the Asset Panda passphrase, saying so, and start once it is given', async () => {
    const { scheduler, state, started, notices } = setUp([mapping('hourly', { kind: 'everyHours', hours: 1 })], { locked: true });
    await scheduler.fired(`${SCHEDULE_ALARM_PREFIX}hourly`);
    expect(started).toEqual([]);
    expect(notices).toEqual([expect.stringContaining('waits for the Asset Panda passphrase')]);
    expect(await scheduler.upcoming()).toEqual([{ mappingId: 'hourly', nextAt: state.now + HOUR, waiting: true, notStarted: null }]);
    state.locked = false;
    await scheduler.unlocked();
    expect(started).toEqual(['hourly']);
    expect((await scheduler.upcoming())[0]?.waiting).toBe(false);
  });

  it('say why a scheduled sync did not start, and keep the schedule', async () => {
    const { scheduler, state, notices } = setUp([mapping('hourly', { kind: 'everyHours', hours: 1 })], { refuse: 'Your Microsoft sign-in has expired.' });
    await scheduler.fired(`${SCHEDULE_ALARM_PREFIX}hourly`);
    expect(notices).toEqual(['The scheduled sync of "Mapping hourly" did not start: Your Microsoft sign-in has expired.']);
    expect(await scheduler.upcoming()).toEqual([
      { mappingId: 'hourly', nextAt: state.now + HOUR, waiting: false, notStarted: { at: state.now, message: 'Your Microsoft sign-in has expired.' } },
    ]);
  });
});
