import { describe, expect, it } from 'vitest';
import type { ManagedDevice } from '../graph/device-schema';
import { deviceQuery } from './device-query';
import { FiltersSchema } from './schema';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const device = (overrides: Partial<ManagedDevice>): ManagedDevice => ({
  id: 'd',
  operatingSystem: 'Windows',
  managedDeviceOwnerType: 'company',
  complianceState: 'compliant',
  deviceEnrollmentType: 'windowsAzureADJoin',
  lastSyncDateTime: '2026-11-29T12:00:00Z',
  ...overrides,
});

describe("a mapping's device filters", () => {
  it('selects every managed device when no filter is set', () => {
    const query = deviceQuery(FiltersSchema.parse({}), NOW);
    expect(query.server).toBeUndefined();
    expect(query.serverOnly).toBe(true);
    expect(query.matches(device({ managedDeviceOwnerType: 'personal' }))).toBe(true);
  });

  it('sends Graph the documented filters and checks every filter itself', () => {
    const query = deviceQuery(
      FiltersSchema.parse({ deviceTypes: ['iOS', 'windows'], complianceStates: ['noncompliant'], lastCheckInWithinDays: 7, configuration: 'companyOwned' }),
      NOW,
    );
    expect(query.server?.expression).toBe(
      "(operatingSystem eq 'iOS' or operatingSystem eq 'iPadOS' or operatingSystem eq 'Windows') and complianceState eq 'noncompliant' and lastSyncDateTime gt 2026-11-23T12:00:00.000Z",
    );
    expect(query.matches(device({ operatingSystem: 'iPadOS', complianceState: 'noncompliant' }))).toBe(true);
    // What Graph might have let through anyway is still refused.
    expect(query.matches(device({ operatingSystem: 'macOS', complianceState: 'noncompliant' }))).toBe(false);
    expect(query.matches(device({ complianceState: 'compliant' }))).toBe(false);
    expect(query.matches(device({ complianceState: 'noncompliant', managedDeviceOwnerType: 'personal' }))).toBe(false);
    expect(query.matches(device({ complianceState: 'noncompliant', lastSyncDateTime: '2026-11-01T00:00:00Z' }))).toBe(false);
  });

  it('checks ownership and enrollment type on the client, as Graph documents no operator for them', () => {
    const query = deviceQuery(FiltersSchema.parse({ configuration: 'companyOwned', enrollmentTypes: ['appleBulkWithUser'] }), NOW);
    expect(query.server).toBeUndefined();
    expect(query.serverOnly).toBe(false);
    expect(query.properties.toSorted()).toEqual(['deviceEnrollmentType', 'managedDeviceOwnerType']);
    expect(query.matches(device({ deviceEnrollmentType: 'appleBulkWithUser' }))).toBe(true);
    expect(query.matches(device({ deviceEnrollmentType: 'appleBulkWithUser', managedDeviceOwnerType: 'unknown' }))).toBe(false);
  });

  it('matches a Device Type whatever the spelling of the operating system', () => {
    const query = deviceQuery(FiltersSchema.parse({ deviceTypes: ['chromeOS'] }), NOW);
    expect(query.matches(device({ operatingSystem: 'Chrome OS' }))).toBe(true);
    expect(query.matches(device({ operatingSystem: null }))).toBe(false);
  });
});
