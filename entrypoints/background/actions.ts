import { browser } from '#imports';
import { auditLog } from '../../lib/actions/audit';
import { createConfirmationTokens } from '../../lib/actions/confirmation-tokens';
import { confirmationRequests } from '../../lib/actions/confirmations';
import type { EphemeralStore } from '../../lib/actions/ephemeral-store';
import { createActionService } from '../../lib/actions/service';
import type { AssetPandaConnection } from '../../lib/assetpanda/connection';
import type { IntuneService } from '../../lib/auth/service';
import type { Database } from '../../lib/db/open';
import type { MappingStore } from '../../lib/mapping/store';
import { recordCache } from '../../lib/panel/record-cache';
import { createPanelService } from '../../lib/panel/service';

/** The extension page where every device action is confirmed and run (entrypoints/confirm-action). */
export const CONFIRMATION_PAGE = '/confirm-action.html';

/** storage.session: survives the service worker sleeping, never reaches disk, unreadable by content scripts. */
const sessionStore: EphemeralStore = {
  get: async (key) => (await browser.storage.session.get(key))[key],
  set: (key, value) => browser.storage.session.set({ [key]: value }),
  remove: (key) => browser.storage.session.remove(key),
};

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
  return { panel, actions, audit };
}

/** Opens the confirmation as its own small window: extension origin, out of the Asset Panda page's reach. */
export async function openConfirmationWindow(requestId: string): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL(`${CONFIRMATION_PAGE}#${encodeURIComponent(requestId)}`), type: 'popup', width: 520, height: 720, focused: true });
}

/** Tells the record panel in `tabId` to read its device again (an action was just sent). */
export function refreshPanel(tabId: number | null): void {
  if (tabId !== null) browser.tabs.sendMessage(tabId, { type: 'intune-companion:refresh-panel' }).catch(() => undefined);
}
