import type { DirectoryUser } from '../directory.ts';
import type { Hardware, Platform } from './hardware.ts';
import type {
  ComplianceState,
  ConfigurationManagerClientEnabledFeatures,
  DeviceActionResult,
  DeviceEnrollmentType,
  DeviceHealthAttestationState,
  ManagedDevice,
  ManagedDeviceOwnerType,
} from './managed-device.ts';
import { type Prng, UPPER_ALNUM } from './prng.ts';
import { DAY, HOUR, isoSeconds, MINUTE, NEVER, NO_GRACE_PERIOD } from './time.ts';

export interface DeviceTraits {
  ownership: Exclude<ManagedDeviceOwnerType, 'unknownFutureValue'>;
  /** null: a shared or kiosk device with no primary user. */
  user: DirectoryUser | null;
  compliance: ComplianceState;
  /** Has not checked in for weeks or months. */
  stale: boolean;
}

const NIL_GUID = '00000000-0000-0000-0000-000000000000';

const OS_NAME: Record<Platform, string> = { windows: 'Windows', macOS: 'macOS', iOS: 'iOS', iPadOS: 'iPadOS', android: 'Android' };

const MAC_OS_VERSIONS = ['15.1.1 (24B91)', '15.0.1 (24A348)', '14.7.1 (23H222)', '14.6.1 (23G93)', '13.7.1 (22H221)'] as const;
const APPLE_MOBILE_VERSIONS = ['18.1.1', '18.1', '18.0.1', '17.7.2', '17.6.1', '16.7.10'] as const;
const ANDROID_VERSIONS = ['15', '14', '14', '13', '13', '12'] as const;
const CATEGORIES = ['Corporate Laptop', 'Shared Device', 'Executive', 'Loaner'] as const;
const NOTES = ['Loaner pool', 'Screen replaced 2024-03', 'Assigned to front desk', 'Do not wipe: legal hold'] as const;

/** One managedDevice with every v1.0 property, as GET /managedDevices/{id}?$select=… returns it. */
export function makeDevice(prng: Prng, hardware: Hardware, traits: DeviceTraits, anchor: number): ManagedDevice {
  const { platform } = hardware;
  const { user, ownership, compliance } = traits;
  const company = ownership !== 'personal';
  const lastSync = traits.stale ? anchor - prng.int(21 * DAY, 270 * DAY) : anchor - prng.int(10 * MINUTE, 3 * DAY);
  const enrolled = lastSync - prng.int(2 * DAY, 3 * 365 * DAY);
  const enrollmentType = enrollmentTypeOf(prng, platform, company, user === null);
  const coManaged = enrollmentType === 'windowsCoManagement';
  const supervised = enrollmentType === 'appleBulkWithUser' || enrollmentType === 'appleBulkWithoutUser';
  const registered = !prng.chance(0.03);
  const mobile = platform === 'iOS' || platform === 'iPadOS' || platform === 'android';
  const jailBroken = !mobile ? 'Unknown' : compliance === 'noncompliant' && prng.chance(0.1) ? 'True' : 'False';

  return {
    id: prng.guid(),
    userId: user?.id ?? null,
    deviceName: deviceNameOf(prng, hardware, user, enrollmentType),
    managedDeviceOwnerType: ownership,
    deviceActionResults: pastActions(prng, lastSync),
    enrolledDateTime: isoSeconds(enrolled),
    lastSyncDateTime: isoSeconds(lastSync),
    operatingSystem: OS_NAME[platform],
    complianceState: compliance,
    jailBroken,
    managementAgent: coManaged ? 'configurationManagerClientMdm' : mobile && prng.chance(0.03) ? 'easMdm' : 'mdm',
    osVersion: osVersionOf(prng, platform),
    easActivated: false,
    easDeviceId: prng.chance(0.4) ? prng.hex(32).toUpperCase() : '',
    easActivationDateTime: NEVER,
    azureADRegistered: registered,
    deviceEnrollmentType: enrollmentType,
    activationLockBypassCode: supervised && mobile ? groupsOf(prng, 6, 5) : null,
    // Userless devices show empty strings for the user fields, as the Intune admin center exports do.
    emailAddress: user ? (user.mail ?? '') : '',
    azureADDeviceId: registered ? prng.guid() : NIL_GUID,
    deviceRegistrationState: registered ? 'registered' : 'notRegistered',
    deviceCategoryDisplayName: prng.chance(0.8) ? 'Unknown' : prng.pick(CATEGORIES),
    isSupervised: supervised,
    exchangeLastSuccessfulSyncDateTime: NEVER,
    exchangeAccessState: 'none',
    exchangeAccessStateReason: 'none',
    remoteAssistanceSessionUrl: '',
    remoteAssistanceSessionErrorDetails: '',
    isEncrypted: platform === 'windows' ? prng.chance(0.9) : platform === 'macOS' ? prng.chance(0.85) : true,
    userPrincipalName: user?.userPrincipalName ?? '',
    model: hardware.model,
    manufacturer: hardware.manufacturer,
    imei: hardware.imei ?? '',
    complianceGracePeriodExpirationDateTime: gracePeriodEnd(prng, compliance, anchor, lastSync),
    serialNumber: hardware.serialNumber,
    phoneNumber: hardware.phoneNumber ?? '',
    androidSecurityPatchLevel: platform === 'android' ? `${prng.pick(['2024', '2025'])}-${String(prng.int(1, 12)).padStart(2, '0')}-01` : null,
    userDisplayName: user?.displayName ?? null,
    configurationManagerClientEnabledFeatures: coManaged ? coManagementWorkloads(prng) : null,
    wiFiMacAddress: hardware.wiFiMacAddress,
    deviceHealthAttestationState: platform === 'windows' && hardware.formFactor !== 'virtual' && prng.chance(0.4) ? healthAttestation(prng, lastSync) : null,
    subscriberCarrier: hardware.subscriberCarrier ?? '',
    meid: hardware.meid,
    totalStorageSpaceInBytes: hardware.totalStorageSpaceInBytes,
    freeStorageSpaceInBytes: Math.floor(hardware.totalStorageSpaceInBytes * (0.05 + prng.next() * 0.7)),
    managedDeviceName: managedDeviceNameOf(platform, company, user, enrolled),
    partnerReportedThreatState: prng.chance(0.9) ? 'unknown' : prng.pick(['secured', 'activated', 'lowSeverity'] as const),
    requireUserEnrollmentApproval: null,
    managementCertificateExpirationDate: isoSeconds(lastSync + prng.int(60, 360) * DAY),
    iccid: hardware.iccid,
    udid: hardware.udid,
    notes: prng.chance(0.1) ? prng.pick(NOTES) : null,
    ethernetMacAddress: hardware.ethernetMacAddress,
    physicalMemoryInBytes: hardware.physicalMemoryInBytes,
    enrollmentProfileName: enrollmentProfileOf(enrollmentType),
    managementState: 'managed',
  };
}

function enrollmentTypeOf(prng: Prng, platform: Platform, company: boolean, userless: boolean): DeviceEnrollmentType {
  switch (platform) {
    case 'windows':
      if (userless) return 'windowsBulkUserless';
      if (!company) return 'windowsAutoEnrollment';
      return prng.weighted([['windowsAzureADJoin', 5], ['windowsAutoEnrollment', 2], ['windowsCoManagement', 3]] as const);
    case 'macOS':
      return company && prng.chance(0.7) ? 'appleBulkWithUser' : 'userEnrollment';
    case 'iOS':
    case 'iPadOS':
      if (userless) return 'appleBulkWithoutUser';
      if (company) return prng.chance(0.85) ? 'appleBulkWithUser' : 'userEnrollment';
      return prng.chance(0.4) ? 'appleUserEnrollment' : 'userEnrollment';
    case 'android':
      return userless ? 'deviceEnrollmentManager' : 'userEnrollment';
  }
}

function enrollmentProfileOf(type: DeviceEnrollmentType): string | null {
  if (type === 'windowsAzureADJoin') return 'Autopilot - User Driven';
  if (type === 'appleBulkWithUser') return 'Corporate ADE - User Affinity';
  if (type === 'appleBulkWithoutUser') return 'Shared Device ADE';
  return null;
}

function deviceNameOf(prng: Prng, hardware: Hardware, user: DirectoryUser | null, type: DeviceEnrollmentType): string {
  // macOS and iOS name devices "<Given name>’s <model>" with a typographic apostrophe.
  const owner = user?.givenName ? `${user.givenName}\u2019s ` : '';
  switch (hardware.platform) {
    case 'windows': {
      const serial = hardware.serialNumber.replace(/[^A-Z0-9]/gi, '').toUpperCase();
      return type === 'windowsAzureADJoin' && serial.length >= 5 ? `CTS-${serial.slice(0, 11)}` : `DESKTOP-${prng.chars(7, UPPER_ALNUM)}`;
    }
    case 'macOS':
      return `${owner}${hardware.model.split(' (')[0]}`;
    case 'iOS':
      return user && prng.chance(0.7) ? `${owner}iPhone` : 'iPhone';
    case 'iPadOS':
      return user && prng.chance(0.5) ? `${owner}iPad` : 'iPad';
    case 'android':
      return hardware.formFactor === 'rugged' ? `${hardware.model}-${hardware.serialNumber.slice(-4)}` : hardware.model;
  }
}

/** Intune's generated name: `<alias>_<platform>_<M/D/YYYY>_<h:mm AM>` from the enrolment time. */
function managedDeviceNameOf(platform: Platform, company: boolean, user: DirectoryUser | null, enrolled: number): string {
  const label: Record<Platform, string> = {
    windows: 'Windows',
    macOS: 'MacOS',
    iOS: 'iPhone',
    iPadOS: 'IPad',
    android: company ? 'AndroidEnterprise' : 'AndroidForWork',
  };
  const at = new Date(enrolled);
  const hours = at.getUTCHours();
  const time = `${hours % 12 || 12}:${String(at.getUTCMinutes()).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
  const date = `${at.getUTCMonth() + 1}/${at.getUTCDate()}/${at.getUTCFullYear()}`;
  const alias = user ? `${user.userPrincipalName.split('@')[0]}_` : '';
  return `${alias}${label[platform]}_${date}_${time}`;
}

function osVersionOf(prng: Prng, platform: Platform): string {
  switch (platform) {
    case 'windows': {
      const [build, low, high] = prng.weighted([
        [[22631, 3000, 4460], 5],
        [[26100, 1000, 2454], 3],
        [[19045, 3000, 5131], 3],
        [[22621, 2000, 4460], 1],
      ] as const);
      return `10.0.${build}.${prng.int(low, high)}`;
    }
    case 'macOS':
      return prng.pick(MAC_OS_VERSIONS);
    case 'iOS':
    case 'iPadOS':
      return prng.pick(APPLE_MOBILE_VERSIONS);
    case 'android':
      return prng.pick(ANDROID_VERSIONS);
  }
}

function gracePeriodEnd(prng: Prng, compliance: ComplianceState, anchor: number, lastSync: number): string {
  if (compliance === 'inGracePeriod') return isoSeconds(anchor + prng.int(1 * DAY, 7 * DAY));
  if (compliance === 'noncompliant') return isoSeconds(lastSync - prng.int(1 * HOUR, 10 * DAY));
  return NO_GRACE_PERIOD;
}

/** A few devices carry the result of an action an admin ran long ago. */
function pastActions(prng: Prng, lastSync: number): DeviceActionResult[] {
  if (!prng.chance(0.03)) return [];
  const start = lastSync - prng.int(1 * DAY, 60 * DAY);
  return [
    {
      actionName: prng.pick(['syncDevice', 'rebootNow', 'remoteLock'] as const),
      actionState: 'done',
      startDateTime: isoSeconds(start),
      lastUpdatedDateTime: isoSeconds(start + prng.int(1 * MINUTE, 2 * HOUR)),
    },
  ];
}

function coManagementWorkloads(prng: Prng): ConfigurationManagerClientEnabledFeatures {
  return {
    inventory: true,
    modernApps: prng.chance(0.5),
    resourceAccess: prng.chance(0.5),
    deviceConfiguration: prng.chance(0.5),
    compliancePolicy: true,
    windowsUpdateForBusiness: prng.chance(0.5),
  };
}

function healthAttestation(prng: Prng, lastSync: number): DeviceHealthAttestationState {
  const issued = lastSync - prng.int(1 * HOUR, 7 * DAY);
  return {
    lastUpdateDateTime: new Date(issued).toUTCString(),
    contentNamespaceUrl: 'https://manage.microsoft.com/DeviceHealthAttestation',
    deviceHealthAttestationStatus: 'Attested',
    contentVersion: '5',
    issuedDateTime: isoSeconds(issued),
    attestationIdentityKey: prng.hex(64).toUpperCase(),
    resetCount: prng.int(0, 40),
    restartCount: prng.int(5, 400),
    dataExcutionPolicy: 'Enabled',
    bitLockerStatus: prng.chance(0.9) ? 'Enabled' : 'Disabled',
    bootManagerVersion: '10.0.22621.1',
    codeIntegrityCheckVersion: null,
    secureBoot: 'Enabled',
    bootDebugging: 'Disabled',
    operatingSystemKernelDebugging: 'Disabled',
    codeIntegrity: 'Enabled',
    testSigning: 'Disabled',
    safeMode: 'Disabled',
    windowsPE: 'Disabled',
    earlyLaunchAntiMalwareDriverProtection: 'Enabled',
    virtualSecureMode: prng.chance(0.7) ? 'Enabled' : 'Disabled',
    pcrHashAlgorithm: 'SHA256',
    bootAppSecurityVersion: '1',
    bootManagerSecurityVersion: '1',
    tpmVersion: '2.0',
    pcr0: prng.hex(64).toUpperCase(),
    secureBootConfigurationPolicyFingerPrint: null,
    codeIntegrityPolicy: null,
    bootRevisionListInfo: null,
    operatingSystemRevListInfo: null,
    healthStatusMismatchInfo: null,
    healthAttestationSupportedStatus: 'Supported',
  };
}

function groupsOf(prng: Prng, groups: number, size: number): string {
  return Array.from({ length: groups }, () => prng.chars(size, UPPER_ALNUM)).join('-');
}
