import type { Field } from '../assetpanda/types';
import { sourceField } from './entities';
import { matchKeyTarget } from './match-key-target';
import type { FieldRef, Mapping } from './schema';
import { GUIDE_FORBIDDEN_KEYS } from './sources';
import { transformKinds } from './transform';

/** Something wrong with a mapping: an error makes it not runnable, a warning is advice. */
export interface MappingProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/**
 * Checks a mapping against its collection's fields as Asset Panda lists them now: on save, when
 * the mapping is opened and before every run. Asset Panda's guide warns that syncing into a field
 * that does not exist breaks the integration, so such a mapping is refused before it runs.
 */
export function checkMapping(mapping: Mapping, fields: readonly Field[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const error = (code: string, message: string) => problems.push({ severity: 'error', code, message });
  const warning = (code: string, message: string) => problems.push({ severity: 'warning', code, message });
  const byId = new Map(fields.map((field) => [field.id, field]));
  const collection = mapping.collection.name;

  /** The field as Asset Panda has it now, or an error naming it as it was when the mapping was saved. */
  const current = (ref: FieldRef, use: string): Field | undefined => {
    const field = byId.get(ref.id);
    if (!field) error('field-missing', `The Asset Panda field "${ref.name}" (${ref.type}) that ${use} no longer exists in ${collection}. Choose another field, or recreate it in Asset Panda.`);
    return field;
  };

  const targeted = new Map<string, string>();
  for (const entry of mapping.fields) {
    const source = sourceField(mapping.entity, entry.source);
    const label = source?.label ?? entry.source;
    if (!source) error('unknown-source', `"${entry.source}" is not an Intune field this extension knows. Remove it from the mapping.`);
    const field = current(entry.target, `${label} is mapped onto`);
    if (!source || !field) continue;
    const previous = targeted.get(field.id);
    if (previous) error('target-twice', `${previous} and ${label} are both mapped onto "${field.name}". Map each Asset Panda field from one Intune field only.`);
    targeted.set(field.id, label);
    if (!transformKinds(source.type, field).includes(entry.transform.kind)) {
      const retyped = field.type !== entry.target.type ? ` "${field.name}" was ${entry.target.type} and is now ${field.type}.` : '';
      error('incompatible-target', `"${field.name}" (${field.type}) cannot hold ${label} written as "${entry.transform.kind}".${retyped} Choose another field or transform.`);
      continue;
    }
    if (entry.transform.kind === 'labels' && field.options) {
      const unknown = Object.values(entry.transform.labels).filter((value) => value !== '' && !field.options?.includes(value));
      if (unknown.length > 0) error('unknown-label', `"${field.name}" has no value ${unknown.map((value) => `"${value}"`).join(', ')}. Pick values from its list: ${field.options.join(', ')}.`);
    }
  }

  checkMatchKeys(mapping, byId, error, warning);

  if (mapping.behaviour.createRecords) {
    const missing = fields.filter((field) => field.required && !targeted.has(field.id) && !(field.reference && !field.reference.primary));
    if (missing.length > 0) {
      error('required-unmapped', `Asset Panda requires ${missing.map((f) => `"${f.name}"`).join(', ')} in new records of ${collection}. Map an Intune field onto ${missing.length === 1 ? 'it' : 'them'}, or turn off "Create new records".`);
    }
    if (!mapping.fields.some((entry) => entry.source === 'id')) {
      warning('no-device-id', 'Intune Device ID is not mapped, so new records do not carry it: later syncs can only find them by the other match keys. Map it onto a unique field.');
    }
  }

  const missing = mapping.behaviour.missingDevices;
  if (missing.action === 'setValue') checkValue(missing.set.field, missing.set.value, 'devices gone from Intune are marked in');
  if (missing.action === 'clearField') {
    const field = current(missing.field, 'devices gone from Intune clear');
    if (field && !writable(field)) error('value-type', `"${field.name}" cannot be cleared by a sync (${describeField(field)}). Choose another field.`);
    else if (field?.required) error('clear-required', `"${field.name}" is required in Asset Panda, so it cannot be cleared for devices gone from Intune. Choose another field, or set a value instead.`);
  }
  if (missing.action === 'delete') {
    warning('deletes-records', `Records in ${collection} whose device is gone from Intune will be deleted from Asset Panda, with their history. To keep them, set a status value instead.`);
  }
  const retired = mapping.behaviour.retiredStatus;
  if (retired) checkValue(retired.field, retired.value, 'Retire sets');
  return problems;

  /** A value the admin typed or picked for a field: the field takes text, and a list or status only its own values. */
  function checkValue(ref: FieldRef, value: string, use: string) {
    const field = current(ref, use);
    if (!field) return;
    if (!writable(field) || !['text', 'list', 'status'].includes(field.type)) {
      error('value-type', `"${field.name}" (${describeField(field)}) cannot hold the value "${value}" that ${use} it. Choose a text, list or status field.`);
    } else if (field.options && !field.options.includes(value)) {
      error('unknown-label', `"${field.name}" has no value "${value}" (${use} it). Pick one of: ${field.options.join(', ')}.`);
    }
  }
}

/** A field a sync may write a value of its own into: not linked to, nor pulled from, another collection. */
function writable(field: Field): boolean {
  return !field.reference;
}

function describeField(field: Field): string {
  if (field.reference) return field.reference.primary ? 'a link to another collection' : 'pulled from another collection';
  return field.type;
}

function checkMatchKeys(
  mapping: Mapping,
  byId: ReadonlyMap<string, Field>,
  error: (code: string, message: string) => void,
  warning: (code: string, message: string) => void,
): void {
  if (mapping.matchKeys.length === 0) {
    error('no-match-key', 'Choose a Unique Identifier: the Intune field that matches a device to its record (Intune Device ID is recommended).');
  }
  const seen = new Set<string>();
  for (const key of mapping.matchKeys) {
    const source = sourceField(mapping.entity, key);
    if (seen.has(key)) {
      error('match-key-twice', `${source?.label ?? key} is in the Unique Identifier twice. Keep it once.`);
      continue;
    }
    seen.add(key);
    if (!source) {
      error('unknown-source', `"${key}" is not an Intune field this extension knows. Remove it from the Unique Identifier.`);
      continue;
    }
    if (GUIDE_FORBIDDEN_KEYS.has(key) || source.identifier === 'not-suitable') {
      error('unsuitable-match-key', `${source.label} cannot be a Unique Identifier: ${source.guidance}`);
      continue;
    }
    const entry = matchKeyTarget(mapping, key);
    if (!entry) {
      error('match-key-unmapped', `${source.label} is a Unique Identifier but is not mapped onto an Asset Panda field. Map it, or remove it from the Unique Identifier.`);
      continue;
    }
    const field = byId.get(entry.target.id);
    if (field?.reference) {
      error('match-key-lookup', `${source.label} is a Unique Identifier but is mapped onto "${field.name}", a link to another collection, which cannot identify a device. Map it onto a field of its own.`);
    } else if (field && !field.unique) {
      warning('match-key-not-unique', `"${field.name}" is not marked unique in Asset Panda, so two records could hold the same ${source.label} and a sync would report them as a conflict. Mark the field unique in Asset Panda.`);
    }
  }
}

export function isRunnable(problems: readonly MappingProblem[]): boolean {
  return problems.every((problem) => problem.severity !== 'error');
}
