import { z } from 'zod';
import {
  ConfigurationManagerClientEnabledFeaturesSchema,
  DeviceActionResultSchema,
  DeviceHealthAttestationStateSchema,
} from './device-complex-types';
import {
  COMPLIANCE_STATES,
  DEVICE_ENROLLMENT_TYPES,
  DEVICE_REGISTRATION_STATES,
  EXCHANGE_ACCESS_STATE_REASONS,
  EXCHANGE_ACCESS_STATES,
  MANAGEMENT_AGENTS,
  MANAGEMENT_STATES,
  OWNER_TYPES,
  PARTNER_THREAT_STATES,
  openEnum,
} from './enums';
import { DateTimeSchema, IntegerSchema, NullableStringSchema } from './primitives';

/**
 * `$filter` operators Microsoft documents per managedDevice property (CSDL descriptions):
 * 'or' means several `eq` on the same property may be or-ed together.
 */
export type FilterOperator = 'eq' | 'ne' | 'contains' | 'or' | 'lt' | 'gt';

export type FieldType = 'string' | 'boolean' | 'int64' | 'dateTime' | 'enum' | 'object' | 'collection';

interface FieldOptions<Operators extends readonly FilterOperator[]> {
  /** Asset Panda's name for the field where its Intune guide has one. */
  label: string;
  filter?: Operators;
  /** List calls return an empty value (null, "" or 0); only a GET of one device with `$select` returns the real one. */
  nonDefault?: boolean;
  /** Its `$filter` may not be combined with `$count` (CSDL: "not combine with count"). */
  filterNotWithCount?: boolean;
  enumMembers?: readonly string[];
}

function field<Type extends FieldType, Schema extends z.ZodType, const Operators extends readonly FilterOperator[] = readonly []>(
  type: Type,
  schema: Schema,
  options: FieldOptions<Operators>,
) {
  return {
    type,
    schema,
    label: options.label,
    filterOperators: (options.filter ?? []) as unknown as Operators,
    nonDefault: options.nonDefault ?? false,
    filterNotWithCount: options.filterNotWithCount ?? false,
    enumMembers: options.enumMembers ?? null,
    nullable: schema.safeParse(null).success,
  };
}

function enumField<const Members extends readonly [string, ...string[]], const Operators extends readonly FilterOperator[] = readonly []>(
  members: Members,
  options: Omit<FieldOptions<Operators>, 'enumMembers'>,
) {
  return field('enum', openEnum(members), { ...options, enumMembers: members });
}

const text = NullableStringSchema;

/**
 * Every v1.0 managedDevice property (msgraph-metadata v1.0 CSDL), keyed by its Graph name. The key is
 * persisted by field mappings: never rename one. Nullability follows the CSDL, plus null for the
 * non-default properties that list calls leave empty.
 */
export const DEVICE_FIELDS = {
  id: field('string', z.string(), { label: 'Intune Device ID' }),
  activationLockBypassCode: field('string', text, { label: 'Activation Lock Bypass Code', nonDefault: true }),
  androidSecurityPatchLevel: field('string', text, { label: 'Android Security Patch Level' }),
  azureADDeviceId: field('string', text, { label: 'Microsoft Entra Device ID', filter: ['eq'], filterNotWithCount: true }),
  azureADRegistered: field('boolean', z.boolean().nullable(), { label: 'Microsoft Entra Registered' }),
  complianceGracePeriodExpirationDateTime: field('dateTime', DateTimeSchema, {
    label: 'Compliance Grace Period Expiration',
    filter: ['lt', 'gt'],
  }),
  complianceState: enumField(COMPLIANCE_STATES, { label: 'Compliance', filter: ['eq', 'or'] }),
  configurationManagerClientEnabledFeatures: field('object', ConfigurationManagerClientEnabledFeaturesSchema.nullable(), {
    label: 'Configuration Manager Client Features',
  }),
  deviceActionResults: field('collection', z.array(DeviceActionResultSchema).nullable(), { label: 'Device Action Results' }),
  deviceCategoryDisplayName: field('string', text, { label: 'Category', filter: ['eq', 'or'] }),
  deviceEnrollmentType: enumField(DEVICE_ENROLLMENT_TYPES, { label: 'Device Enrollment Type' }),
  deviceHealthAttestationState: field('object', DeviceHealthAttestationStateSchema.nullable(), { label: 'Device Health Attestation State' }),
  deviceName: field('string', text, { label: 'Device Name', filter: ['eq', 'contains'] }),
  deviceRegistrationState: enumField(DEVICE_REGISTRATION_STATES, { label: 'Device Registration State' }),
  easActivated: field('boolean', z.boolean(), { label: 'EAS Activated' }),
  easActivationDateTime: field('dateTime', DateTimeSchema, { label: 'EAS Activation Date' }),
  easDeviceId: field('string', text, { label: 'EAS Device ID' }),
  emailAddress: field('string', text, { label: 'Primary User Email', filter: ['contains'] }),
  enrolledDateTime: field('dateTime', DateTimeSchema, { label: 'Enrolled Date', filter: ['lt', 'gt'] }),
  enrollmentProfileName: field('string', text, { label: 'Enrollment Profile Name' }),
  ethernetMacAddress: field('string', text, { label: 'Ethernet MAC', nonDefault: true }),
  exchangeAccessState: enumField(EXCHANGE_ACCESS_STATES, { label: 'Exchange Access State', filter: ['eq', 'or'] }),
  exchangeAccessStateReason: enumField(EXCHANGE_ACCESS_STATE_REASONS, { label: 'Exchange Access State Reason' }),
  exchangeLastSuccessfulSyncDateTime: field('dateTime', DateTimeSchema, { label: 'Exchange Last Successful Sync' }),
  freeStorageSpaceInBytes: field('int64', IntegerSchema, { label: 'Free Storage Space' }),
  iccid: field('string', text, { label: 'ICCID', nonDefault: true }),
  imei: field('string', text, { label: 'IMEI', filter: ['eq', 'or'] }),
  isEncrypted: field('boolean', z.boolean(), { label: 'Encrypted' }),
  isSupervised: field('boolean', z.boolean(), { label: 'Supervised' }),
  // A string, not a Boolean ("True", "False", "Unknown", or empty).
  jailBroken: field('string', text, { label: 'Jailbroken', filter: ['eq', 'or'] }),
  lastSyncDateTime: field('dateTime', DateTimeSchema, { label: 'Last Successful Sync Date', filter: ['lt', 'gt'] }),
  managedDeviceName: field('string', text, { label: 'Managed Device Name' }),
  managedDeviceOwnerType: enumField(OWNER_TYPES, { label: 'Ownership' }),
  managementAgent: enumField(MANAGEMENT_AGENTS, { label: 'Management Agent', filter: ['eq', 'or'] }),
  managementCertificateExpirationDate: field('dateTime', DateTimeSchema, { label: 'Management Certificate Expiration' }),
  managementState: enumField(MANAGEMENT_STATES, { label: 'Management State', filter: ['eq', 'or'] }),
  manufacturer: field('string', text, { label: 'Device Manufacturer', filter: ['eq', 'or'] }),
  meid: field('string', text, { label: 'MEID' }),
  model: field('string', text, { label: 'Model', filter: ['eq', 'contains'] }),
  notes: field('string', text, { label: 'Notes', nonDefault: true }),
  operatingSystem: field('string', text, { label: 'OS', filter: ['eq', 'or'] }),
  osVersion: field('string', text, { label: 'OS Version', filter: ['contains'] }),
  partnerReportedThreatState: enumField(PARTNER_THREAT_STATES, { label: 'Partner Threat State' }),
  phoneNumber: field('string', text, { label: 'Phone Number', filter: ['contains'] }),
  physicalMemoryInBytes: field('int64', IntegerSchema.nullable(), { label: 'Physical Memory', nonDefault: true }),
  remoteAssistanceSessionErrorDetails: field('string', text, { label: 'Remote Assistance Session Error' }),
  remoteAssistanceSessionUrl: field('string', text, { label: 'Remote Assistance Session URL', nonDefault: true }),
  requireUserEnrollmentApproval: field('boolean', z.boolean().nullable(), { label: 'Requires User Enrollment Approval' }),
  serialNumber: field('string', text, { label: 'Serial Number', filter: ['eq', 'or'] }),
  subscriberCarrier: field('string', text, { label: 'Subscriber Carrier' }),
  totalStorageSpaceInBytes: field('int64', IntegerSchema, { label: 'Total Storage Space' }),
  udid: field('string', text, { label: 'UDID', nonDefault: true }),
  userDisplayName: field('string', text, { label: 'User Display Name' }),
  userId: field('string', text, { label: 'User ID' }),
  userPrincipalName: field('string', text, { label: 'User Principal Name (UPN)', filter: ['eq', 'ne'] }),
  wiFiMacAddress: field('string', text, { label: 'Wi-Fi MAC' }),
};

export type DeviceFields = typeof DEVICE_FIELDS;
export type DeviceFieldKey = keyof DeviceFields;

/** One catalog entry as the mapping editor sees it. */
export interface DeviceFieldInfo {
  /** Stable identifier, persisted by mappings. */
  key: DeviceFieldKey;
  /** The v1.0 property name used in `$select` and `$filter`. */
  graphName: string;
  label: string;
  type: FieldType;
  enumMembers: readonly string[] | null;
  nullable: boolean;
  nonDefault: boolean;
  filterOperators: readonly FilterOperator[];
  filterNotWithCount: boolean;
}

export const DEVICE_FIELD_CATALOG: readonly DeviceFieldInfo[] = Object.entries(DEVICE_FIELDS).map(([key, spec]) => ({
  key: key as DeviceFieldKey,
  graphName: key,
  label: spec.label,
  type: spec.type,
  enumMembers: spec.enumMembers,
  nullable: spec.nullable,
  nonDefault: spec.nonDefault,
  filterOperators: spec.filterOperators,
  filterNotWithCount: spec.filterNotWithCount,
}));

export function isDeviceFieldKey(key: string): key is DeviceFieldKey {
  return Object.hasOwn(DEVICE_FIELDS, key);
}
