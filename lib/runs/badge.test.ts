import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../sync/run-store';
import { badgeFor } from './badge';
import type { RunView } from './manager';

function view(status: RunRecord['status'], changes: Partial<RunRecord> = {}, running = false): RunView {
  const run: RunRecord = {
    id: `run-${status}`,
    mappingId: 'm',
    mappingName: 'Intune laptops',
    mappingUpdatedAt: '',
    collectionId: 'c',
    mode: 'sync',
    trigger: 'manual',
    status,
    startedAt: 0,
    updatedAt: 0,
    written: { created: 0, updated: 0, marked: 0, deleted: 0, failed: 0, pending: 0 },
    computeMs: 0,
    ...changes,
  };
  return { run, running, progress: null, waiting: null };
}

describe('the toolbar badge', () => {
  it('shows a running sync first, then one that needs the admin, else nothing', () => {
    const paused = view('paused', { pause: { code: 'intune-sign-in', message: 'Sign in again.', at: 0 } });
    expect(badgeFor([paused, view('applying', {}, true)], [])).toMatchObject({ text: '…', title: expect.stringContaining('Syncing "Intune laptops"') });
    expect(badgeFor([paused], [])).toMatchObject({ text: '!', title: expect.stringContaining('"Intune laptops" is paused: Sign in again.') });
    expect(badgeFor([view('done', { written: { created: 1, updated: 0, marked: 0, deleted: 0, failed: 2, pending: 0 } })], [])).toMatchObject({ text: '!' });
    expect(badgeFor([view('done')], ['"Intune laptops" did not start: signed out.'])).toMatchObject({ text: '!', title: expect.stringContaining('did not start') });
    expect(badgeFor([view('done'), view('previewed')], [])).toMatchObject({ text: '' });
  });
});
