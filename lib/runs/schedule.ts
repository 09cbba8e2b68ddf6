import type { Schedule } from '../mapping/schema';

const HOUR_MS = 3_600_000;

/**
 * When a schedule next runs after `after` (epoch ms): every N hours counts from `after`; daily is the
 * first time of day HH:MM (the browser's local time) strictly after it. Undefined when off.
 */
export function nextRunAt(schedule: Schedule, after: number): number | undefined {
  switch (schedule.kind) {
    case 'off':
      return undefined;
    case 'everyHours':
      return after + schedule.hours * HOUR_MS;
    case 'daily': {
      const [hours = 0, minutes = 0] = schedule.at.split(':').map(Number);
      const next = new Date(after);
      next.setHours(hours, minutes, 0, 0);
      if (next.getTime() <= after) next.setDate(next.getDate() + 1);
      // setDate keeps the wall-clock time across a daylight-saving change; setHours again to be sure.
      next.setHours(hours, minutes, 0, 0);
      return next.getTime();
    }
  }
}

/** The schedule in words, as the Sync part and the popup show it. */
export function scheduleText(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'off':
      return 'Not scheduled';
    case 'everyHours':
      return schedule.hours === 1 ? 'Every hour' : `Every ${schedule.hours} hours`;
    case 'daily':
      return `Daily at ${schedule.at}`;
  }
}
