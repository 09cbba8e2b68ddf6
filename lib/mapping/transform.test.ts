import { describe, expect, it } from 'vitest';
import { applyTransform, humanize, sameValue, transformKinds } from './transform';

const text = { type: 'text' };
const number = { type: 'number' };
const date = { type: 'date' };
const status = { type: 'status', options: ['Compliant', 'Noncompliant'] };
const link = { type: 'text', reference: { collectionId: 'c', fieldId: 'f', primary: true } };
const pulled = { type: 'text', reference: { collectionId: 'c', fieldId: 'f', primary: false } };

describe('which transforms a field takes', () => {
  it('offers only what the field can hold, the usual transform first', () => {
    expect(transformKinds('string', text)).toEqual(['asIs']);
    expect(transformKinds('number', number)).toEqual(['asIs', 'bytesToGB']);
    expect(transformKinds('dateTime', text)).toEqual(['date']);
    expect(transformKinds('boolean', text)).toEqual(['yesNo']);
    expect(transformKinds('enum', status)).toEqual(['labels']);
    expect(transformKinds('string', number)).toEqual([]);
    expect(transformKinds('dateTime', { type: 'attachment' })).toEqual([]);
  });

  it('offers a linked field only as a lookup by value, and a pulled field not at all', () => {
    expect(transformKinds('string', link)).toEqual(['lookup']);
    expect(transformKinds('enum', link)).toEqual([]);
    expect(transformKinds('string', pulled)).toEqual([]);
  });
});

describe('transforms', () => {
  it('writes dates in the chosen format, ISO dates into date fields', () => {
    const at = '2024-05-02T23:30:00Z';
    expect(applyTransform({ kind: 'date', format: 'MM/DD/YYYY' }, at, text)).toBe('05/02/2024');
    expect(applyTransform({ kind: 'date', format: 'DD/MM/YYYY' }, at, text)).toBe('02/05/2024');
    expect(applyTransform({ kind: 'date', format: 'DD/MM/YYYY' }, at, date)).toBe('2024-05-02');
    expect(applyTransform({ kind: 'date', format: 'ISO 8601 date and time' }, at, text)).toBe('2024-05-02T23:30:00Z');
    expect(applyTransform({ kind: 'date', format: 'YYYY-MM-DD' }, '0001-01-01T00:00:00Z', date)).toBeNull();
  });

  it('turns bytes into gigabytes, booleans into Yes/No, enum members into labels', () => {
    expect(applyTransform({ kind: 'bytesToGB' }, 255_550_554_112, number)).toBe(238);
    expect(applyTransform({ kind: 'bytesToGB' }, 128_849_018_880, text)).toBe('120 GB');
    expect(applyTransform({ kind: 'yesNo' }, false, text)).toBe('No');
    expect(applyTransform({ kind: 'labels', labels: { noncompliant: 'Noncompliant' } }, 'noncompliant', status)).toBe('Noncompliant');
    // An Intune value the transform cannot convert is not "Intune holds nothing": it is said apart.
    expect(applyTransform({ kind: 'labels', labels: {} }, 'configManager', status)).toMatchObject({ unconvertible: true, value: 'configManager' });
    expect(applyTransform({ kind: 'asIs' }, 'twelve', number)).toMatchObject({ unconvertible: true, reason: 'it is not a number' });
    expect(applyTransform({ kind: 'date', format: 'YYYY-MM-DD' }, 'not a date', date)).toMatchObject({ unconvertible: true });
  });

  it('reads nothing into an empty value', () => {
    for (const empty of [null, undefined, '', '   ']) expect(applyTransform({ kind: 'asIs' }, empty, text)).toBeNull();
  });

  it('names enum members in words', () => {
    expect(humanize('inGracePeriod')).toBe('In Grace Period');
    expect(humanize('windowsAzureADJoin')).toBe('Windows Azure AD Join');
  });
});

describe('whether Asset Panda already holds the value', () => {
  it('compares by meaning, so that a re-run writes nothing', () => {
    expect(sameValue(number, '238', 238)).toBe(true);
    expect(sameValue({ type: 'boolean' }, 'true', true)).toBe(true);
    expect(sameValue(date, '2024-05-02T00:00:00Z', '2024-05-02')).toBe(true);
    expect(sameValue(status, 'compliant', 'Compliant')).toBe(true);
    expect(sameValue(text, ' PF3ABCD1 ', 'PF3ABCD1')).toBe(true);
    expect(sameValue(text, null, '')).toBe(true);
  });

  it('sees a real change', () => {
    expect(sameValue(text, 'pf3abcd1', 'PF3ABCD1')).toBe(false);
    expect(sameValue(number, 237.5, 238)).toBe(false);
    expect(sameValue(date, '2024-05-01', '2024-05-02')).toBe(false);
    expect(sameValue(text, null, 'PF3ABCD1')).toBe(false);
  });
});
