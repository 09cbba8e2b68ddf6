export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What Graph puts in a non-nullable DateTimeOffset that was never set. */
export const NEVER = '0001-01-01T00:00:00Z';
/** What Intune puts in complianceGracePeriodExpirationDateTime when no grace period runs. */
export const NO_GRACE_PERIOD = '9999-12-31T23:59:59Z';

/** Graph's Intune timestamps: UTC, whole seconds, `Z`. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}
