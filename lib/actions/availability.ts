import type { ManagedDevice } from '../graph/device-schema';
import { grantsAny } from '../graph/scopes';
import { DEVICE_TYPES, deviceTypeOf } from '../mapping/device-types';
import { ACTION_NAMES, ACTIONS, type ActionName } from './catalog';

export type Availability = { action: ActionName; label: string; available: true } | { action: ActionName; label: string; available: false; reason: string };

/** What the rules read from a device. */
export type DeviceForActions = Pick<ManagedDevice, 'operatingSystem' | 'managementState'>;

/** The state that means the action is already under way on the device. */
const PENDING_STATE: Partial<Record<ActionName, string>> = { retire: 'retirePending', wipe: 'wipePending' };

/**
 * Whether the admin may start `action` on the device from the record page, and if not, why: the
 * device's platform must be one Intune offers the action for, the sign-in must carry a permission
 * the call accepts, and a retire or wipe must not already be pending.
 */
export function availability(action: ActionName, device: DeviceForActions, grantedScopes: readonly string[]): Availability {
  const spec = ACTIONS[action];
  const refuse = (reason: string): Availability => ({ action, label: spec.label, available: false, reason });
  const type = deviceTypeOf(device.operatingSystem);
  if (spec.platforms && (!type || !spec.platforms.includes(type))) {
    const platform = device.operatingSystem?.trim() || 'an unknown platform';
    const supported = spec.platforms.map((t) => DEVICE_TYPES[t].label).join(', ');
    return refuse(`Intune does not offer ${spec.label} for ${platform} devices (only ${supported}).`);
  }
  if (!grantsAny(grantedScopes, spec.scopes)) {
    return refuse(
      `${spec.label} needs the Microsoft Graph permission ${spec.scopes.join(' or ')}, which your sign-in does not have. ` +
        'Add it to the app registration, grant admin consent, then run Test and Save Connection on the options page.',
    );
  }
  if (PENDING_STATE[action] && device.managementState === PENDING_STATE[action]) {
    return refuse(`A ${spec.label.toLowerCase()} is already pending on this device; Intune finishes it when the device checks in.`);
  }
  return { action, label: spec.label, available: true };
}

/** Every action, in the order the panel shows them. */
export function availableActions(device: DeviceForActions, grantedScopes: readonly string[]): Availability[] {
  return ACTION_NAMES.map((action) => availability(action, device, grantedScopes));
}
