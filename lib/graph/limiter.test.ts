import { describe, expect, it } from 'vitest';
import { createSlidingWindowLimiter } from './limiter';

/** A clock that only moves when the limiter sleeps, and the waits it was asked for. */
function fakeTime() {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}

async function acquireMany(limiter: ReturnType<typeof createSlidingWindowLimiter>, kind: 'read' | 'write', count: number) {
  for (let i = 0; i < count; i += 1) await limiter.acquire(kind);
}

describe('sliding-window limiter', () => {
  it('lets 90% of the per-app budget through at once, then waits for the window to slide', async () => {
    const time = fakeTime();
    const limiter = createSlidingWindowLimiter(time);
    await acquireMany(limiter, 'read', 1_800);
    expect(time.waits).toEqual([]);
    await limiter.acquire('read');
    expect(time.waits).toEqual([20_000]);
  });

  it('holds writes to 180 per 20 s while reads still pass', async () => {
    const time = fakeTime();
    const limiter = createSlidingWindowLimiter(time);
    await acquireMany(limiter, 'write', 180);
    await acquireMany(limiter, 'read', 100);
    expect(time.waits).toEqual([]);
    await limiter.acquire('write');
    expect(time.waits).toEqual([20_000]);
  });

  it('counts writes against the overall budget too', async () => {
    const time = fakeTime();
    const limiter = createSlidingWindowLimiter({ ...time, limits: { windowMs: 1_000, maxRequests: 4, maxWrites: 2 }, headroom: 1 });
    await limiter.acquire('write');
    await acquireMany(limiter, 'read', 3);
    expect(time.waits).toEqual([]);
    await limiter.acquire('read');
    expect(time.waits).toEqual([1_000]);
  });

  it('frees room as requests leave the window, not all at once', async () => {
    const time = fakeTime();
    const limiter = createSlidingWindowLimiter({ ...time, limits: { windowMs: 1_000, maxRequests: 2, maxWrites: 2 }, headroom: 1 });
    await limiter.acquire('read');
    await time.sleep(400);
    await limiter.acquire('read');
    await limiter.acquire('read');
    expect(time.waits).toEqual([400, 600]);
    await limiter.acquire('read');
    expect(time.waits).toEqual([400, 600, 400]);
  });
});
