import type { Field } from '../assetpanda/types';
import { ENTITIES, type Entity } from './entities';
import { DEFAULT_MATCH_KEYS, type FieldMapping } from './schema';
import type { SourceField } from './sources';
import { humanize, transformKinds } from './transform';
import type { Transform } from './transform-schema';

/**
 * Other names an Asset Panda field may carry for an Intune field, beyond the guide's own label.
 * Only whole names count (compared without case, spaces or punctuation): a proposal the admin has to
 * undo is worse than none.
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  id: ['Intune ID', 'Intune Device ID', 'Managed Device ID'],
  serialNumber: ['Serial', 'Serial No', 'Serial #', 'S/N'],
  wiFiMacAddress: ['WiFi MAC Address', 'MAC Address', 'Wireless MAC'],
  deviceName: ['Name', 'Hostname', 'Computer Name', 'Device'],
  primaryUserName: ['User Name', 'Username'],
  emailAddress: ['User Email', 'Email', 'Primary Email'],
  userDisplayName: ['Assigned User', 'User'],
  userPrincipalName: ['UPN'],
  managedDeviceOwnerType: ['Owner Type', 'Ownership Type'],
  manufacturer: ['Manufacturer', 'Make', 'Brand', 'Vendor'],
  operatingSystem: ['Operating System', 'Platform'],
  osVersion: ['Operating System Version'],
  complianceState: ['Compliance State', 'Compliance Status'],
  deviceCategoryDisplayName: ['Device Category'],
  deviceEnrollmentType: ['Enrollment Type'],
  isEncrypted: ['Encryption'],
  totalStorageSpaceInBytes: ['Storage Total', 'Total Storage', 'Storage'],
  freeStorageSpaceInBytes: ['Storage Free', 'Free Storage'],
  lastSyncDateTime: ['Last Sync', 'Last Sync Date', 'Last Check-in', 'Last Seen'],
  enrolledDateTime: ['Enrollment Date', 'Enrolled'],
  azureADDeviceId: ['Azure AD Device ID', 'Microsoft Entra Device ID'],
};

/** Names of the field a lookup matches by that identify a person the way Intune does. */
const LOOKUP_KEYS: Readonly<Record<string, readonly string[]>> = {
  emailAddress: ['Email', 'Email Address', 'Work Email', 'Mail'],
  userPrincipalName: ['UPN', 'User Principal Name', 'Sign-in Name'],
};

/** Enum values whose usual Asset Panda label is another word. */
const LABEL_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  company: ['Corporate', 'Company Owned', 'Company'],
  personal: ['Personal', 'Personally Owned', 'BYOD'],
  noncompliant: ['Not Compliant', 'Non-compliant'],
};

const squeeze = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface SuggestInput {
  entity: Entity;
  /** The collection's fields, as Asset Panda lists them. */
  fields: readonly Field[];
  /** For each lookup field (by id): the name of the field it matches by in the linked collection. */
  lookupKeys?: ReadonlyMap<string, string>;
  /** What the admin already mapped: kept as is, and neither its Intune fields nor its targets are proposed again. */
  current?: readonly FieldMapping[];
}

export interface Suggestion {
  fields: FieldMapping[];
  /** The guide's Unique Identifier (Intune Device ID, then Serial Number), as far as both are mapped. */
  matchKeys: string[];
}

/**
 * A proposed mapping from the names and types of the collection's fields, for the admin to review:
 * each Intune field goes onto the field that carries its name (the guide's label or a usual other
 * name) and can hold its value; a lookup goes to the person fields it can find a record by.
 */
export function suggestMapping({ entity, fields, lookupKeys = new Map(), current = [] }: SuggestInput): Suggestion {
  const mapped = [...current];
  const takenSources = new Set(mapped.map((entry) => entry.source));
  const takenTargets = new Set(mapped.map((entry) => entry.target.id));

  const propose = (source: SourceField, target: Field) => {
    mapped.push({
      source: source.key,
      target: { id: target.id, name: target.name, type: target.type },
      transform: proposedTransform(source, target),
      keepWhenEmpty: true,
    });
    takenSources.add(source.key);
    takenTargets.add(target.id);
  };
  const sources = ENTITIES[entity].sources;

  // Plain fields first, one Intune field each; then every link to another collection, whose Intune
  // field may also be mapped as text (Primary User Email as text, and to find the Employee).
  for (const source of sources) {
    const target = !takenSources.has(source.key) && fields.find((field) => !field.reference && !takenTargets.has(field.id) && named(source, field));
    if (target) propose(source, target);
  }
  for (const field of fields) {
    const key = field.reference?.primary ? lookupKeys.get(field.id) : undefined;
    const source = key === undefined || takenTargets.has(field.id) ? undefined : sources.find((candidate) => looksUpBy(candidate, field, key));
    if (source) propose(source, field);
  }

  return { fields: mapped, matchKeys: DEFAULT_MATCH_KEYS.filter((key) => takenSources.has(key)) };
}

function named(source: SourceField, field: Field): boolean {
  const kinds = transformKinds(source.type, field);
  // Labels need Intune's values to propose anything: an enum's documented members.
  if (kinds.length === 0 || (kinds[0] === 'labels' && !source.members)) return false;
  return [source.label, ...(ALIASES[source.key] ?? [])].some((name) => squeeze(name) === squeeze(field.name));
}

function looksUpBy(source: SourceField, field: Field, key: string): boolean {
  return transformKinds(source.type, field).includes('lookup') && (LOOKUP_KEYS[source.key] ?? []).some((name) => squeeze(name) === squeeze(key));
}

/** The field's usual transform: storage in GB, dates as dates, Intune's values as the field's own labels. */
export function proposedTransform(source: SourceField, field: Pick<Field, 'type' | 'options' | 'reference'>): Transform {
  const kinds = transformKinds(source.type, field);
  if (source.key.endsWith('InBytes') && kinds.includes('bytesToGB')) return { kind: 'bytesToGB' };
  switch (kinds[0]) {
    case 'date':
      return { kind: 'date', format: 'YYYY-MM-DD' };
    case 'labels':
      return { kind: 'labels', labels: proposedLabels(source.members ?? [], field.options ?? []) };
    case 'bytesToGB':
    case 'yesNo':
    case 'lookup':
      return { kind: kinds[0] };
    default:
      return { kind: 'asIs' };
  }
}

/** Each Intune value onto the option that names it ("inGracePeriod" → "In Grace Period"); values with none stay unmapped. */
export function proposedLabels(members: readonly string[], options: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const member of members) {
    const names = [member, humanize(member), ...(LABEL_SYNONYMS[member] ?? [])].map(squeeze);
    const option = options.find((candidate) => names.includes(squeeze(candidate)));
    if (option !== undefined) labels[member] = option;
  }
  return labels;
}
