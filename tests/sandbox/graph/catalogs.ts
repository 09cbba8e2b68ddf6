import type { ManagedDevice } from '../fleet/managed-device.ts';
import { Prng } from '../fleet/prng.ts';
import type { DETECTED_APP_PLATFORMS } from '../../../lib/graph/enums.ts';

/** Graph v1.0 detectedApp. */
export interface DetectedApp {
  id: string;
  displayName: string | null;
  version: string | null;
  sizeInByte: number;
  deviceCount: number;
  publisher: string | null;
  platform: (typeof DETECTED_APP_PLATFORMS)[number];
}

type Spec = [displayName: string, version: string, publisher: string | null, platform: DetectedApp['platform'], share: number, sizeInByte: number];

const DETECTED: readonly Spec[] = [
  ['Microsoft Edge', '131.0.2903.70', 'Microsoft Corporation', 'windows', 0.97, 0],
  ['Google Chrome', '131.0.6778.86', 'Google LLC', 'windows', 0.55, 0],
  ['Microsoft Teams', '24295.605.3225.8804', 'Microsoft Corporation', 'windows', 0.9, 0],
  ['Microsoft 365 Apps for enterprise - en-us', '16.0.17928.20216', 'Microsoft Corporation', 'windows', 0.85, 0],
  ['Zoom Workplace (64-bit)', '6.2.11 (51812)', 'Zoom Video Communications, Inc.', 'windows', 0.3, 0],
  ['7-Zip 23.01 (x64)', '23.01', 'Igor Pavlov', 'windows', 0.2, 0],
  ['Adobe Acrobat (64-bit)', '24.004.20272', 'Adobe', 'windows', 0.4, 0],
  ['Company Portal', '11.2.1002.0', 'Microsoft Corporation', 'windows', 0.6, 0],
  ['Microsoft Outlook', '16.91', 'Microsoft Corporation', 'macOS', 0.9, 2_145_386_496],
  ['Slack', '4.41.97', 'Slack Technologies, Inc.', 'macOS', 0.5, 512_000_000],
  ['Google Chrome', '131.0.6778.86', 'Google LLC', 'macOS', 0.6, 1_213_000_000],
  ['Company Portal', '5.2410.1', 'Microsoft Corporation', 'macOS', 0.95, 130_000_000],
  ['Microsoft Authenticator', '6.8.17', null, 'ios', 0.9, 210_000_000],
  ['Microsoft Outlook', '4.2445.0', null, 'ios', 0.85, 310_000_000],
  ['Microsoft Teams', '6.23.1', null, 'ios', 0.7, 330_000_000],
  ['Comp Portal', '5.2410.0', null, 'ios', 0.95, 95_000_000],
  ['Intune Company Portal', '5.0.6409.0', 'Microsoft Corporation', 'androidWorkProfile', 0.95, 61_000_000],
  ['Microsoft Authenticator', '6.2410.7067', 'Microsoft Corporation', 'androidWorkProfile', 0.9, 120_000_000],
  ['Microsoft Outlook', '4.2444.1', 'Microsoft Corporation', 'androidWorkProfile', 0.8, 180_000_000],
  ['Zebra Device Diagnostics', '2.3.0.12', 'Zebra Technologies', 'androidDedicatedAndFullyManaged', 0.03, 8_000_000],
];

/** Which managedDevice.operatingSystem values report apps of a detectedApp platform. */
const OPERATING_SYSTEMS: Partial<Record<DetectedApp['platform'], readonly string[]>> = {
  windows: ['Windows'],
  macOS: ['macOS'],
  ios: ['iOS', 'iPadOS'],
  androidWorkProfile: ['Android'],
  androidDedicatedAndFullyManaged: ['Android'],
};

/** Share of its platform's devices each app is installed on, by app ID. */
const installShare = new Map<string, number>();

/**
 * The tenant's app inventory; each app is on a fixed, hash-chosen share of its platform's devices.
 * deviceCount is counted once, like Intune's periodic inventory: deleting a device later does not
 * update it, while /detectedApps/{id}/managedDevices always reflects the current devices.
 */
export function makeDetectedApps(devices: readonly ManagedDevice[]): DetectedApp[] {
  const prng = new Prng(0xdec7ed);
  return DETECTED.map(([displayName, version, publisher, platform, share, sizeInByte]) => {
    // Intune's detected-app IDs are 44 hex digits, not GUIDs.
    const app: DetectedApp = { id: prng.hex(44), displayName, version, sizeInByte, deviceCount: 0, publisher, platform };
    installShare.set(app.id, share);
    app.deviceCount = devices.filter((device) => hasApp(device, app)).length;
    return app;
  });
}

/** Whether the app is on the device; stable for a device and an app. */
export function hasApp(device: ManagedDevice, app: DetectedApp): boolean {
  if (!OPERATING_SYSTEMS[app.platform]?.includes(device.operatingSystem ?? '')) return false;
  return fnv1a(device.id + app.id) % 1000 < (installShare.get(app.id) ?? 0) * 1000;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A mobileApp as Graph returns it: the concrete type in @odata.type, base and derived properties. */
export type MobileApp = { '@odata.type': string; id: string; displayName: string } & Record<string, unknown>;

export function makeMobileApps(): MobileApp[] {
  const prng = new Prng(0xa995);
  const base = (type: string, displayName: string, publisher: string, created: string, extra: Record<string, unknown>): MobileApp => ({
    '@odata.type': `#microsoft.graph.${type}`,
    id: prng.guid(),
    displayName,
    description: displayName,
    publisher,
    largeIcon: null,
    createdDateTime: created,
    lastModifiedDateTime: created,
    isFeatured: false,
    privacyInformationUrl: null,
    informationUrl: null,
    owner: '',
    developer: '',
    notes: '',
    publishingState: 'published',
    ...extra,
  });
  const ios = { iPad: true, iPhoneAndIPod: true };
  const iosMinimum = { v8_0: false, v9_0: false, v10_0: false, v11_0: false, v12_0: false, v13_0: false, v14_0: false, v15_0: true };
  const androidMinimum = {
    v4_0: false, v4_0_3: false, v4_1: false, v4_2: false, v4_3: false, v4_4: false, v5_0: false, v5_1: false,
    v6_0: false, v7_0: false, v7_1: false, v8_0: true, v8_1: false, v9_0: false, v10_0: false, v11_0: false,
  };
  return [
    base('windowsMicrosoftEdgeApp', 'Microsoft Edge for Windows 10 and later', 'Microsoft', '2023-02-14T09:12:40Z', { channel: 'stable', displayLanguageLocale: null }),
    base('macOSMicrosoftEdgeApp', 'Microsoft Edge for macOS', 'Microsoft', '2023-02-14T09:15:02Z', { channel: 'stable' }),
    base('macOSOfficeSuiteApp', 'Microsoft 365 Apps for macOS', 'Microsoft', '2023-03-01T16:40:11Z', {}),
    base('macOSMicrosoftDefenderApp', 'Microsoft Defender for Endpoint (macOS)', 'Microsoft', '2023-05-22T11:03:57Z', {}),
    base('iosStoreApp', 'Microsoft Authenticator', 'Microsoft Corporation', '2023-02-20T13:30:00Z', {
      bundleId: 'com.microsoft.azureauthenticator',
      appStoreUrl: 'https://apps.apple.com/us/app/microsoft-authenticator/id983156458',
      applicableDeviceType: ios,
      minimumSupportedOperatingSystem: iosMinimum,
    }),
    base('iosStoreApp', 'Microsoft Outlook', 'Microsoft Corporation', '2023-02-20T13:31:45Z', {
      bundleId: 'com.microsoft.Office.Outlook',
      appStoreUrl: 'https://apps.apple.com/us/app/microsoft-outlook/id951937596',
      applicableDeviceType: ios,
      minimumSupportedOperatingSystem: iosMinimum,
    }),
    base('androidStoreApp', 'Intune Company Portal', 'Microsoft Corporation', '2023-02-20T14:02:19Z', {
      packageId: 'com.microsoft.windowsintune.companyportal',
      appStoreUrl: 'https://play.google.com/store/apps/details?id=com.microsoft.windowsintune.companyportal',
      minimumSupportedOperatingSystem: androidMinimum,
    }),
    base('webApp', 'Asset Panda', 'Asset Panda', '2024-06-03T08:45:00Z', { appUrl: 'https://assetpanda.app/', useManagedBrowser: false }),
    base('webApp', 'IT Help Desk', 'Contoso IT', '2024-01-10T10:00:00Z', { appUrl: 'https://contoso.service-now.com/', useManagedBrowser: true }),
  ];
}
