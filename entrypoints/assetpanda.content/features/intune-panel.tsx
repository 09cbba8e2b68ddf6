import { browser, createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { render } from 'preact';
import { IntunePanel } from '../../../components/IntunePanel';
import type { RefreshSource } from '../../../components/panel/usePanelStatus';
import { recordCandidates } from '../../../lib/assetpanda/page-candidates';
import { recordOnPage } from '../../../lib/assetpanda/record-page';
import type { RecordRef } from '../../../lib/assetpanda/record-ref';
import { callBackground } from '../background-client';
import type { PageFeature } from '../feature-manager';

const HOST_TAG = 'intune-companion-panel';
const REFRESH_MESSAGE = 'intune-companion:refresh-panel';

/**
 * The record on the page: at once for the routes we know (Classic, and the Pro route we assume);
 * otherwise the background confirms one of the id-like parts of the page's URL (which it reads from
 * the browser, not from us) with the Asset Panda API: a record of a mapped collection. Nothing shows
 * until a record is confirmed.
 */
async function recordFor(url: URL): Promise<RecordRef | undefined> {
  const known = recordOnPage(url);
  if (known) return known;
  if (recordCandidates(url).length === 0) return undefined;
  const { record } = await callBackground('locateRecord', {}).catch(() => ({ record: null }));
  return record ?? undefined;
}

/** The background asks the panel to read its record again after an action was sent from the confirmation window. */
function backgroundRefreshes(ctx: ContentScriptContext, signal: AbortSignal): RefreshSource {
  return (listener) => {
    const onMessage = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === REFRESH_MESSAGE) listener();
    };
    browser.runtime.onMessage.addListener(onMessage);
    const stop = () => browser.runtime.onMessage.removeListener(onMessage);
    signal.addEventListener('abort', stop, { once: true });
    ctx.onInvalidated(stop);
    return stop;
  };
}

/** The Intune panel on an Asset Panda record page: the device's live Intune status and actions. */
export const intunePanel: PageFeature = {
  id: 'intune-panel',
  include: (url) => recordOnPage(url) !== undefined || recordCandidates(url).length > 0,
  async init(ctx, signal, url) {
    const record = await recordFor(url);
    if (!record || signal.aborted) return;
    const refreshes = backgroundRefreshes(ctx, signal);
    const ui = await createShadowRootUi(ctx, {
      name: HOST_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        render(<IntunePanel record={record} call={callBackground} refreshes={refreshes} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    if (signal.aborted) return;
    mountOnce(ui);
    keepMounted(ctx, ui, signal);
    signal.addEventListener('abort', () => ui.remove(), { once: true });
  },
};

/** Mounts the panel, first removing any panel an earlier, orphaned copy of the script left behind. */
function mountOnce(ui: ShadowRootContentScriptUi<HTMLElement>): void {
  for (const stray of document.querySelectorAll(HOST_TAG)) if (stray !== ui.shadowHost) stray.remove();
  ui.mount();
}

/** The page re-renders its DOM; when that takes our panel with it, put it back. */
function keepMounted(ctx: ContentScriptContext, ui: ShadowRootContentScriptUi<HTMLElement>, signal: AbortSignal): void {
  const observer = new MutationObserver(() => {
    if (!ui.shadowHost.isConnected && document.body) mountOnce(ui);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  ctx.onInvalidated(() => observer.disconnect());
}
