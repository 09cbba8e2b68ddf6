import { describe, expect, it } from 'vitest';
import { deviceFilter } from './filter';
import { InvalidRequestError } from './request-error';
import { selectDeviceFields } from './select';

describe('device $filter builder', () => {
  it('quotes strings and doubles single quotes', () => {
    expect(deviceFilter.eq('serialNumber', "C02'X1").expression).toBe("serialNumber eq 'C02''X1'");
    expect(deviceFilter.contains('deviceName', "Bob's Mac").expression).toBe("contains(deviceName,'Bob''s Mac')");
    expect(deviceFilter.ne('userPrincipalName', 'megan@contoso.com').expression).toBe("userPrincipalName ne 'megan@contoso.com'");
  });

  it('writes enum members quoted and dates as unquoted UTC timestamps', () => {
    expect(deviceFilter.eq('complianceState', 'noncompliant').expression).toBe("complianceState eq 'noncompliant'");
    expect(deviceFilter.gt('lastSyncDateTime', new Date('2024-05-01T08:00:00Z')).expression).toBe(
      'lastSyncDateTime gt 2024-05-01T08:00:00.000Z',
    );
  });

  it('or-s several values of a property documented with eq and or', () => {
    const filter = deviceFilter.anyOf('complianceState', ['compliant', 'inGracePeriod']);
    expect(filter.expression).toBe("(complianceState eq 'compliant' or complianceState eq 'inGracePeriod')");
    expect(deviceFilter.anyOf('manufacturer', ['Dell']).expression).toBe("manufacturer eq 'Dell'");
  });

  it('combines filters with and, remembering the fields they test', () => {
    const filter = deviceFilter.and(
      deviceFilter.anyOf('operatingSystem', ['Windows', 'macOS']),
      deviceFilter.lt('enrolledDateTime', new Date('2025-01-01T00:00:00Z')),
    );
    expect(filter.expression).toBe(
      "(operatingSystem eq 'Windows' or operatingSystem eq 'macOS') and enrolledDateTime lt 2025-01-01T00:00:00.000Z",
    );
    expect(filter.fields).toEqual(['operatingSystem', 'enrolledDateTime']);
  });

  it('refuses an operator Microsoft does not document for the property, before anything is sent', () => {
    // @ts-expect-error serialNumber supports eq/or only
    expect(() => deviceFilter.ne('serialNumber', 'X')).toThrow(/"ne" on serialNumber: Microsoft documents only eq, or/);
    // @ts-expect-error osVersion supports contains only
    expect(() => deviceFilter.eq('osVersion', '17.4')).toThrow(InvalidRequestError);
    // @ts-expect-error wiFiMacAddress has no documented filter
    expect(() => deviceFilter.eq('wiFiMacAddress', 'aa')).toThrow(/no \$filter at all/);
    // @ts-expect-error deviceName supports eq and contains, not or
    expect(() => deviceFilter.anyOf('deviceName', ['a', 'b'])).toThrow(InvalidRequestError);
    // @ts-expect-error not a managedDevice property
    expect(() => deviceFilter.eq('skuFamily', 'x')).toThrow(/not a managedDevice property/);
  });

  it('refuses values of the wrong type or that cannot be an enum member', () => {
    // @ts-expect-error dates are Date objects
    expect(() => deviceFilter.gt('lastSyncDateTime', '2024-01-01')).toThrow(/needs a valid Date/);
    expect(() => deviceFilter.gt('lastSyncDateTime', new Date('not a date'))).toThrow(/needs a valid Date/);
    expect(() => deviceFilter.eq('complianceState', "compliant' or 1 eq 1")).toThrow(/enum member name/);
    expect(() => deviceFilter.anyOf('imei', [])).toThrow(/at least one value/);
  });

  it('keeps a future enum member that looks like one', () => {
    expect(deviceFilter.eq('managementAgent', 'someNewAgent').expression).toBe("managementAgent eq 'someNewAgent'");
  });
});

describe('device $select', () => {
  it('always includes id, once, first', () => {
    expect(selectDeviceFields(['serialNumber', 'id', 'deviceName', 'serialNumber'])).toBe('id,serialNumber,deviceName');
  });

  it('refuses a property that is not in the catalog', () => {
    // @ts-expect-error not a managedDevice property
    expect(() => selectDeviceFields(['serialNumber', 'chassisType'])).toThrow(InvalidRequestError);
  });
});
