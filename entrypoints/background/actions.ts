import { browser } from '#imports';
import { z } from 'zod';
import { auditLog } from '../../lib/actions/audit';
import { createConfirmationTokens } from '../../lib/actions/confirmation-tokens';
import { confirmationRequests } from '../../lib/actions/confirmations';
import { serialQueue } from '../../lib/serial-queue';
import { createActionService } from '../../lib/actions/service';
import type { AssetPandaConnection } from '../../lib/assetpanda/connection';
import type { IntuneService } from '../../lib/auth/service';
import { sessionStore } from '../../lib/browser/session-storage';
import type { Database } from '../../lib/db/open';
import type { MappingStore } from '../../lib/mapping/store';
import { recordCache } from '../../lib/panel/record-cache';
import { createPanelService } from '../../lib/panel/service';

/** The extension page where every device action is confirmed and run (entrypoints/confirm-action). */
export const CONFIRMATION_PAGE = '/confirm-action.html';

const now = () => Date.now();
const newId = () => crypto.randomUUID();

/** The record panel's and the device actions' services, wired to the browser. */
export function startPanelAndActions(deps: { database: Promise<Database>; intune: IntuneService; assetPanda: AssetPandaConnection; mappings: MappingStore }) {
  const audit = auditLog(deps.database);
  const panel = createPanelService({ ...deps, mappings: () => deps.mappings.list(), audit, cache: recordCache(deps.database, now), now });
  const actions = createActionService({
    panel,
    intune: deps.intune,
    assetPanda: deps.assetPanda,
    mappings: deps.mappings,
    audit,
    confirmations: confirmationRequests({ store: sessionStore, now, newId }),
    tokens: createConfirmationTokens({ store: sessionStore, now }),
    now,
    newId,
  });
  followPanelWindows();
  return { panel, actions, audit };
}

/** Tells the record panel in `tabId` to read its device again (an action was just sent, or the admin signed in). */
export function refreshPanel(tabId: number | null): void {
  if (tabId !== null) browser.tabs.sendMessage(tabId, { type: 'intune-companion:refresh-panel' }).catch(() => undefined);
}

/** The popup, opened as a window for the panel's Sign in: the admin signs in there, on the extension's origin. */
const SIGN_IN_PAGE = '/popup.html';

/**
 * storage.session key of the window a tab's panel opened, with what it is for (kept across
 * service-worker restarts): closing the sign-in window is when the panel reads its record again.
 */
const WINDOW_OF_TAB = 'panel-window:';
const PanelWindowSchema = z.object({ windowId: z.number().int(), kind: z.enum(['sign-in', 'confirmation']) });
type PanelWindow = z.infer<typeof PanelWindowSchema>;

// Window operations run one at a time: a tab's new window replaces its earlier one, never races it.
const serially = serialQueue();

/**
 * Opens an extension page in its own small window for a tab's panel: a confirmation, or the popup to
 * sign in. A tab has one such window at a time: a new one replaces (closes) the one it opened before.
 */
function openPanelWindow(tabId: number | undefined, kind: PanelWindow['kind'], path: typeof SIGN_IN_PAGE | `${typeof CONFIRMATION_PAGE}#${string}`, size: { width: number; height: number }): Promise<void> {
  return serially(async () => {
    const key = `${WINDOW_OF_TAB}${tabId ?? 'none'}`;
    const previous = PanelWindowSchema.safeParse(await sessionStore.get(key)).data;
    await sessionStore.remove(key);
    if (previous !== undefined) await browser.windows.remove(previous.windowId).catch(() => undefined);
    const opened = await browser.windows.create({ url: browser.runtime.getURL(path), type: 'popup', focused: true, ...size });
    if (opened?.id !== undefined) await sessionStore.set(key, { windowId: opened.id, kind } satisfies PanelWindow);
  });
}

/** Opens the confirmation of a request as its own window: extension origin, out of the Asset Panda page's reach. */
export const openConfirmationWindow = (tabId: number | undefined, requestId: string) =>
  openPanelWindow(tabId, 'confirmation', `${CONFIRMATION_PAGE}#${encodeURIComponent(requestId)}`, { width: 520, height: 720 });

/** Opens the popup as a window for a tab's panel, to sign in there. */
export const openSignInWindow = (tabId: number | undefined) => openPanelWindow(tabId, 'sign-in', SIGN_IN_PAGE, { width: 420, height: 480 });

/** Opens a tab of the options page (in the same queue, so the opening order is the asking order). */
export const openOptionsTab = (hash: string) => serially(async () => void (await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) })));

/**
 * When the admin closes the sign-in window a panel opened, that panel reads its record again. A
 * confirmation window needs no more: a run already told the panel (runDeviceAction), and a
 * confirmation closed without a run changed nothing.
 */
function followPanelWindows(): void {
  browser.windows.onRemoved.addListener((windowId) => {
    void (async () => {
      for (const [key, value] of await sessionStore.entries(WINDOW_OF_TAB)) {
        const closed = PanelWindowSchema.safeParse(value).data;
        if (closed?.windowId !== windowId) continue;
        await sessionStore.remove(key);
        const tabId = Number(key.slice(WINDOW_OF_TAB.length));
        if (closed.kind === 'sign-in' && Number.isInteger(tabId)) refreshPanel(tabId);
      }
    })();
  });
}
