import type { WipeOptions } from '../graph/wipe-options';
import { deviceTypeOf, type DeviceType } from '../mapping/device-types';

export type WipeOptionKey = keyof WipeOptions;

export interface WipeChoice {
  key: WipeOptionKey;
  kind: 'checkbox' | 'pin';
  label: string;
  help: string;
}

/**
 * The wipe options Intune's admin center offers per platform (Intune "Wipe" remote-action page): the
 * keep-data choices are Windows', the recovery PIN is the Mac's, the eSIM plan the iPhone's and iPad's.
 */
const CHOICES: readonly (WipeChoice & { platforms: readonly DeviceType[] })[] = [
  {
    key: 'keepEnrollmentData',
    kind: 'checkbox',
    label: 'Keep enrollment state and user account',
    help: 'The device stays enrolled in Intune and joined to Microsoft Entra ID after the wipe.',
    platforms: ['windows'],
  },
  {
    key: 'keepUserData',
    kind: 'checkbox',
    label: "Keep the user's data",
    help: 'Apps and settings are reset; the user’s files stay.',
    platforms: ['windows'],
  },
  {
    key: 'macOsUnlockCode',
    kind: 'pin',
    label: 'Recovery PIN (six digits)',
    help: 'The wiped Mac asks for this PIN before it can be used again. Keep it somewhere safe.',
    platforms: ['macOS'],
  },
  {
    key: 'persistEsimDataPlan',
    kind: 'checkbox',
    label: 'Keep the eSIM data plan',
    help: 'The cellular plan stays on the device after the wipe.',
    platforms: ['iOS'],
  },
];

/** The wipe options that apply to a device of this platform. */
export function wipeChoices(operatingSystem: string | null | undefined): WipeChoice[] {
  const type = deviceTypeOf(operatingSystem);
  return CHOICES.filter((choice) => type !== undefined && choice.platforms.includes(type)).map(({ platforms: _platforms, ...choice }) => choice);
}

/** Options that do not apply to the platform are refused rather than silently sent. */
export function unsupportedWipeOptions(operatingSystem: string | null | undefined, options: WipeOptions): WipeOptionKey[] {
  const allowed = new Set(wipeChoices(operatingSystem).map((choice) => choice.key));
  return (Object.keys(options) as WipeOptionKey[]).filter((key) => options[key] !== undefined && !allowed.has(key));
}
