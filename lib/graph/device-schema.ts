import { z } from 'zod';
import { DEVICE_FIELDS, type DeviceFields } from './device-fields';

type DeviceShape = { [Key in keyof DeviceFields]: z.ZodOptional<DeviceFields[Key]['schema']> };

/**
 * A managedDevice as Graph returns it. Every property but `id` is optional because `$select` returns
 * only what was asked; enum values outside the documented members are kept; extra properties (beta,
 * `@odata.type`) are dropped.
 */
export const ManagedDeviceSchema = z.object({
  ...(Object.fromEntries(Object.entries(DEVICE_FIELDS).map(([key, spec]) => [key, spec.schema.optional()])) as DeviceShape),
  id: z.string(),
});

export type ManagedDevice = z.infer<typeof ManagedDeviceSchema>;
