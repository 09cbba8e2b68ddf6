import type { FieldMapping, Mapping } from './schema';

/**
 * The mapping entry a match key is read from and written to: the field of its own the Intune field
 * is mapped onto, rather than a link (lookup) the same Intune field also fills, which cannot identify
 * a device. The sync, the mapping check and the record panel all ask here, so they agree.
 */
export function matchKeyTarget(mapping: Pick<Mapping, 'fields'>, key: string): FieldMapping | undefined {
  const entries = mapping.fields.filter((entry) => entry.source === key);
  return entries.find((entry) => entry.transform.kind !== 'lookup') ?? entries[0];
}
