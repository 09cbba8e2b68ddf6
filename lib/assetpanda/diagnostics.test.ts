import { describe, expect, it } from 'vitest';
import { createShapeLog, describeShape } from './diagnostics';

describe('answer shapes', () => {
  it('keeps field names and types, never values', () => {
    const shape = describeShape({ data: [{ id: 'R1', serial: 'C02XK1JHJG5H', storage: 256, encrypted: true, notes: null }], total: 1 });
    expect(shape).toEqual({ data: [{ id: 'string', serial: 'string', storage: 'number', encrypted: 'boolean', notes: 'null' }], total: 'number' });
  });

  it('merges the elements of an array, marking fields some lack and types that vary', () => {
    const shape = describeShape([{ id: 'a', value: 'x', tags: [] }, { id: 'b', value: null, extra: { n: 1 }, tags: ['t'] }]);
    expect(shape).toEqual([{ id: 'string', value: 'null | string', 'extra?': { n: 'number' }, tags: ['string'] }]);
    expect(describeShape([])).toEqual([]);
  });

  it('keeps the latest distinct shapes and reports only new ones', () => {
    const saved: number[] = [];
    const log = createShapeLog({ limit: 2, onNewShape: (entries) => saved.push(entries.length) });
    const seen = (operation: string) => log.record({ operation, status: 200, expectation: 'x', matched: true, problems: [], shape: 'string' });
    seen('GET /a');
    seen('GET /a');
    seen('GET /b');
    seen('GET /c');
    expect(log.entries().map((e) => e.operation)).toEqual(['GET /b', 'GET /c']);
    expect(saved).toEqual([1, 2, 2]);
  });
});
