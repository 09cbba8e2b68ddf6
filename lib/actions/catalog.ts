import { REQUIRED_SCOPES } from '../graph/scopes';
import type { DeviceType } from '../mapping/device-types';

/** The device actions of Asset Panda's Intune integration, plus Sync device. */
export const ACTION_NAMES = ['retire', 'wipe', 'delete', 'remoteLock', 'syncDevice'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export interface ActionSpec {
  label: string;
  /** The delegated permissions Graph accepts for the call, any one of them (reference intune-graph.md §2). */
  scopes: readonly string[];
  /** The Device Types Intune offers the action for; undefined: every device. */
  platforms?: readonly DeviceType[];
  /** The confirmation asks the admin to type the device name. */
  typeToConfirm: boolean;
  /** What Intune does, in the words of Asset Panda's guide and Intune's remote-action pages. */
  inIntune: string;
}

/** Intune's remote actions for Windows, macOS, iOS/iPadOS and Android (Intune remote-action docs). */
const MANAGED_PLATFORMS: readonly DeviceType[] = ['windows', 'macOS', 'iOS', 'android'];

export const ACTIONS: Readonly<Record<ActionName, ActionSpec>> = {
  retire: {
    label: 'Retire',
    scopes: REQUIRED_SCOPES.devicesPrivileged,
    platforms: MANAGED_PLATFORMS,
    typeToConfirm: false,
    inIntune: 'Intune removes company data, apps and settings from the device and stops managing it. Personal data stays on the device.',
  },
  wipe: {
    label: 'Wipe',
    scopes: REQUIRED_SCOPES.devicesPrivileged,
    platforms: MANAGED_PLATFORMS,
    typeToConfirm: true,
    inIntune: 'Intune restores the device to its factory settings the next time it checks in, erasing its data unless an option below keeps it.',
  },
  delete: {
    label: 'Delete',
    scopes: REQUIRED_SCOPES.devicesDelete,
    typeToConfirm: true,
    inIntune:
      'Intune deletes the device record and retires the device if it checks in again (company data, apps and settings are removed). The device has to enroll again to be managed.',
  },
  remoteLock: {
    label: 'Remote lock',
    scopes: REQUIRED_SCOPES.devicesPrivileged,
    platforms: ['macOS', 'iOS', 'android'],
    typeToConfirm: false,
    inIntune: 'Intune locks the device screen the next time it checks in; the user unlocks it with their passcode.',
  },
  syncDevice: {
    label: 'Sync device',
    scopes: REQUIRED_SCOPES.devicesPrivileged,
    platforms: MANAGED_PLATFORMS,
    typeToConfirm: false,
    inIntune: 'Intune asks the device to check in now, to receive the latest policies and actions.',
  },
};

export function isActionName(value: string): value is ActionName {
  return (ACTION_NAMES as readonly string[]).includes(value);
}
