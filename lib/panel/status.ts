import { z } from 'zod';
import { ACTION_NAMES } from '../actions/catalog';

// What the record panel may be told about a record. Only data the admin may see on screen: never a
// token, key or secret. The content script imports these types only; zod checks them in the background.

/** A text the page may be shown, bounded. */
export const Text = z.string().max(2000);

export const ActivitySchema = z.object({ action: Text, state: Text, label: Text, startedAt: Text, updatedAt: Text });

/** One thing the panel shows of a device, under the name Asset Panda's guide gives its Intune field. */
export const DeviceFactSchema = z.object({
  label: Text,
  /** '—' when Intune holds nothing. */
  text: Text,
  /** For a date: the ISO time, which the panel shows relative to now (the exact time on hover). */
  at: Text.nullable(),
});

export const DeviceSummarySchema = z.object({
  id: Text,
  name: Text,
  facts: z.array(DeviceFactSchema).max(20),
  /** Whether a retire or wipe is pending (the panel keeps reading the device while one is). */
  managementState: z.object({ code: Text }),
  activity: z.array(ActivitySchema).max(50),
  openInIntuneUrl: z.url({ protocol: /^https$/ }),
});

export const ActionAvailabilitySchema = z.discriminatedUnion('available', [
  z.object({ action: z.enum(ACTION_NAMES), label: Text, available: z.literal(true) }),
  z.object({ action: z.enum(ACTION_NAMES), label: Text, available: z.literal(false), reason: Text }),
]);

const RecordHeading = { recordTitle: Text, collectionName: Text };

/** A device several records point at, or a record matching several devices: what the picker lists. */
export const DeviceChoiceSchema = z.object({
  id: Text,
  name: Text,
  serialNumber: Text.nullable(),
  operatingSystem: Text.nullable(),
  primaryUser: Text.nullable(),
  lastCheckIn: Text.nullable(),
});

export const PanelStatusSchema = z.discriminatedUnion('state', [
  /** Intune has not been connected on the options page. */
  z.object({ state: z.literal('not-connected') }),
  z.object({ state: z.literal('signed-out'), account: Text, problem: Text.optional() }),
  z.object({ state: z.literal('assetpanda-not-connected') }),
  /** Classic records have no Pro collection, so no mapping can link them to Intune. */
  z.object({ state: z.literal('classic') }),
  z.object({ state: z.literal('no-mapping'), collectionName: Text }),
  z.object({ state: z.literal('record-not-found'), recordId: Text, collectionName: Text }),
  z.object({ state: z.literal('no-device'), ...RecordHeading, tried: z.array(z.object({ label: Text, value: Text })).max(10) }),
  z.object({ state: z.literal('several-devices'), ...RecordHeading, matchedBy: Text, devices: z.array(DeviceChoiceSchema).max(20) }),
  z.object({ state: z.literal('unreachable'), service: z.enum(['intune', 'assetpanda']), message: Text }),
  /** Intune deleted the device, Asset Panda did not delete the record: the admin can finish it. */
  z.object({ state: z.literal('delete-unfinished'), ...RecordHeading, deviceName: Text, message: Text }),
  z.object({
    state: z.literal('device'),
    ...RecordHeading,
    device: DeviceSummarySchema,
    actions: z.array(ActionAvailabilitySchema),
    /** How many mapped fields "Sync this record" would change now. */
    pendingChanges: z.number().int().min(0),
    /** Epoch ms of the Intune read shown. */
    readAt: z.number(),
    /** Set when this is the cached copy, shown while the live one loads. */
    cached: z.boolean(),
  }),
]);
export type PanelStatus = z.infer<typeof PanelStatusSchema>;
export type DeviceSummary = z.infer<typeof DeviceSummarySchema>;
export type DeviceFact = z.infer<typeof DeviceFactSchema>;
export type DeviceActivity = z.infer<typeof ActivitySchema>;
export type DevicePanelStatus = Extract<PanelStatus, { state: 'device' }>;
