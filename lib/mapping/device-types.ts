import { z } from 'zod';

/** The guide's "Device Type" choices. */
export const DeviceTypeSchema = z.enum(['windows', 'macOS', 'iOS', 'android', 'linux', 'chromeOS']);
export type DeviceType = z.infer<typeof DeviceTypeSchema>;

/**
 * The managedDevice `operatingSystem` values of each Device Type. Microsoft does not publish the
 * list; these are the spellings Intune reports (iPads report "iPadOS" since iPadOS 13). A device is
 * matched on its normalised name too (case and spaces ignored), so "Chrome OS" counts as ChromeOS.
 */
export const DEVICE_TYPES: Readonly<Record<DeviceType, { label: string; operatingSystems: readonly string[] }>> = {
  windows: { label: 'Windows', operatingSystems: ['Windows'] },
  macOS: { label: 'macOS', operatingSystems: ['macOS'] },
  iOS: { label: 'iOS/iPadOS', operatingSystems: ['iOS', 'iPadOS'] },
  android: { label: 'Android', operatingSystems: ['Android', 'AndroidForWork', 'AndroidEnterprise'] },
  linux: { label: 'Linux', operatingSystems: ['Linux'] },
  chromeOS: { label: 'ChromeOS', operatingSystems: ['ChromeOS', 'Chrome OS'] },
};

const normalise = (name: string) => name.replace(/\s+/g, '').toLowerCase();

const TYPE_BY_OPERATING_SYSTEM = new Map(
  Object.entries(DEVICE_TYPES).flatMap(([type, { operatingSystems }]) => operatingSystems.map((os) => [normalise(os), type as DeviceType])),
);

/** The Device Type of an `operatingSystem` value; undefined for one no type covers. */
export function deviceTypeOf(operatingSystem: string | null | undefined): DeviceType | undefined {
  return operatingSystem ? TYPE_BY_OPERATING_SYSTEM.get(normalise(operatingSystem)) : undefined;
}
