import { describe, expect, it } from 'vitest';
import { DEVICE_FIELD_CATALOG } from './device-fields';
import { ManagedDeviceSchema } from './device-schema';

/** A device with every v1.0 property, shaped like the Graph docs' GET sample. */
const device = {
  '@odata.type': '#microsoft.graph.managedDevice',
  id: '705c034c-034c-705c-4c03-5c704c035c70',
  userId: '0b6f3c2e-1d4a-4b5c-8e9f-a0b1c2d3e4f5',
  deviceName: 'LAPTOP-042',
  managedDeviceOwnerType: 'company',
  deviceActionResults: [
    { actionName: 'retire', actionState: 'pending', startDateTime: '2016-12-31T23:58:46.7156189-08:00', lastUpdatedDateTime: '2017-01-01T00:00:56.8321556-08:00' },
  ],
  enrolledDateTime: '2016-12-31T23:59:43.797191-08:00',
  lastSyncDateTime: '2017-01-01T00:02:49.3205976-08:00',
  operatingSystem: 'Windows',
  complianceState: 'compliant',
  jailBroken: 'False',
  managementAgent: 'mdm',
  osVersion: '10.0.22631.3447',
  easActivated: true,
  easDeviceId: 'EAS1',
  easActivationDateTime: '0001-01-01T00:00:00Z',
  azureADRegistered: true,
  deviceEnrollmentType: 'windowsAzureADJoin',
  activationLockBypassCode: null,
  emailAddress: 'megan.bowen@contoso.com',
  azureADDeviceId: 'a1b2',
  deviceRegistrationState: 'registered',
  deviceCategoryDisplayName: 'Laptops',
  isSupervised: false,
  exchangeLastSuccessfulSyncDateTime: '0001-01-01T00:00:00Z',
  exchangeAccessState: 'none',
  exchangeAccessStateReason: 'none',
  remoteAssistanceSessionUrl: null,
  remoteAssistanceSessionErrorDetails: null,
  isEncrypted: true,
  userPrincipalName: 'megan.bowen@contoso.com',
  model: 'Latitude 7440',
  manufacturer: 'Dell Inc.',
  imei: null,
  complianceGracePeriodExpirationDateTime: '9999-12-31T23:59:59.9999999Z',
  serialNumber: 'C02X1234',
  phoneNumber: null,
  androidSecurityPatchLevel: null,
  userDisplayName: 'Megan Bowen',
  configurationManagerClientEnabledFeatures: null,
  wiFiMacAddress: '00155D012345',
  deviceHealthAttestationState: null,
  subscriberCarrier: null,
  meid: null,
  totalStorageSpaceInBytes: 511_000_000_000,
  freeStorageSpaceInBytes: 200_000_000_000,
  managedDeviceName: 'megan_Windows_4/1/2024_8:00 AM',
  partnerReportedThreatState: 'unknown',
  requireUserEnrollmentApproval: null,
  managementCertificateExpirationDate: '2025-04-01T08:00:00Z',
  iccid: null,
  udid: null,
  notes: null,
  ethernetMacAddress: null,
  physicalMemoryInBytes: 0,
  enrollmentProfileName: null,
  managementState: 'managed',
};

describe('managedDevice schema', () => {
  it('reads a device with every v1.0 property', () => {
    const parsed = ManagedDeviceSchema.parse(device);
    expect(parsed.serialNumber).toBe('C02X1234');
    expect(parsed.deviceActionResults?.[0]?.actionState).toBe('pending');
    expect(Object.keys(parsed).toSorted()).toEqual(DEVICE_FIELD_CATALOG.map((field) => field.key).toSorted());
  });

  it('keeps an enum value Microsoft adds later instead of failing', () => {
    const parsed = ManagedDeviceSchema.parse({ ...device, complianceState: 'quantumCompliant', managementAgent: 'someFutureAgent' });
    expect(parsed.complianceState).toBe('quantumCompliant');
    expect(parsed.managementAgent).toBe('someFutureAgent');
  });

  it('drops properties it does not know (beta, annotations)', () => {
    const parsed = ManagedDeviceSchema.parse({ ...device, chassisType: 'laptop' });
    expect(parsed).not.toHaveProperty('chassisType');
    expect(parsed).not.toHaveProperty('@odata.type');
  });

  it('accepts a $select answer and the nulls list calls give for non-default properties', () => {
    expect(ManagedDeviceSchema.parse({ id: 'x', serialNumber: null, physicalMemoryInBytes: null, ethernetMacAddress: null })).toEqual({
      id: 'x',
      serialNumber: null,
      physicalMemoryInBytes: null,
      ethernetMacAddress: null,
    });
  });

  it('rejects values of the wrong type', () => {
    expect(ManagedDeviceSchema.safeParse({ ...device, isEncrypted: 'yes' }).success).toBe(false);
    expect(ManagedDeviceSchema.safeParse({ ...device, lastSyncDateTime: 'yesterday' }).success).toBe(false);
    expect(ManagedDeviceSchema.safeParse({ ...device, complianceState: null }).success).toBe(false);
    expect(ManagedDeviceSchema.safeParse({ ...device, id: undefined }).success).toBe(false);
  });
});

describe('device field catalog', () => {
  it('marks exactly the properties list calls return empty', () => {
    expect(DEVICE_FIELD_CATALOG.filter((field) => field.nonDefault).map((field) => field.key)).toEqual([
      'activationLockBypassCode',
      'ethernetMacAddress',
      'iccid',
      'notes',
      'physicalMemoryInBytes',
      'remoteAssistanceSessionUrl',
      'udid',
    ]);
  });

  it('gives each entry a unique key and the Graph name it stands for', () => {
    expect(new Set(DEVICE_FIELD_CATALOG.map((field) => field.key)).size).toBe(DEVICE_FIELD_CATALOG.length);
    const serial = DEVICE_FIELD_CATALOG.find((field) => field.key === 'serialNumber');
    expect(serial).toMatchObject({ graphName: 'serialNumber', label: 'Serial Number', type: 'string', nullable: true, filterOperators: ['eq', 'or'] });
    const compliance = DEVICE_FIELD_CATALOG.find((field) => field.key === 'complianceState');
    expect(compliance?.enumMembers).toContain('inGracePeriod');
    expect(compliance?.nullable).toBe(false);
  });
});
