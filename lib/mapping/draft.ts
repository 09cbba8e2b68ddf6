import type { Field, Named } from '../assetpanda/types';
import { sourceField, type Entity } from './entities';
import { BehaviourSchema, DEFAULT_MATCH_KEYS, FiltersSchema, type FieldMapping, type FieldRef } from './schema';
import type { MappingDraft } from './service';
import { proposedTransform } from './suggest';
import { transformKinds } from './transform';

/** The mapping the editor starts from: the guide's Unique Identifier, every device, nothing mapped yet. */
export function newDraft(entity: Entity = 'managedDevices'): MappingDraft {
  return {
    name: '',
    collection: { id: '', name: '' },
    entity,
    fields: [],
    matchKeys: [...DEFAULT_MATCH_KEYS],
    filters: FiltersSchema.parse({}),
    behaviour: BehaviourSchema.parse({}),
  };
}

export const fieldRef = ({ id, name, type }: Pick<Field, 'id' | 'name' | 'type'>): FieldRef => ({ id, name, type });

const isLookup = (entry: FieldMapping) => entry.transform.kind === 'lookup';

/** The plain (not lookup) mapping of an Intune field, if any: one per Intune field in the editor. */
export function plainMapping(draft: MappingDraft, source: string): FieldMapping | undefined {
  return draft.fields.find((entry) => entry.source === source && !isLookup(entry));
}

/** The lookup filling a link field, if any. */
export function lookupMapping(draft: MappingDraft, targetId: string): FieldMapping | undefined {
  return draft.fields.find((entry) => entry.target.id === targetId && isLookup(entry));
}

function entryFor(draft: MappingDraft, source: string, target: Field, previous: FieldMapping | undefined): FieldMapping | undefined {
  const known = sourceField(draft.entity, source);
  if (!known) return undefined;
  const keepsTransform = previous && previous.target.id === target.id;
  return {
    source,
    target: fieldRef(target),
    transform: keepsTransform ? previous.transform : proposedTransform(known, target),
    keepWhenEmpty: previous?.keepWhenEmpty ?? true,
  };
}

/** Maps an Intune field onto an Asset Panda field (its usual transform), or unmaps it. */
export function mapSource(draft: MappingDraft, source: string, target: Field | undefined): MappingDraft {
  const previous = plainMapping(draft, source);
  const next = target ? entryFor(draft, source, target, previous) : undefined;
  const rest = draft.fields.filter((entry) => entry !== previous);
  return { ...draft, fields: next ? [...rest, next] : rest };
}

/** Fills a link field by looking up an Intune field's value in the linked collection, or stops filling it. */
export function mapLookup(draft: MappingDraft, target: Field, source: string | undefined): MappingDraft {
  const previous = lookupMapping(draft, target.id);
  const rest = draft.fields.filter((entry) => entry !== previous);
  const known = source === undefined ? undefined : sourceField(draft.entity, source);
  if (!known) return { ...draft, fields: rest };
  return { ...draft, fields: [...rest, { source: known.key, target: fieldRef(target), transform: { kind: 'lookup' }, keepWhenEmpty: previous?.keepWhenEmpty ?? true }] };
}

/** Changes one mapped entry (its transform, "never overwrite with an empty value"). */
export function updateEntry(draft: MappingDraft, entry: FieldMapping, change: Partial<FieldMapping>): MappingDraft {
  return { ...draft, fields: draft.fields.map((candidate) => (candidate === entry ? { ...candidate, ...change } : candidate)) };
}

/**
 * The draft onto another collection (the old one was deleted, or the admin picked another): each
 * mapped field moves to the field of the same name there when it can hold the value, keeping its
 * transform where it still applies; field choices in the behaviour do the same; the rest is dropped.
 */
export function retarget(draft: MappingDraft, collection: Named, fields: readonly Field[]): MappingDraft {
  const byName = (ref: FieldRef) => fields.find((field) => field.name.toLowerCase() === ref.name.toLowerCase());
  const moved = draft.fields.flatMap((entry): FieldMapping[] => {
    const target = byName(entry.target);
    const known = sourceField(draft.entity, entry.source);
    if (!target || !known) return [];
    const kinds = transformKinds(known.type, target);
    if (!kinds.includes(entry.transform.kind)) return kinds.length > 0 ? [{ ...entry, target: fieldRef(target), transform: proposedTransform(known, target) }] : [];
    return [{ ...entry, target: fieldRef(target) }];
  });
  const moveRef = (ref: FieldRef) => {
    const target = byName(ref);
    return target ? fieldRef(target) : undefined;
  };
  const { missingDevices, retiredStatus } = draft.behaviour;
  const missing = (() => {
    if (missingDevices.action === 'setValue') {
      const field = moveRef(missingDevices.set.field);
      return field ? { ...missingDevices, set: { ...missingDevices.set, field } } : { action: 'leave' as const };
    }
    if (missingDevices.action === 'clearField') {
      const field = moveRef(missingDevices.field);
      return field ? { ...missingDevices, field } : { action: 'leave' as const };
    }
    return missingDevices;
  })();
  const retiredField = retiredStatus && moveRef(retiredStatus.field);
  return {
    ...draft,
    collection: { id: collection.id, name: collection.name },
    fields: moved,
    behaviour: { ...draft.behaviour, missingDevices: missing, retiredStatus: retiredStatus && retiredField ? { ...retiredStatus, field: retiredField } : null },
  };
}

/** The Unique Identifier with a key moved one place up (-1) or down (+1). */
export function moveMatchKey(keys: readonly string[], key: string, by: -1 | 1): string[] {
  const from = keys.indexOf(key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= keys.length) return [...keys];
  const next = [...keys];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
