import { ACTIONS, isActionName } from '../actions/catalog';
import type { ManagedDevice } from '../graph/device-schema';
import type { Cloud } from '../graph/clouds';
import { sourceField } from '../mapping/entities';
import { humanize } from '../mapping/transform';
import type { DeviceActivity, DeviceFact, DeviceSummary } from './status';

const COMPLIANCE: Record<string, string> = {
  compliant: 'Compliant',
  noncompliant: 'Not compliant',
  inGracePeriod: 'In grace period',
  conflict: 'Conflict',
  error: 'Error',
  configManager: 'Managed by Configuration Manager',
  unknown: 'Unknown',
};
const OWNERSHIP: Record<string, string> = { company: 'Corporate', personal: 'Personal' };
const MANAGEMENT: Record<string, string> = {
  managed: 'Managed',
  retirePending: 'Retire pending',
  retireFailed: 'Retire failed',
  wipePending: 'Wipe pending',
  wipeFailed: 'Wipe failed',
  unhealthy: 'Unhealthy',
  deletePending: 'Delete pending',
  retireIssued: 'Retire issued',
  wipeIssued: 'Wipe issued',
  wipeCanceled: 'Wipe canceled',
  retireCanceled: 'Retire canceled',
  discovered: 'Discovered',
};
const ACTION_STATE: Record<string, string> = {
  pending: 'pending',
  active: 'in progress',
  done: 'done',
  failed: 'failed',
  canceled: 'canceled',
  notSupported: 'not supported on this device',
};

/** Intune's admin center per cloud (its device page takes the tenant, so the right directory opens). */
const ADMIN_CENTER: Record<Cloud, string> = {
  global: 'https://intune.microsoft.com',
  usGovHigh: 'https://intune.microsoft.us',
  usGovDod: 'https://intune.microsoft.us',
  china: 'https://intune.microsoftonline.cn',
};

export function intuneDeviceUrl(cloud: Cloud, tenant: string, deviceId: string): string {
  return `${ADMIN_CENTER[cloud]}/${encodeURIComponent(tenant)}/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/${encodeURIComponent(deviceId)}`;
}

const labelOf = (table: Record<string, string>, member: string | null | undefined, empty = 'Unknown') =>
  member ? (table[member] ?? humanize(member)) : empty;

/** The name Asset Panda's guide gives an Intune field (lib/mapping/sources.ts), as the mapping editor shows it too. */
export const fieldLabel = (key: string): string => sourceField('managedDevices', key)?.label ?? key;

/** Actions still running, and those that ended in the last day: what the admin wants to follow. */
const RECENT_MS = 24 * 60 * 60_000;

export function deviceActivity(device: ManagedDevice, now: number): DeviceActivity[] {
  return (device.deviceActionResults ?? [])
    .filter((result) => ['pending', 'active'].includes(result.actionState) || now - Date.parse(result.lastUpdatedDateTime) < RECENT_MS)
    .map((result) => {
      const name = result.actionName ?? 'action';
      return {
        action: isActionName(name) ? ACTIONS[name].label : humanize(name),
        state: result.actionState,
        label: labelOf(ACTION_STATE, result.actionState),
        startedAt: result.startDateTime,
        updatedAt: result.lastUpdatedDateTime,
      };
    });
}

/** Who a device is, as the device picker and the confirmation window name it. */
export function deviceIdentity(device: ManagedDevice) {
  return {
    id: device.id,
    name: device.deviceName?.trim() || device.id,
    serialNumber: device.serialNumber?.trim() || null,
    operatingSystem: device.operatingSystem ?? null,
    osVersion: device.osVersion ?? null,
    primaryUser: device.userPrincipalName ?? null,
    lastCheckIn: device.lastSyncDateTime ?? null,
  };
}

const fact = (key: string, text: string | null | undefined, at: string | null = null): DeviceFact => ({ label: fieldLabel(key), text: text?.trim() || '—', at });

/** What the panel shows of a device, each under the guide's name of its Intune field. */
function deviceFacts(device: ManagedDevice): DeviceFact[] {
  const encrypted = device.isEncrypted === undefined || device.isEncrypted === null ? 'Unknown' : device.isEncrypted ? 'Yes' : 'No';
  return [
    fact('userDisplayName', device.userDisplayName),
    fact('userPrincipalName', device.userPrincipalName),
    fact('operatingSystem', [device.operatingSystem, device.osVersion].filter((part) => part?.trim()).join(' ')),
    fact('complianceState', labelOf(COMPLIANCE, device.complianceState)),
    fact('managedDeviceOwnerType', labelOf(OWNERSHIP, device.managedDeviceOwnerType)),
    fact('isEncrypted', encrypted),
    fact('lastSyncDateTime', null, device.lastSyncDateTime ?? null),
    fact('managementState', labelOf(MANAGEMENT, device.managementState)),
  ];
}

export function summarizeDevice(device: ManagedDevice, context: { cloud: Cloud; tenant: string; now: number }): DeviceSummary {
  const { id, name } = deviceIdentity(device);
  return {
    id,
    name,
    facts: deviceFacts(device),
    managementState: { code: device.managementState ?? 'unknown' },
    activity: deviceActivity(device, context.now),
    openInIntuneUrl: intuneDeviceUrl(context.cloud, context.tenant, device.id),
  };
}
