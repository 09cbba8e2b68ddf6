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
} from '../../../lib/graph/enums.ts';
import type { ManagedDevice } from '../fleet/managed-device.ts';
import type { FieldSpec, FieldType, FilterDialect, FilterOperator } from './filter-compile.ts';

export type PropertyKind = 'string' | 'boolean' | 'int64' | 'dateTime' | 'enum' | 'complex' | 'collection';

export interface DevicePropertyRule {
  kind: PropertyKind;
  members?: readonly string[];
  /** `$filter` operators from the CSDL description ("Supports $filter operator 'eq' and 'or'"). */
  filter?: readonly FilterOperator[];
  /**
   * Non-default property: list calls (and GET without `$select` naming it) return this value
   * instead of the real one (CSDL: "Individual get call with select query options is needed").
   */
  listDefault?: null | '' | 0;
}

const string: DevicePropertyRule = { kind: 'string' };
const boolean: DevicePropertyRule = { kind: 'boolean' };
const int64: DevicePropertyRule = { kind: 'int64' };
const dateTime: DevicePropertyRule = { kind: 'dateTime' };
const enumOf = (members: readonly string[], filter?: readonly FilterOperator[]): DevicePropertyRule => ({ kind: 'enum', members, filter });
const eqOr = ['eq', 'or'] as const;
const ltGt = ['lt', 'gt'] as const;

/** Every managedDevice property with its type, `$filter` support and list behaviour (CSDL v1.0). */
export const DEVICE_PROPERTIES: { readonly [K in keyof ManagedDevice]: DevicePropertyRule } = {
  id: string,
  userId: string,
  deviceName: { kind: 'string', filter: ['eq', 'contains'] },
  managedDeviceOwnerType: enumOf(OWNER_TYPES),
  deviceActionResults: { kind: 'collection' },
  enrolledDateTime: { kind: 'dateTime', filter: ltGt },
  lastSyncDateTime: { kind: 'dateTime', filter: ltGt },
  operatingSystem: { kind: 'string', filter: eqOr },
  complianceState: enumOf(COMPLIANCE_STATES, eqOr),
  jailBroken: { kind: 'string', filter: eqOr },
  managementAgent: enumOf(MANAGEMENT_AGENTS, eqOr),
  osVersion: { kind: 'string', filter: ['contains'] },
  easActivated: boolean,
  easDeviceId: string,
  easActivationDateTime: dateTime,
  azureADRegistered: boolean,
  deviceEnrollmentType: enumOf(DEVICE_ENROLLMENT_TYPES),
  activationLockBypassCode: { kind: 'string', listDefault: null },
  emailAddress: { kind: 'string', filter: ['contains'] },
  azureADDeviceId: { kind: 'string', filter: ['eq'] },
  deviceRegistrationState: enumOf(DEVICE_REGISTRATION_STATES),
  deviceCategoryDisplayName: { kind: 'string', filter: eqOr },
  isSupervised: boolean,
  exchangeLastSuccessfulSyncDateTime: dateTime,
  exchangeAccessState: enumOf(EXCHANGE_ACCESS_STATES, eqOr),
  exchangeAccessStateReason: enumOf(EXCHANGE_ACCESS_STATE_REASONS),
  remoteAssistanceSessionUrl: { kind: 'string', listDefault: '' },
  remoteAssistanceSessionErrorDetails: string,
  isEncrypted: boolean,
  userPrincipalName: { kind: 'string', filter: ['eq', 'ne'] },
  model: { kind: 'string', filter: ['eq', 'contains'] },
  manufacturer: { kind: 'string', filter: eqOr },
  imei: { kind: 'string', filter: eqOr },
  complianceGracePeriodExpirationDateTime: { kind: 'dateTime', filter: ltGt },
  serialNumber: { kind: 'string', filter: eqOr },
  phoneNumber: { kind: 'string', filter: ['contains'] },
  androidSecurityPatchLevel: string,
  userDisplayName: string,
  configurationManagerClientEnabledFeatures: { kind: 'complex' },
  wiFiMacAddress: string,
  deviceHealthAttestationState: { kind: 'complex' },
  subscriberCarrier: string,
  meid: string,
  totalStorageSpaceInBytes: int64,
  freeStorageSpaceInBytes: int64,
  managedDeviceName: string,
  partnerReportedThreatState: enumOf(PARTNER_THREAT_STATES),
  requireUserEnrollmentApproval: boolean,
  managementCertificateExpirationDate: dateTime,
  iccid: { kind: 'string', listDefault: '' },
  udid: { kind: 'string', listDefault: '' },
  notes: { kind: 'string', listDefault: null },
  ethernetMacAddress: { kind: 'string', listDefault: null },
  physicalMemoryInBytes: { kind: 'int64', listDefault: 0 },
  enrollmentProfileName: string,
  managementState: enumOf(MANAGEMENT_STATES, eqOr),
};

export const DEVICE_PROPERTY_NAMES = Object.keys(DEVICE_PROPERTIES) as Array<keyof ManagedDevice>;

/** Navigation properties: valid in `$select`, never serialised without `$expand`. */
export const DEVICE_NAVIGATION_PROPERTIES = [
  'deviceCategory',
  'deviceCompliancePolicyStates',
  'deviceConfigurationStates',
  'logCollectionRequests',
  'users',
  'windowsProtectionState',
] as const;

const FIELD_TYPE: Record<PropertyKind, FieldType> = {
  string: 'string',
  boolean: 'boolean',
  int64: 'number',
  dateTime: 'dateTime',
  enum: 'enum',
  complex: 'other',
  collection: 'other',
};

export const DEVICE_FILTER_DIALECT: FilterDialect = {
  typeName: 'microsoft.graph.managedDevice',
  errorCode: 'BadRequest',
  fields: Object.fromEntries(
    DEVICE_PROPERTY_NAMES.map((name): [string, FieldSpec] => {
      const rule = DEVICE_PROPERTIES[name];
      return [name, { type: FIELD_TYPE[rule.kind], members: rule.members, ops: rule.filter ?? [] }];
    }),
  ),
};
