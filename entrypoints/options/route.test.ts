import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './route';

describe('options page routes', () => {
  it('reads a part and an item from the hash', () => {
    expect(parseRoute('#mappings')).toEqual({ part: 'mappings', item: undefined });
    expect(parseRoute(routeHash('history', 'run 1/2'))).toEqual({ part: 'history', item: 'run 1/2' });
  });

  it('shows the connections for an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ part: 'connections', item: undefined });
    expect(parseRoute('#nowhere/x')).toEqual({ part: 'connections', item: undefined });
  });
});
