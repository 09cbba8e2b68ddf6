import { backoffMs } from '../retry';
import { PortError } from './ports';
import type { SyncPause } from './pause';

/** Thrown inside the engine to stop a run in the paused state; the run keeps its lock and its plan. */
export class PauseSignal extends Error {
  constructor(readonly pause: Omit<SyncPause, 'at'>) {
    super(pause.message);
    this.name = 'PauseSignal';
  }
}

/** Thrown inside the engine when the caller's AbortSignal fires. */
export class CancelSignal extends Error {
  constructor() {
    super('The sync was cancelled.');
    this.name = 'CancelSignal';
  }
}

/** Any failure as a PortError: an adapter's as is, anything else (a bug, an unknown error) systemic. */
export function asPortError(error: unknown): PortError {
  if (error instanceof PortError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const text = message.replace(/\.?$/, '.');
  return new PortError(
    'systemic',
    `The sync stopped on an unexpected error: ${text} What was written stays. Continue the sync to try again; if it stops the same way, discard it and report the error.`,
    'unexpected',
    undefined,
    { cause: error },
  );
}

export function pauseFor(failure: PortError): PauseSignal {
  return new PauseSignal({ code: failure.pause, message: failure.message });
}

/**
 * How long a service may keep failing in passing (throttled, 5xx, no answer) before the run pauses:
 * several of Graph's and Asset Panda's throttling windows (up to three minutes each).
 */
export const PATIENCE_MS = 10 * 60_000;

/** The engine's back-off between passing failures: 2 s doubling to 2 minutes. */
export function passingBackoffMs(attempt: number): number {
  return backoffMs(attempt, { firstMs: 2_000, maxMs: 120_000 });
}

/**
 * Runs a read, again after a passing failure (waiting as the service asked, or backing off) for up
 * to PATIENCE_MS, and turns a failure that does not pass into a pause.
 */
export async function patiently<T>(read: () => Promise<T>, sleep: (ms: number) => Promise<void>, now: () => number): Promise<T> {
  const started = now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (error instanceof PauseSignal || error instanceof CancelSignal) throw error;
      const failure = asPortError(error);
      if (failure.kind !== 'transient' || now() - started >= PATIENCE_MS) throw pauseFor(failure);
      await sleep(failure.retryAfterMs ?? passingBackoffMs(attempt));
    }
  }
}
