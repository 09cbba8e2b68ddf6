import { describe, expect, it } from 'vitest';
import type { Field } from '../assetpanda/types';
import { mapLookup, mapSource, moveMatchKey, newDraft, plainMapping, retarget } from './draft';

const field = (id: string, name: string, type: string, extra: Partial<Field> = {}): Field => ({ id, name, type, required: false, unique: false, ...extra });
const serial = field('old_serial', 'Serial Number', 'text');
const status = field('old_status', 'Status', 'status', { options: ['In Use', 'Retired'] });
const storage = field('old_storage', 'Storage', 'number');
const assigned = field('old_assigned', 'Assigned To', 'text', { reference: { collectionId: 'people', fieldId: 'email', primary: true } });

describe('editing a mapping draft', () => {
  it('maps an Intune field with its usual transform, keeps one plain mapping per Intune field, and unmaps it', () => {
    let draft = mapSource(newDraft(), 'totalStorageSpaceInBytes', storage);
    expect(plainMapping(draft, 'totalStorageSpaceInBytes')).toMatchObject({ target: { id: 'old_storage' }, transform: { kind: 'bytesToGB' }, keepWhenEmpty: true });
    draft = mapSource(draft, 'totalStorageSpaceInBytes', field('other', 'Total', 'text'));
    expect(draft.fields).toHaveLength(1);
    expect(draft.fields[0]?.transform).toEqual({ kind: 'bytesToGB' });
    expect(mapSource(draft, 'totalStorageSpaceInBytes', undefined).fields).toEqual([]);
  });

  it('fills a link by a lookup alongside the plain mapping of the same Intune field', () => {
    const draft = mapLookup(mapSource(newDraft(), 'emailAddress', field('email', 'Primary User Email', 'text')), assigned, 'emailAddress');
    expect(draft.fields.map((entry) => [entry.target.name, entry.transform.kind])).toEqual([
      ['Primary User Email', 'asIs'],
      ['Assigned To', 'lookup'],
    ]);
    expect(mapLookup(draft, assigned, undefined).fields).toHaveLength(1);
  });

  it('moves a mapping onto another collection by field names, dropping what has no place there', () => {
    let draft = mapSource(mapSource(newDraft(), 'serialNumber', serial), 'totalStorageSpaceInBytes', storage);
    draft = { ...draft, behaviour: { ...draft.behaviour, retiredStatus: { field: status, value: 'Retired' }, missingDevices: { action: 'clearField', field: storage } } };
    const moved = retarget(draft, { id: 'new', name: 'Laptops' }, [
      field('new_serial', 'serial number', 'text'),
      field('new_storage', 'Storage', 'text'),
      field('new_status', 'Status', 'list', { options: ['Retired'] }),
    ]);
    expect(moved.collection).toEqual({ id: 'new', name: 'Laptops' });
    expect(moved.fields.map((entry) => [entry.target.id, entry.transform.kind])).toEqual([
      ['new_serial', 'asIs'],
      ['new_storage', 'bytesToGB'],
    ]);
    expect(moved.behaviour.retiredStatus).toEqual({ field: { id: 'new_status', name: 'Status', type: 'list' }, value: 'Retired' });
    expect(moved.behaviour.missingDevices).toEqual({ action: 'clearField', field: { id: 'new_storage', name: 'Storage', type: 'text' } });
    expect(retarget(draft, { id: 'empty', name: 'Empty' }, []).behaviour).toMatchObject({ retiredStatus: null, missingDevices: { action: 'leave' } });
  });

  it('reorders the Unique Identifier', () => {
    expect(moveMatchKey(['id', 'serialNumber', 'imei'], 'imei', -1)).toEqual(['id', 'imei', 'serialNumber']);
    expect(moveMatchKey(['id', 'serialNumber'], 'id', -1)).toEqual(['id', 'serialNumber']);
  });
});
