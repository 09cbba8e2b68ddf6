// Content-script safe: plain functions, no zod, nothing from the background's modules.

/** When to read the device again while an action is under way: 3 s, 6 s, 12 s … then every minute. */
export function pollDelayMs(attempt: number): number {
  return Math.min(60_000, 3_000 * 2 ** Math.max(0, attempt));
}

/** Whether an action is still under way on the device: a pending remote action, or a pending retire or wipe. */
export function actionInProgress(device: { activity: ReadonlyArray<{ state: string }>; managementState: { code: string } }): boolean {
  return device.activity.some((a) => a.state === 'pending' || a.state === 'active') || device.managementState.code.endsWith('Pending');
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "5 minutes ago", "yesterday"; "Never" for Intune's 0001-01-01 (a device that never checked in). */
export function relativeTime(iso: string | null, now: number): string {
  const at = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(at) || new Date(at).getUTCFullYear() <= 1) return 'Never';
  const elapsed = now - at;
  if (Math.abs(elapsed) < 60_000) return 'just now';
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(elapsed) >= ms) ?? ['minute', 60_000];
  return relative.format(-Math.round(elapsed / size), unit);
}
