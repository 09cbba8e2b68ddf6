import { describe, expect, it } from 'vitest';
import { serialQueue } from './serial-queue';

describe('serial queue', () => {
  it('runs tasks one at a time, in order, a failure stopping none after it', async () => {
    const serially = serialQueue();
    const events: string[] = [];
    const task = (name: string, fails = false) => async () => {
      events.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${name}`);
      if (fails) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([serially(task('a')), serially(task('b', true)), serially(task('c'))]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
