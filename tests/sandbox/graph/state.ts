import type { Fleet } from '../fleet/generate.ts';
import type { ManagedDevice } from '../fleet/managed-device.ts';
import { type DetectedApp, makeDetectedApps, makeMobileApps, type MobileApp } from './catalogs.ts';
import { createThrottleState, type ThrottleState } from './throttle.ts';

/** One write the Graph imitation was asked for (actions, DELETE, PATCH), accepted or not. */
export interface DeviceRequestRecord {
  /** World time (epoch ms). */
  at: number;
  /** 'retire', 'wipe', 'remoteLock', 'syncDevice', …, 'delete' or 'update'. */
  action: string;
  deviceId: string;
  /** The parsed JSON body, undefined when there was none. */
  body: unknown;
  status: number;
  userPrincipalName: string;
  appId: string;
}

export interface GraphState {
  /** The tenant's managed devices, in the order Graph pages them; tests may change them directly. */
  devices: ManagedDevice[];
  detectedApps: DetectedApp[];
  mobileApps: MobileApp[];
  /**
   * The device writes the imitation handled, for tests to assert on: those past its sign-in,
   * permission and throttling checks, whatever the device's answer. Only what the imitation itself
   * handled: a request a fault answered, dropped or refused earlier is in `sandbox.requests` only.
   */
  requests: DeviceRequestRecord[];
  throttling: ThrottleState;
  /**
   * Devices per page of a listing, at most Intune's 1000. Graph may answer shorter pages than asked
   * ("A page of results may contain zero or more results"): tests set it low to page more often.
   */
  pageSize: number;
  /**
   * World time after which a queued action completes on a device that still checks in. Devices
   * that stopped checking in keep their actions pending, as real ones do.
   */
  actionCompletionMs: number;
}

export function createGraphState(fleet: Fleet): GraphState {
  // The fleet's device objects become Graph's live records (copying 100 000 would cost seconds);
  // the fleet's own list keeps every device even after Graph deletes one.
  const devices = [...fleet.devices];
  return {
    devices,
    detectedApps: makeDetectedApps(devices),
    mobileApps: makeMobileApps(),
    requests: [],
    throttling: createThrottleState(),
    pageSize: 1000,
    actionCompletionMs: 15 * 60_000,
  };
}
