import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Field } from '../assetpanda/types';
import { decodeDocument } from '../db/versioned';
import { checkMapping, isRunnable } from './check';
import type { Mapping } from './schema';
import { MAPPING_DOCUMENT } from './store';

const decoded = decodeDocument(MAPPING_DOCUMENT, JSON.parse(readFileSync(new URL('./fixtures/mapping.v1.json', import.meta.url), 'utf8')));
if (!decoded.ok) throw new Error(decoded.problem);
const mapping: Mapping = decoded.value;

/** The fixture's collection as Asset Panda lists it: every mapped field, as saved. */
const fields: Field[] = [
  ...mapping.fields.map(({ target }) => ({ ...target, required: false, unique: ['Intune Device ID', 'Serial Number'].includes(target.name) })),
  { ...mapping.behaviour.retiredStatus!.field, required: false, unique: false, options: ['In Use', 'Retired'] },
].map((field) => (field.name === 'Compliance' ? { ...field, options: ['Compliant', 'Noncompliant', 'In Grace Period'] } : field));

const codes = (problems: ReturnType<typeof checkMapping>) => problems.map((problem) => problem.code);

describe('checking a mapping against its collection', () => {
  it('finds nothing wrong with a mapping that fits its collection', () => {
    expect(checkMapping(mapping, fields)).toEqual([]);
  });

  it('refuses a mapping whose field was deleted in Asset Panda, naming the field in words', () => {
    const problems = checkMapping(mapping, fields.filter((field) => field.name !== 'Serial Number'));
    expect(isRunnable(problems)).toBe(false);
    expect(problems[0]?.message).toContain('"Serial Number" (text)');
    expect(problems[0]?.message).toContain('no longer exists in Devices');
  });

  it('refuses a field retyped so that the value no longer fits', () => {
    const problems = checkMapping(mapping, fields.map((field) => (field.name === 'Last Sync' ? { ...field, type: 'number' } : field)));
    expect(codes(problems)).toEqual(['incompatible-target']);
    expect(problems[0]?.message).toContain('was date and is now number');
  });

  it("refuses the guide's unsuitable Unique Identifiers with the guide's reason", () => {
    const byName = { ...mapping, matchKeys: ['deviceName'] };
    expect(checkMapping(byName, fields)[0]?.message).toBe('Device Name cannot be a Unique Identifier: Not suitable as a Unique Identifier. May change over time.');
    expect(codes(checkMapping({ ...mapping, matchKeys: [] }, fields))).toEqual(['no-match-key']);
    expect(codes(checkMapping({ ...mapping, matchKeys: ['imei'] }, fields))).toEqual(['match-key-unmapped']);
  });

  it('warns when a match key lands on a field not marked unique', () => {
    const problems = checkMapping(mapping, fields.map((field) => ({ ...field, unique: false })));
    expect(isRunnable(problems)).toBe(true);
    expect(codes(problems)).toEqual(['match-key-not-unique', 'match-key-not-unique']);
  });

  it('refuses two Intune fields on one Asset Panda field, and labels the field does not have', () => {
    const twice = { ...mapping, fields: [...mapping.fields, { ...mapping.fields[0]!, source: 'model' }] };
    expect(codes(checkMapping(twice, fields))).toEqual(['target-twice']);
    const retired = { ...mapping, behaviour: { ...mapping.behaviour, retiredStatus: { ...mapping.behaviour.retiredStatus!, value: 'Gone' } } };
    expect(codes(checkMapping(retired, fields))).toContain('unknown-label');
  });

  it('refuses to create records that would miss a field Asset Panda requires', () => {
    const required: Field = { id: 'x_0_assettag_text', name: 'Asset Tag', type: 'text', required: true, unique: false };
    expect(codes(checkMapping(mapping, [...fields, required]))).toEqual(['required-unmapped']);
    expect(checkMapping({ ...mapping, behaviour: { ...mapping.behaviour, createRecords: false } }, [...fields, required])).toEqual([]);
  });

  it('refuses a Unique Identifier listed twice, or landing on a link to another collection', () => {
    expect(codes(checkMapping({ ...mapping, matchKeys: ['id', 'serialNumber', 'id'] }, fields))).toEqual(['match-key-twice']);
    const link: Field = { id: 'x_0_assignedto_text', name: 'Assigned To', type: 'text', required: false, unique: false, reference: { collectionId: 'e', fieldId: 'e_email', primary: true } };
    const serialAsLookup = {
      ...mapping,
      fields: mapping.fields.map((entry) => (entry.source === 'serialNumber' ? { ...entry, target: link, transform: { kind: 'lookup' as const } } : entry)),
    };
    expect(codes(checkMapping(serialAsLookup, [...fields, link]))).toEqual(['match-key-lookup']);
  });

  it('prefers the plain field of an Intune field that also fills a link, when it is a Unique Identifier', () => {
    const link: Field = { id: 'x_0_assignedto_text', name: 'Assigned To', type: 'text', required: false, unique: false, reference: { collectionId: 'e', fieldId: 'e_email', primary: true } };
    const both = { ...mapping, fields: [{ source: 'serialNumber', target: link, transform: { kind: 'lookup' as const }, keepWhenEmpty: true }, ...mapping.fields] };
    expect(checkMapping(both, [...fields, link])).toEqual([]);
  });

  it('warns before records of devices gone from Intune are deleted, and refuses to clear a required field', () => {
    const deleting = { ...mapping, behaviour: { ...mapping.behaviour, missingDevices: { action: 'delete' as const } } };
    const problems = checkMapping(deleting, fields);
    expect(isRunnable(problems)).toBe(true);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'deletes-records', message: expect.stringContaining('deleted from Asset Panda') })]);

    const name = mapping.fields.find((entry) => entry.source === 'deviceName')!.target;
    const clearing = { ...mapping, behaviour: { ...mapping.behaviour, missingDevices: { action: 'clearField' as const, field: name } } };
    expect(checkMapping(clearing, fields)).toEqual([]);
    expect(codes(checkMapping(clearing, fields.map((field) => (field.id === name.id ? { ...field, required: true } : field))))).toEqual(['clear-required']);
  });

  it('refuses a status value for a field that cannot hold text', () => {
    const storage = mapping.fields.find((entry) => entry.source === 'totalStorageSpaceInBytes')!.target;
    const retired = { ...mapping, behaviour: { ...mapping.behaviour, retiredStatus: { field: storage, value: 'Retired' } } };
    expect(codes(checkMapping(retired, fields))).toEqual(['value-type']);
  });
});

