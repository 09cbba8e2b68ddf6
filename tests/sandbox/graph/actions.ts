import { noContent, type SandboxResponse } from '../http.ts';
import type { ManagedDevice, ManagementState } from '../fleet/managed-device.ts';
import { DAY, isoSeconds } from '../fleet/time.ts';
import type { GraphContext } from './context.ts';
import { deviceNotFound, findDevice } from './device-routes.ts';
import { badRequest, intuneError, intuneFailureText } from './errors.ts';
import type { GraphState } from './state.ts';

type ParameterType = 'Edm.Boolean' | 'Edm.String';

interface ActionSpec {
  /** Body parameters of the bound action (CSDL). */
  parameters: Readonly<Record<string, ParameterType>>;
  /** managedDevice.operatingSystem values Intune accepts the action for. */
  platforms: readonly string[];
  /** Apple devices must be supervised (ADE) for it. */
  supervisedApple?: boolean;
  /** managementState while the action is pending. */
  pendingState?: ManagementState;
  /** Once done, the device leaves Intune (retire, full wipe). */
  unenrols?: boolean;
}

const ALL = ['Windows', 'macOS', 'iOS', 'iPadOS', 'Android'];

/**
 * The PrivilegedOperations actions the sandbox serves, with the platforms Intune's remote-action
 * docs list for each. An unsupported platform gets Intune's 400 (e.g. remoteLock on Windows,
 * microsoft-graph-docs-contrib #4523).
 */
const DEVICE_ACTIONS: Readonly<Record<string, ActionSpec>> = {
  retire: { parameters: {}, platforms: ALL, pendingState: 'retirePending', unenrols: true },
  wipe: {
    parameters: { keepEnrollmentData: 'Edm.Boolean', keepUserData: 'Edm.Boolean', macOsUnlockCode: 'Edm.String', persistEsimDataPlan: 'Edm.Boolean' },
    platforms: ALL,
    pendingState: 'wipePending',
    unenrols: true,
  },
  remoteLock: { parameters: {}, platforms: ['macOS', 'iOS', 'iPadOS', 'Android'] },
  syncDevice: { parameters: {}, platforms: ALL },
  rebootNow: { parameters: {}, platforms: ['Windows', 'macOS', 'iOS', 'iPadOS', 'Android'], supervisedApple: true },
  shutDown: { parameters: {}, platforms: ['macOS', 'iOS', 'iPadOS'], supervisedApple: true },
  resetPasscode: { parameters: {}, platforms: ['iOS', 'iPadOS', 'Android'] },
};

/** The action name of a path segment: `wipe` or `microsoft.graph.wipe`. */
export function actionName(segment: string): string | undefined {
  const name = segment.replace(/^microsoft\.graph\./, '');
  return Object.hasOwn(DEVICE_ACTIONS, name) ? name : undefined;
}

/** POST /managedDevices/{id}/{action}: queues the action (204) and shows it as pending on the device. */
export function runAction(ctx: GraphContext, name: string): SandboxResponse {
  const spec = DEVICE_ACTIONS[name];
  const device = findDevice(ctx);
  if (!spec || !device) return deviceNotFound(ctx);
  const body = validateBody(ctx, name, spec);
  const apple = device.manufacturer === 'Apple';
  if (!spec.platforms.includes(device.operatingSystem ?? '') || (spec.supervisedApple && apple && !device.isSupervised)) {
    return intuneError(
      400,
      'BadRequest',
      intuneFailureText(`/deviceManagement/managedDevices('${device.id}')/microsoft.management.services.api.${name}`),
      ctx.ids,
    );
  }
  const now = isoSeconds(ctx.world.now());
  const others = device.deviceActionResults.filter((result) => result.actionName !== name);
  device.deviceActionResults = [...others, { actionName: name, actionState: 'pending', startDateTime: now, lastUpdatedDateTime: now }];
  // A wipe that keeps the enrolment data brings the device back under management.
  if (spec.pendingState && !(name === 'wipe' && body.keepEnrollmentData === true)) device.managementState = spec.pendingState;
  return noContent();
}

function validateBody(ctx: GraphContext, name: string, spec: ActionSpec): Record<string, unknown> {
  const { req } = ctx;
  if (req.body.trim() === '') return {};
  const body = req.json;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body is not a valid JSON object.');
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.')) continue;
    const type = spec.parameters[key];
    if (!type) throw badRequest(`The parameter '${key}' in the request payload is not a valid parameter for the operation '${name}'.`);
    const fits = value === null || (type === 'Edm.Boolean' ? typeof value === 'boolean' : typeof value === 'string');
    if (!fits) throw badRequest(`Cannot convert the literal '${JSON.stringify(value)}' to the expected type '${type}'.`);
  }
  return body as Record<string, unknown>;
}

/** A device that has not checked in for this long is offline: its actions stay pending. */
const OFFLINE_AFTER_MS = 7 * DAY;

/**
 * Completes the actions that have been pending for `actionCompletionMs` of world time on devices
 * that still check in: the device syncs, and a retire or wipe removes it from Intune.
 */
export function settleActions(state: GraphState, now: number): void {
  const leaving = new Set<ManagedDevice>();
  for (const device of state.devices) {
    for (const result of device.deviceActionResults) {
      if (result.actionState !== 'pending') continue;
      const started = Date.parse(result.startDateTime);
      const doneAt = started + state.actionCompletionMs;
      if (doneAt > now || started - Date.parse(device.lastSyncDateTime) > OFFLINE_AFTER_MS) continue;
      result.actionState = 'done';
      result.lastUpdatedDateTime = isoSeconds(doneAt);
      device.lastSyncDateTime = isoSeconds(doneAt);
      if (DEVICE_ACTIONS[result.actionName ?? '']?.unenrols && device.managementState !== 'managed') leaving.add(device);
    }
  }
  for (let i = state.devices.length - 1; i >= 0 && leaving.size > 0; i--) {
    if (leaving.has(state.devices[i] as ManagedDevice)) state.devices.splice(i, 1);
  }
}
