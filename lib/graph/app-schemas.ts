import { z } from 'zod';
import { DETECTED_APP_PLATFORMS, openEnum } from './enums';
import { IntegerSchema, NullableStringSchema } from './primitives';

/** mobileApp is abstract in Graph: each item carries its concrete `@odata.type` (win32LobApp, iosStoreApp, ...). */
export const MobileAppSchema = z.object({
  '@odata.type': z.string().optional(),
  id: z.string(),
  displayName: NullableStringSchema,
  publisher: NullableStringSchema.optional(),
});
export type MobileApp = z.infer<typeof MobileAppSchema>;

/** An application Intune discovered on devices (GET /deviceManagement/detectedApps). */
export const DetectedAppSchema = z.object({
  id: z.string(),
  displayName: NullableStringSchema,
  version: NullableStringSchema,
  publisher: NullableStringSchema.optional(),
  platform: openEnum(DETECTED_APP_PLATFORMS),
  sizeInByte: IntegerSchema,
  deviceCount: IntegerSchema,
});
export type DetectedApp = z.infer<typeof DetectedAppSchema>;
