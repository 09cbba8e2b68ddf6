import { z } from 'zod';

/**
 * A Graph enum value: one of the members the v1.0 CSDL lists today, or a member Microsoft adds
 * later, kept as the raw string. (`string & {}` keeps the known members visible to the editor.)
 */
export type OpenEnum<Member extends string> = Member | (string & {});

/** Accepts the documented members and any other string, so a new member never fails a page of devices. */
export function openEnum<const Members extends readonly [string, ...string[]]>(
  members: Members,
): z.ZodType<OpenEnum<Members[number]>> {
  return z.union([z.enum(members), z.string()]);
}

// Members in the v1.0 CSDL order (msgraph-metadata schemas/v1.0-Prod.csdl).

export const COMPLIANCE_STATES = ['unknown', 'compliant', 'noncompliant', 'conflict', 'error', 'inGracePeriod', 'configManager'] as const;

export const DEVICE_ENROLLMENT_TYPES = [
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

export const DEVICE_REGISTRATION_STATES = [
  'notRegistered',
  'registered',
  'revoked',
  'keyConflict',
  'approvalPending',
  'certificateReset',
  'notRegisteredPendingEnrollment',
  'unknown',
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

export const ACTION_STATES = ['none', 'pending', 'canceled', 'active', 'done', 'failed', 'notSupported'] as const;

export const DETECTED_APP_PLATFORMS = [
  'unknown',
  'windows',
  'windowsMobile',
  'windowsHolographic',
  'ios',
  'macOS',
  'chromeOS',
  'androidOSP',
  'androidDeviceAdministrator',
  'androidWorkProfile',
  'androidDedicatedAndFullyManaged',
  'unknownFutureValue',
] as const;
