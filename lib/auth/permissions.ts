/**
 * The Microsoft Graph permissions Asset Panda's guide asks for, granted here as DELEGATED
 * permissions: every call runs as the signed-in admin, within their Intune role.
 */
export const REQUIRED_PERMISSIONS = [
  {
    scope: 'DeviceManagementManagedDevices.ReadWrite.All',
    purpose: 'Read managed devices for sync and the record panel, and Delete devices from Intune.',
    probe: 'devices',
  },
  {
    scope: 'DeviceManagementManagedDevices.PrivilegedOperations.All',
    purpose: 'Retire, Wipe and Remote lock devices.',
    probe: undefined,
  },
  { scope: 'User.Read.All', purpose: "Read devices' primary users.", probe: 'users' },
  { scope: 'Group.Read.All', purpose: 'Read Entra groups.', probe: 'groups' },
  { scope: 'DeviceManagementApps.Read.All', purpose: 'Read the Intune app catalog.', probe: 'mobileApps' },
] as const;

export type RequiredScope = (typeof REQUIRED_PERMISSIONS)[number]['scope'];
export type Probe = NonNullable<(typeof REQUIRED_PERMISSIONS)[number]['probe']>;

/** Sign-in asks for the permissions configured on the app registration, plus a refresh token. */
export function signInScope(graphHost: string): string {
  return `https://${graphHost}/.default openid profile offline_access`;
}
