import { isDeviceFieldKey, type DeviceFieldKey } from './device-fields';
import { InvalidRequestError } from './request-error';

/**
 * The `$select` value for the device fields a caller needs: catalog keys only (a typo would make
 * Graph answer 400), `id` always first, each field once.
 */
export function selectDeviceFields(keys: readonly DeviceFieldKey[]): string {
  for (const key of keys) {
    if (!isDeviceFieldKey(key)) throw new InvalidRequestError(`"${key}" is not a managedDevice property and cannot be selected.`);
  }
  return [...new Set<string>(['id', ...keys])].join(',');
}
