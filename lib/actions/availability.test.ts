import { describe, expect, it } from 'vitest';
import { availability, availableActions } from './availability';
import { unsupportedWipeOptions, wipeChoices } from './wipe-choices';

const ALL_SCOPES = ['DeviceManagementManagedDevices.ReadWrite.All', 'DeviceManagementManagedDevices.PrivilegedOperations.All'];
const device = (operatingSystem: string | null, managementState = 'managed') => ({ operatingSystem, managementState });
const offered = (operatingSystem: string | null, scopes = ALL_SCOPES) =>
  availableActions(device(operatingSystem), scopes)
    .filter((a) => a.available)
    .map((a) => a.action);

describe('action availability', () => {
  it('offers every action Intune supports on the platform', () => {
    expect(offered('Windows')).toEqual(['retire', 'wipe', 'delete', 'syncDevice']);
    for (const os of ['macOS', 'iOS', 'iPadOS', 'Android', 'AndroidEnterprise']) {
      expect(offered(os), os).toEqual(['retire', 'wipe', 'delete', 'remoteLock', 'syncDevice']);
    }
  });

  it('says why Remote lock is missing on Windows', () => {
    const lock = availability('remoteLock', device('Windows'), ALL_SCOPES);
    expect(lock).toMatchObject({ available: false, reason: 'Intune does not offer Remote lock for Windows devices (only macOS, iOS/iPadOS, Android).' });
  });

  it('offers only Delete on platforms Intune has no remote actions for', () => {
    expect(offered('Linux')).toEqual(['delete']);
    expect(offered(null)).toEqual(['delete']);
    expect(availability('wipe', device(''), ALL_SCOPES)).toMatchObject({ reason: expect.stringContaining('an unknown platform') });
  });

  it('needs PrivilegedOperations for retire, wipe, lock and sync, and ReadWrite for delete', () => {
    expect(offered('iOS', ['DeviceManagementManagedDevices.ReadWrite.All'])).toEqual(['delete']);
    expect(offered('iOS', ['https://graph.microsoft.com/DeviceManagementManagedDevices.PrivilegedOperations.All'])).toEqual([
      'retire',
      'wipe',
      'remoteLock',
      'syncDevice',
    ]);
    expect(offered('iOS', [])).toEqual([]);
    const retire = availability('retire', device('iOS'), ['DeviceManagementManagedDevices.ReadWrite.All']);
    expect(retire).toMatchObject({ available: false, reason: expect.stringContaining('DeviceManagementManagedDevices.PrivilegedOperations.All') });
  });

  it('does not offer a retire or wipe that is already pending', () => {
    expect(availability('retire', device('Windows', 'retirePending'), ALL_SCOPES)).toMatchObject({ available: false, reason: expect.stringContaining('already pending') });
    expect(availability('wipe', device('Windows', 'wipePending'), ALL_SCOPES)).toMatchObject({ available: false });
    expect(availability('retire', device('Windows', 'wipePending'), ALL_SCOPES)).toMatchObject({ available: true });
  });
});

describe('wipe options', () => {
  it('offers each option on its platform only', () => {
    expect(wipeChoices('Windows').map((c) => c.key)).toEqual(['keepEnrollmentData', 'keepUserData']);
    expect(wipeChoices('macOS').map((c) => c.key)).toEqual(['macOsUnlockCode']);
    expect(wipeChoices('iPadOS').map((c) => c.key)).toEqual(['persistEsimDataPlan']);
    expect(wipeChoices('Android')).toEqual([]);
  });

  it('names the options a platform does not take', () => {
    expect(unsupportedWipeOptions('Android', { keepUserData: true })).toEqual(['keepUserData']);
    expect(unsupportedWipeOptions('macOS', { macOsUnlockCode: '123456', keepUserData: undefined })).toEqual([]);
  });
});
