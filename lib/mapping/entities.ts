import { z } from 'zod';
import { MANAGED_DEVICE_SOURCES, type SourceField } from './sources';

/**
 * The "external entity" a mapping reads from Intune. Only managed devices today; another entity
 * (users, detected apps) adds an entry here with its own fields, and the editor lists it as is.
 */
export const ENTITIES = {
  managedDevices: {
    label: 'Managed devices',
    description: 'Devices enrolled in Microsoft Intune (Devices → All devices).',
    sources: MANAGED_DEVICE_SOURCES,
  },
} as const satisfies Record<string, { label: string; description: string; sources: readonly SourceField[] }>;

export const EntitySchema = z.enum(['managedDevices']);
export type Entity = z.infer<typeof EntitySchema>;

export function sourceField(entity: Entity, key: string): SourceField | undefined {
  return ENTITIES[entity].sources.find((source) => source.key === key);
}
