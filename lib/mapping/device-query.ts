import type { DeviceFieldKey } from '../graph/device-fields';
import type { ManagedDevice } from '../graph/device-schema';
import { deviceFilter, type DeviceFilter } from '../graph/filter';
import { DEVICE_TYPES, deviceTypeOf } from './device-types';
import type { Filters } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How a mapping's filters select devices: what Graph can filter, and the check the extension makes itself. */
export interface DeviceQuery {
  /** The `$filter` for the filters Microsoft documents an operator for; undefined when none applies. */
  server: DeviceFilter | undefined;
  /** Whether `server` alone selects exactly the matching devices: no filter is left to the client. */
  serverOnly: boolean;
  /** The Graph properties `matches` reads. */
  properties: DeviceFieldKey[];
  /**
   * Every filter, checked on each device Graph returns. It repeats the server-side ones because
   * Intune is known to ignore some filters and return every device (reference: "always re-check").
   */
  matches(device: ManagedDevice): boolean;
}

/** The query for a mapping's filters, as of `now` (for "last check-in within N days"). */
export function deviceQuery(filters: Filters, now: number): DeviceQuery {
  const server: DeviceFilter[] = [];
  const checks: Array<(device: ManagedDevice) => boolean> = [];
  const properties = new Set<DeviceFieldKey>();
  let clientOnly = false;

  if (filters.deviceTypes.length > 0) {
    const types = new Set(filters.deviceTypes);
    server.push(deviceFilter.anyOf('operatingSystem', filters.deviceTypes.flatMap((type) => DEVICE_TYPES[type].operatingSystems)));
    checks.push((device) => {
      const type = deviceTypeOf(device.operatingSystem);
      return type !== undefined && types.has(type);
    });
    properties.add('operatingSystem');
  }
  if (filters.configuration === 'companyOwned') {
    // Ownership has no documented $filter operator: checked here only.
    clientOnly = true;
    checks.push((device) => device.managedDeviceOwnerType === 'company');
    properties.add('managedDeviceOwnerType');
  }
  if (filters.complianceStates.length > 0) {
    const states = new Set<string>(filters.complianceStates);
    server.push(deviceFilter.anyOf('complianceState', filters.complianceStates));
    checks.push((device) => states.has(device.complianceState ?? ''));
    properties.add('complianceState');
  }
  if (filters.enrollmentTypes.length > 0) {
    // Enrollment type has no documented $filter operator: checked here only.
    clientOnly = true;
    const types = new Set<string>(filters.enrollmentTypes);
    checks.push((device) => types.has(device.deviceEnrollmentType ?? ''));
    properties.add('deviceEnrollmentType');
  }
  if (filters.lastCheckInWithinDays !== null) {
    const since = now - filters.lastCheckInWithinDays * DAY_MS;
    server.push(deviceFilter.gt('lastSyncDateTime', new Date(since)));
    checks.push((device) => Date.parse(device.lastSyncDateTime ?? '') > since);
    properties.add('lastSyncDateTime');
  }

  return {
    server: server.length > 0 ? deviceFilter.and(...server) : undefined,
    serverOnly: !clientOnly,
    properties: [...properties],
    matches: (device) => checks.every((check) => check(device)),
  };
}
