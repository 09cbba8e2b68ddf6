/**
 * Graph v1.0 `managedDevice` as the current CSDL defines it (reference/intune-graph.md §1.1–1.2).
 * The enum member lists are the extension's own (lib/graph/enums.ts), one list per enum;
 * tests/sandbox/graph/schema.test.ts holds them and the property list against the published schema.
 */
import type {
  ACTION_STATES,
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

export type ComplianceState = (typeof COMPLIANCE_STATES)[number];
export type ManagedDeviceOwnerType = (typeof OWNER_TYPES)[number];
export type ManagementAgentType = (typeof MANAGEMENT_AGENTS)[number];
export type DeviceEnrollmentType = (typeof DEVICE_ENROLLMENT_TYPES)[number];
export type DeviceRegistrationState = (typeof DEVICE_REGISTRATION_STATES)[number];
export type PartnerReportedHealthState = (typeof PARTNER_THREAT_STATES)[number];
export type ExchangeAccessState = (typeof EXCHANGE_ACCESS_STATES)[number];
export type ExchangeAccessStateReason = (typeof EXCHANGE_ACCESS_STATE_REASONS)[number];
export type ManagementState = (typeof MANAGEMENT_STATES)[number];
export type ActionState = (typeof ACTION_STATES)[number];

export interface DeviceActionResult {
  actionName: string | null;
  actionState: ActionState;
  startDateTime: string;
  lastUpdatedDateTime: string;
}

export interface ConfigurationManagerClientEnabledFeatures {
  inventory: boolean;
  modernApps: boolean;
  resourceAccess: boolean;
  deviceConfiguration: boolean;
  compliancePolicy: boolean;
  windowsUpdateForBusiness: boolean;
}

export interface DeviceHealthAttestationState {
  lastUpdateDateTime: string | null;
  contentNamespaceUrl: string | null;
  deviceHealthAttestationStatus: string | null;
  contentVersion: string | null;
  issuedDateTime: string;
  attestationIdentityKey: string | null;
  resetCount: number;
  restartCount: number;
  dataExcutionPolicy: string | null;
  bitLockerStatus: string | null;
  bootManagerVersion: string | null;
  codeIntegrityCheckVersion: string | null;
  secureBoot: string | null;
  bootDebugging: string | null;
  operatingSystemKernelDebugging: string | null;
  codeIntegrity: string | null;
  testSigning: string | null;
  safeMode: string | null;
  windowsPE: string | null;
  earlyLaunchAntiMalwareDriverProtection: string | null;
  virtualSecureMode: string | null;
  pcrHashAlgorithm: string | null;
  bootAppSecurityVersion: string | null;
  bootManagerSecurityVersion: string | null;
  tpmVersion: string | null;
  pcr0: string | null;
  secureBootConfigurationPolicyFingerPrint: string | null;
  codeIntegrityPolicy: string | null;
  bootRevisionListInfo: string | null;
  operatingSystemRevListInfo: string | null;
  healthStatusMismatchInfo: string | null;
  healthAttestationSupportedStatus: string | null;
}

/** Every structural property of a v1.0 managedDevice; Int64 values are JSON numbers. */
export interface ManagedDevice {
  id: string;
  userId: string | null;
  deviceName: string | null;
  managedDeviceOwnerType: ManagedDeviceOwnerType;
  deviceActionResults: DeviceActionResult[];
  enrolledDateTime: string;
  lastSyncDateTime: string;
  operatingSystem: string | null;
  complianceState: ComplianceState;
  jailBroken: string | null;
  managementAgent: ManagementAgentType;
  osVersion: string | null;
  easActivated: boolean;
  easDeviceId: string | null;
  easActivationDateTime: string;
  azureADRegistered: boolean | null;
  deviceEnrollmentType: DeviceEnrollmentType;
  activationLockBypassCode: string | null;
  emailAddress: string | null;
  azureADDeviceId: string | null;
  deviceRegistrationState: DeviceRegistrationState;
  deviceCategoryDisplayName: string | null;
  isSupervised: boolean;
  exchangeLastSuccessfulSyncDateTime: string;
  exchangeAccessState: ExchangeAccessState;
  exchangeAccessStateReason: ExchangeAccessStateReason;
  remoteAssistanceSessionUrl: string | null;
  remoteAssistanceSessionErrorDetails: string | null;
  isEncrypted: boolean;
  userPrincipalName: string | null;
  model: string | null;
  manufacturer: string | null;
  imei: string | null;
  complianceGracePeriodExpirationDateTime: string;
  serialNumber: string | null;
  phoneNumber: string | null;
  androidSecurityPatchLevel: string | null;
  userDisplayName: string | null;
  configurationManagerClientEnabledFeatures: ConfigurationManagerClientEnabledFeatures | null;
  wiFiMacAddress: string | null;
  deviceHealthAttestationState: DeviceHealthAttestationState | null;
  subscriberCarrier: string | null;
  meid: string | null;
  totalStorageSpaceInBytes: number;
  freeStorageSpaceInBytes: number;
  managedDeviceName: string | null;
  partnerReportedThreatState: PartnerReportedHealthState;
  requireUserEnrollmentApproval: boolean | null;
  managementCertificateExpirationDate: string;
  iccid: string | null;
  udid: string | null;
  notes: string | null;
  ethernetMacAddress: string | null;
  physicalMemoryInBytes: number;
  enrollmentProfileName: string | null;
  managementState: ManagementState;
}
