import { expect } from 'vitest';

/**
 * Checks every item, after checking there is one: a check over an empty list passes whatever the
 * code does, so a self-test that filters its list first must not be able to filter it to nothing.
 */
export function expectEach<T>(items: readonly T[], check: (item: T) => void): void {
  expect(items.length, 'the list to check is empty').toBeGreaterThan(0);
  for (const item of items) check(item);
}
