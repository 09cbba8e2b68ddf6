/**
 * Graph v1.0 `managedDevice` as the current CSDL defines it (reference/intune-graph.md §1.1–1.2).
 * The enum member lists are exact copies of the CSDL's; tests/sandbox/graph/schema.test.ts holds
 * them and the property list against the published schema.
 */

export const COMPLIANCE_STATES = ['unknown', 'compliant', 'noncompliant', 'conflict', 'error', 'inGracePeriod', 'configManager'] as const;
export const OWNER_TYPES = ['unknown', 'company', 'personal', 'unknownFutureValue'] as const;
export const MANAGEMENT_AGENTS = [
  'eas',
  'mdm',
  'easMdm',
  'intuneClient',
  'easIntuneClient',
  'configurationManagerClient',
  'configurationManagerClientMdm',
  'configurationManagerClientMdmEas',
  'unknown',
  'jamf',
  'googleCloudDevicePolicyController',
  'microsoft365ManagedMdm',
  'msSense',
] as const;
export const ENROLLMENT_TYPES = [
  'unknown',
  'userEnrollment',
  'deviceEnrollmentManager',
  'appleBulkWithUser',
  'appleBulkWithoutUser',
  'windowsAzureADJoin',
  'windowsBulkUserless',
  'windowsAutoEnrollment',
  'windowsBulkAzureDomainJoin',
  'windowsCoManagement',
  'windowsAzureADJoinUsingDeviceAuth',
  'appleUserEnrollment',
  'appleUserEnrollmentWithServiceAccount',
  'unknownFutureValue',
] as const;
export const REGISTRATION_STATES = [
  'notRegistered',
  'registered',
  'revoked',
  'keyConflict',
  'approvalPending',
  'certificateReset',
  'notRegisteredPendingEnrollment',
  'unknown',
] as const;
export const PARTNER_THREAT_STATES = [
  'unknown',
  'activated',
  'deactivated',
  'secured',
  'lowSeverity',
  'mediumSeverity',
  'highSeverity',
  'unresponsive',
  'compromised',
  'misconfigured',
] as const;
export const EXCHANGE_ACCESS_STATES = ['none', 'unknown', 'allowed', 'blocked', 'quarantined'] as const;
export const EXCHANGE_ACCESS_STATE_REASONS = [
  'none',
  'unknown',
  'exchangeGlobalRule',
  'exchangeIndividualRule',
  'exchangeDeviceRule',
  'exchangeUpgrade',
  'exchangeMailboxPolicy',
  'other',
  'compliant',
  'notCompliant',
  'notEnrolled',
  'unknownLocation',
  'mfaRequired',
  'azureADBlockDueToAccessPolicy',
  'compromisedPassword',
  'deviceNotKnownWithManagedApp',
] as const;
export const MANAGEMENT_STATES = [
  'managed',
  'retirePending',
  'retireFailed',
  'wipePending',
  'wipeFailed',
  'unhealthy',
  'deletePending',
  'retireIssued',
  'wipeIssued',
  'wipeCanceled',
  'retireCanceled',
  'discovered',
  'unknownFutureValue',
] as const;
export const ACTION_STATES = ['none', 'pending', 'canceled', 'active', 'done', 'failed', 'notSupported'] as const;

export type ComplianceState = (typeof COMPLIANCE_STATES)[number];
export type ManagedDeviceOwnerType = (typeof OWNER_TYPES)[number];
export type ManagementAgentType = (typeof MANAGEMENT_AGENTS)[number];
export type DeviceEnrollmentType = (typeof ENROLLMENT_TYPES)[number];
export type DeviceRegistrationState = (typeof REGISTRATION_STATES)[number];
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
