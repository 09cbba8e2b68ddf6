import { DEVICE_FIELDS, type DeviceFieldKey } from '../graph/device-fields';
import type { ManagedDevice } from '../graph/device-schema';

/** What kind of value an Intune field holds, as the transforms see it. */
export type SourceType = 'string' | 'boolean' | 'number' | 'dateTime' | 'enum';

/**
 * Whether a field may identify a device across Intune and Asset Panda (the guide's "Unique
 * Identifier" advice): recommended, usable when reliably filled and marked unique, or not suitable.
 */
export type IdentifierAdvice = 'recommended' | 'usable' | 'not-suitable';

export interface SourceField {
  /** Stable key, persisted by mappings: never rename one. */
  key: string;
  /** The guide's name for the field. */
  label: string;
  /** The guide's description. */
  description: string;
  /** The guide's "Mapping & Filtering Guidance". */
  guidance: string;
  identifier: IdentifierAdvice;
  type: SourceType;
  /** The Graph properties to `$select` for it. */
  properties: readonly DeviceFieldKey[];
  /** For an enum: the values Intune documents (labels map them onto an Asset Panda list). */
  members?: readonly string[];
  /** Its value on one device; undefined or null when Intune holds none. */
  read(device: ManagedDevice): string | number | boolean | null | undefined;
}

function property<Key extends DeviceFieldKey>(
  key: Key,
  type: SourceType,
  label: string,
  description: string,
  guidance: string,
  identifier: IdentifierAdvice = 'not-suitable',
): SourceField {
  return {
    key,
    label,
    description,
    guidance,
    identifier,
    type,
    properties: [key],
    ...(type === 'enum' ? { members: documentedMembers(key) } : {}),
    read: (device) => device[key] as string | number | boolean | null | undefined,
  };
}

/** An enum's documented members, without Graph's "unknownFutureValue" sentinel (never sent to clients). */
function documentedMembers(key: DeviceFieldKey): readonly string[] {
  return (DEVICE_FIELDS[key].enumMembers ?? []).filter((member) => member !== 'unknownFutureValue');
}

/**
 * The Intune fields a mapping can use, in the order and words of Asset Panda's guide ("Microsoft
 * Intune fields" table), plus Enrolled Date, Management State and Entra Device ID.
 */
export const MANAGED_DEVICE_SOURCES: readonly SourceField[] = [
  property('id', 'string', 'Intune Device ID', 'A unique, system-assigned identifier for each Intune-managed device.',
    'Recommended as the Unique Identifier for matching records.', 'recommended'),
  property('serialNumber', 'string', 'Serial Number', 'Manufacturer-assigned serial number of the device.',
    'Can be used as a Unique Identifier if consistently populated and marked unique in Asset Panda.', 'usable'),
  property('imei', 'string', 'IMEI', 'Identifier for mobile/cellular devices.',
    'Optional; applicable mainly to mobile devices. May be blank for desktops.', 'usable'),
  property('meid', 'string', 'MEID', 'Alternate mobile device ID.', 'Similar use as IMEI. Use only if populated reliably.', 'usable'),
  property('wiFiMacAddress', 'string', 'Wi-Fi MAC', "MAC address of the device's wireless interface.",
    'Optional; may not be consistently available or unique.', 'usable'),
  property('easDeviceId', 'string', 'EAS Device ID', 'Exchange ActiveSync identifier.', 'Typically used in Exchange environments only.', 'usable'),
  property('deviceName', 'string', 'Device Name', 'User-assigned or system-generated device name.',
    'Not suitable as a Unique Identifier. May change over time.'),
  {
    key: 'primaryUserName',
    label: 'Primary User Name',
    description: "Username of the device's primary user.",
    guidance: 'Useful for reference; not for identity matching.',
    identifier: 'not-suitable',
    type: 'string',
    properties: ['userPrincipalName'],
    // The user name is the sign-in name before the domain: megan.bowen in megan.bowen@contoso.com.
    read: (device) => device.userPrincipalName?.split('@')[0] || null,
  },
  property('emailAddress', 'string', 'Primary User Email', "Email of the device's primary user.",
    'Use for reporting; avoid using as a Unique Identifier.'),
  property('userDisplayName', 'string', 'User Display Name', 'Full name of the assigned user.', 'Display-only value. Not unique or stable.'),
  property('userPrincipalName', 'string', 'User Principal Name (UPN)', 'Azure AD login name (e.g., user@domain.com).',
    'Good for user tracking. Not unique to the device.'),
  property('userId', 'string', 'User ID', 'Azure AD object ID of the user.', 'Tied to the user, not the device. Avoid for device-level identity.'),
  property('phoneNumber', 'string', 'Phone Number', 'Phone number linked to the device.', 'Often blank or reused. Not reliable for matching.'),
  property('managedDeviceOwnerType', 'enum', 'Ownership', 'Indicates if device is corporate or personal.', 'Use for filtering by ownership type.'),
  property('manufacturer', 'string', 'Device Manufacturer', 'Brand/vendor of the hardware (e.g., Apple, Dell).',
    'Use for categorization or filtering. Not unique.'),
  property('model', 'string', 'Model', 'Device model (e.g., iPhone 13, Dell XPS).', 'Useful for classification. Not recommended for identity matching.'),
  property('operatingSystem', 'string', 'OS', 'Operating system installed.', 'Use for grouping or reporting. Not a unique value.'),
  property('osVersion', 'string', 'OS Version', 'Operating system version installed.', 'Use for grouping or reporting. Not a unique value.'),
  property('complianceState', 'enum', 'Compliance', 'Device compliance status based on Intune policies.',
    'Use for filtering compliant vs non-compliant devices.'),
  property('deviceCategoryDisplayName', 'string', 'Category', 'Custom label defined in Intune.', 'Optional metadata; use as needed for filtering.'),
  property('deviceEnrollmentType', 'enum', 'Device Enrollment Type', 'Method used for enrollment (e.g., manual, automatic).',
    'Use for filtering enrollment method.'),
  property('deviceRegistrationState', 'enum', 'Device Registration State', 'Registration status in Entra ID.', 'Informational. Do not use for identity.'),
  property('managementAgent', 'enum', 'Management Agent', 'Agent type used to manage the device.', 'Use for internal classification.'),
  property('azureADRegistered', 'boolean', 'Microsoft Entra Registered', 'Indicates if device is registered in Microsoft Entra ID.',
    'Boolean value; not suitable as Unique Identifier.'),
  property('partnerReportedThreatState', 'enum', 'Partner Threat State', 'Threat level reported from partner solutions.',
    'Use for security reporting; not identity.'),
  property('isEncrypted', 'boolean', 'Encrypted', 'Security posture indicator.', 'Use for compliance visibility. Not identity fields.'),
  property('isSupervised', 'boolean', 'Supervised', 'Security posture indicator.', 'Use for compliance visibility. Not identity fields.'),
  // Intune holds it as text: "True", "False", "Unknown" or empty.
  property('jailBroken', 'string', 'Jailbroken', 'Security posture indicator.', 'Use for compliance visibility. Not identity fields.'),
  property('easActivationDateTime', 'dateTime', 'EAS Activation Date', 'Date when Exchange ActiveSync was activated.', 'Timestamp field. Not stable.'),
  property('freeStorageSpaceInBytes', 'number', 'Free Storage Space', 'Storage metrics in bytes.', 'Volatile fields. Use for reporting only.'),
  property('totalStorageSpaceInBytes', 'number', 'Total Storage Space', 'Storage metrics in bytes.', 'Volatile fields. Use for reporting only.'),
  property('lastSyncDateTime', 'dateTime', 'Last Successful Sync Date', 'Timestamp of last successful sync with Intune.',
    'Changing value. Do not use for matching.'),
  property('enrolledDateTime', 'dateTime', 'Enrolled Date', 'When the device enrolled in Intune.', 'Timestamp field. Not for matching.'),
  property('managementState', 'enum', 'Management State', 'Whether Intune manages the device, or a retire or wipe is pending.',
    'Informational; shows actions in progress. Not for matching.'),
  property('azureADDeviceId', 'string', 'Entra Device ID', "The device's object in Microsoft Entra ID (not the Intune Device ID).",
    'Unique to the device in Entra; usable when devices are Entra registered or joined.', 'usable'),
];

/**
 * Refused as match keys by the guide itself: "Do not use fields like Device Name, User Email, or
 * Compliance Status, because they can change over time or may not be unique, leading to sync errors."
 */
export const GUIDE_FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['deviceName', 'emailAddress', 'complianceState']);
