import { z } from 'zod';
import { ACTION_STATES, openEnum } from './enums';
import { DateTimeSchema, IntegerSchema, NullableStringSchema } from './primitives';

// Complex types used by managedDevice properties, as the v1.0 CSDL defines them.

/** One remote action and its progress: a 204 from wipe/retire only means "queued". */
export const DeviceActionResultSchema = z.object({
  actionName: NullableStringSchema,
  actionState: openEnum(ACTION_STATES),
  startDateTime: DateTimeSchema,
  lastUpdatedDateTime: DateTimeSchema,
});
export type DeviceActionResult = z.infer<typeof DeviceActionResultSchema>;

export const ConfigurationManagerClientEnabledFeaturesSchema = z.object({
  compliancePolicy: z.boolean(),
  deviceConfiguration: z.boolean(),
  inventory: z.boolean(),
  modernApps: z.boolean(),
  resourceAccess: z.boolean(),
  windowsUpdateForBusiness: z.boolean(),
});

/** Windows health attestation report; Graph types nearly every member as free text. */
export const DeviceHealthAttestationStateSchema = z.object({
  attestationIdentityKey: NullableStringSchema,
  bitLockerStatus: NullableStringSchema,
  bootAppSecurityVersion: NullableStringSchema,
  bootDebugging: NullableStringSchema,
  bootManagerSecurityVersion: NullableStringSchema,
  bootManagerVersion: NullableStringSchema,
  bootRevisionListInfo: NullableStringSchema,
  codeIntegrity: NullableStringSchema,
  codeIntegrityCheckVersion: NullableStringSchema,
  codeIntegrityPolicy: NullableStringSchema,
  contentNamespaceUrl: NullableStringSchema,
  contentVersion: NullableStringSchema,
  dataExcutionPolicy: NullableStringSchema,
  deviceHealthAttestationStatus: NullableStringSchema,
  earlyLaunchAntiMalwareDriverProtection: NullableStringSchema,
  healthAttestationSupportedStatus: NullableStringSchema,
  healthStatusMismatchInfo: NullableStringSchema,
  issuedDateTime: DateTimeSchema,
  lastUpdateDateTime: NullableStringSchema,
  operatingSystemKernelDebugging: NullableStringSchema,
  operatingSystemRevListInfo: NullableStringSchema,
  pcr0: NullableStringSchema,
  pcrHashAlgorithm: NullableStringSchema,
  resetCount: IntegerSchema,
  restartCount: IntegerSchema,
  safeMode: NullableStringSchema,
  secureBoot: NullableStringSchema,
  secureBootConfigurationPolicyFingerPrint: NullableStringSchema,
  testSigning: NullableStringSchema,
  tpmVersion: NullableStringSchema,
  virtualSecureMode: NullableStringSchema,
  windowsPE: NullableStringSchema,
});
