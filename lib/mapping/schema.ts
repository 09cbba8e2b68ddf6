import { z } from 'zod';
import { COMPLIANCE_STATES, DEVICE_ENROLLMENT_TYPES } from '../graph/enums';
import { EntitySchema } from './entities';
import { DeviceTypeSchema } from './device-types';
import { TransformSchema } from './transform-schema';

/**
 * A mapping, in the words of Asset Panda's guide: a Mapping Name, the Asset Panda collection that
 * receives the data, the external entity read from Intune, the field-by-field mapping, the Unique
 * Identifier, the filters (Device Type, Device Configuration) and what a sync does.
 *
 * This is format 1 of the stored mapping (lib/db/versioned.ts): change it only together with a
 * migration and a fixture of the old format.
 */

const IdSchema = z.string().min(1).max(100);

/** An Asset Panda field as it was when the mapping was saved: names the field in words if it later disappears. */
export const FieldRefSchema = z.object({ id: IdSchema, name: z.string().max(200), type: z.string().max(100) });
export type FieldRef = z.infer<typeof FieldRefSchema>;

export const FieldMappingSchema = z.object({
  /** The Intune field (a key of the entity's sources). */
  source: z.string().min(1).max(100),
  target: FieldRefSchema,
  transform: TransformSchema,
  /** "Never overwrite with an empty value": an empty Intune value leaves the Asset Panda value as it is. */
  keepWhenEmpty: z.boolean().default(true),
});
export type FieldMapping = z.infer<typeof FieldMappingSchema>;

export const FiltersSchema = z.object({
  /** Device Type: the platforms to sync; none chosen means every platform. */
  deviceTypes: z.array(DeviceTypeSchema).max(10).default([]),
  /**
   * Device Configuration: "companyOwned" syncs only devices Intune marks Company owned;
   * "companyManaged" every managed device, personal ones included.
   */
  configuration: z.enum(['companyOwned', 'companyManaged']).default('companyManaged'),
  /** Compliance states to sync; none chosen means every state. Unknown states stay as written. */
  complianceStates: z.array(z.union([z.enum(COMPLIANCE_STATES), z.string().max(60)])).max(20).default([]),
  /** Enrollment types to sync; none chosen means every type. */
  enrollmentTypes: z.array(z.union([z.enum(DEVICE_ENROLLMENT_TYPES), z.string().max(60)])).max(30).default([]),
  /** Only devices that checked in within this many days; null: any. */
  lastCheckInWithinDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type Filters = z.infer<typeof FiltersSchema>;

/** A value written into an Asset Panda field: a status after Retire, or for devices gone from Intune. */
export const FieldValueChoiceSchema = z.object({ field: FieldRefSchema, value: z.string().max(200) });
export type FieldValueChoice = z.infer<typeof FieldValueChoiceSchema>;

/** What a sync does with a record whose device is no longer in Intune. Never delete unless chosen. */
export const MissingDevicesSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('leave') }),
  z.object({ action: z.literal('setValue'), set: FieldValueChoiceSchema }),
  z.object({ action: z.literal('clearField'), field: FieldRefSchema }),
  z.object({ action: z.literal('delete') }),
]);
export type MissingDevices = z.infer<typeof MissingDevicesSchema>;

export const ScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off') }),
  z.object({ kind: z.literal('everyHours'), hours: z.number().int().min(1).max(168) }),
  /** Daily at a local time, "HH:MM". */
  z.object({ kind: z.literal('daily'), at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) }),
]);
export type Schedule = z.infer<typeof ScheduleSchema>;

export const BehaviourSchema = z.object({
  /** Create records for devices that match none; off: only enrich the records that exist. */
  createRecords: z.boolean().default(true),
  missingDevices: MissingDevicesSchema.default({ action: 'leave' }),
  /** The status a Retire from the record page sets (Asset Panda keeps the record and its history). */
  retiredStatus: FieldValueChoiceSchema.nullable().default(null),
  schedule: ScheduleSchema.default({ kind: 'off' }),
});
export type Behaviour = z.infer<typeof BehaviourSchema>;

export const MappingSchema = z.object({
  id: IdSchema,
  /** Mapping Name. */
  name: z.string().trim().min(1, 'Give the mapping a name.').max(120),
  /** The Asset Panda collection that receives the data, as named when saved. */
  collection: z.object({ id: IdSchema, name: z.string().max(200) }),
  /** The external entity from Intune. */
  entity: EntitySchema,
  fields: z.array(FieldMappingSchema).max(200),
  /** Unique Identifier: the Intune fields that match a device to a record, tried in this order. */
  matchKeys: z.array(z.string().min(1).max(100)).max(10),
  filters: FiltersSchema.default(FiltersSchema.parse({})),
  behaviour: BehaviourSchema.default(BehaviourSchema.parse({})),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Mapping = z.infer<typeof MappingSchema>;
export type MappingInput = z.input<typeof MappingSchema>;

/** The guide's advice: Intune Device ID first, then Serial Number. */
export const DEFAULT_MATCH_KEYS = ['id', 'serialNumber'] as const;
