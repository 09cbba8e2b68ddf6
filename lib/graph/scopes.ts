/**
 * The delegated permissions each call needs (any one of a list), from Microsoft's permission tables
 * for each endpoint (reference intune-graph.md §2, §3.3).
 */
export const REQUIRED_SCOPES = {
  devicesRead: ['DeviceManagementManagedDevices.Read.All', 'DeviceManagementManagedDevices.ReadWrite.All'],
  devicesDelete: ['DeviceManagementManagedDevices.ReadWrite.All'],
  /** retire, wipe, remoteLock, syncDevice. */
  devicesPrivileged: ['DeviceManagementManagedDevices.PrivilegedOperations.All'],
  appsRead: ['DeviceManagementApps.Read.All', 'DeviceManagementApps.ReadWrite.All'],
  me: ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  users: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  groups: ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Whether the granted scopes include one of `required`. Token responses may name Graph scopes with
 * the resource prefix ("https://graph.microsoft.com/User.Read"); scope names are case-insensitive.
 */
export function grantsAny(granted: readonly string[], required: readonly string[]): boolean {
  const normalized = new Set(granted.map((scope) => scope.slice(scope.lastIndexOf('/') + 1).toLowerCase()));
  return required.some((scope) => normalized.has(scope.toLowerCase()));
}
