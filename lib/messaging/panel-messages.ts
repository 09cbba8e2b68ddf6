import { z } from 'zod';
import { ACTION_NAMES } from '../actions/catalog';
import { ProRecordRefSchema, RecordRefSchema } from '../assetpanda/record-ref';
import { PanelStatusSchema } from '../panel/status';
import { message } from './message';

const DeviceIdSchema = z.string().min(1).max(100);
const Nothing = z.object({});

/**
 * Messages of the record panel (the content script on Asset Panda pages). They read, and they may
 * ask the background to OPEN an extension page (a confirmation, the popup, the options); no message a
 * content script may send runs a device action (see action-messages.ts) or signs in. From a content
 * script, the background takes the record only when it is the one the page's URL (as the browser
 * reports it) shows, and each tab has a budget of questions (entrypoints/background/panel-senders.ts).
 */
export const panelMessages = {
  /** Which record an unknown page route shows: the id-like parts of the sender's URL, confirmed with the Asset Panda API. */
  locateRecord: message({ from: ['page', 'content'], request: Nothing, response: z.object({ record: ProRecordRefSchema.nullable() }) }),
  /** `cache`: the last status shown for the record, at once (null when there is none); `live`: read now. */
  getPanelStatus: message({
    from: ['page', 'content'],
    request: z.object({ record: RecordRefSchema, source: z.enum(['cache', 'live']).default('live') }),
    response: PanelStatusSchema.nullable(),
  }),
  /** The admin's pick when the record matches several devices. */
  chooseDevice: message({ from: ['page', 'content'], request: z.object({ record: ProRecordRefSchema, deviceId: DeviceIdSchema }), response: PanelStatusSchema }),
  /** "Sync this record": the device's values into the record through the mapping (not a device action). */
  syncRecordFromIntune: message({
    from: ['page', 'content'],
    request: z.object({ record: ProRecordRefSchema, deviceId: DeviceIdSchema }),
    response: z.object({ changed: z.array(z.string()), status: PanelStatusSchema }),
  }),
  /** Opens the extension's confirmation window for the action; the action itself runs only from there. */
  requestDeviceAction: message({
    from: ['page', 'content'],
    request: z.object({ record: ProRecordRefSchema, deviceId: DeviceIdSchema, action: z.enum(ACTION_NAMES) }),
    response: Nothing,
  }),
  /** Opens the confirmation that finishes a delete whose Asset Panda part failed. */
  requestFinishDelete: message({ from: ['page', 'content'], request: z.object({ record: ProRecordRefSchema }), response: Nothing }),
  /**
   * The panel's "Sign in" when the Intune session has ended: opens the extension's popup in a window,
   * where the admin presses Sign in. A page can open it, never sign in through it.
   */
  openSignIn: message({ from: ['page', 'content'], request: z.object({ record: RecordRefSchema }), response: Nothing }),
  /** Opens the options page where the panel's state is fixed: the connections, or the mapping of the record's collection. */
  openOptionsFromPanel: message({
    from: ['page', 'content'],
    request: z.object({ record: RecordRefSchema, part: z.enum(['connections', 'mapping']) }),
    response: Nothing,
  }),
};
