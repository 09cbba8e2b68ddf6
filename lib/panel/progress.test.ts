import { describe, expect, it } from 'vitest';
import { actionInProgress, pollDelayMs, relativeTime } from './progress';

describe('panel progress', () => {
  it('backs off from 3 seconds to once a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(pollDelayMs)).toEqual([3_000, 6_000, 12_000, 24_000, 48_000, 60_000, 60_000]);
  });

  it('keeps watching while an action or a retire or wipe is pending', () => {
    const managed = { code: 'managed' };
    expect(actionInProgress({ activity: [{ state: 'pending' }], managementState: managed })).toBe(true);
    expect(actionInProgress({ activity: [{ state: 'done' }], managementState: { code: 'retirePending' } })).toBe(true);
    expect(actionInProgress({ activity: [{ state: 'done' }, { state: 'failed' }], managementState: managed })).toBe(false);
  });

  it('says when in words', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    expect(relativeTime('2026-06-01T11:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-06-01T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-06-01T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-05-31T12:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('0001-01-01T00:00:00Z', now)).toBe('Never');
    expect(relativeTime(null, now)).toBe('Never');
  });
});
