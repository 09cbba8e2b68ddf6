import { createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { render } from 'preact';
import { IntunePanel } from '../../../components/IntunePanel';
import { recordOnPage } from '../../../lib/assetpanda/record-page';
import { callBackground } from '../../../lib/browser/messaging';
import type { PageFeature } from '../feature-manager';

const HOST_TAG = 'intune-companion-panel';

/** The Intune panel on an Asset Panda record page: the device's live Intune status and actions. */
export const intunePanel: PageFeature = {
  id: 'intune-panel',
  include: (url) => recordOnPage(url) !== undefined,
  async init(ctx, signal, url) {
    const record = recordOnPage(url);
    if (!record) return;
    const ui = await createShadowRootUi(ctx, {
      name: HOST_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        render(<IntunePanel record={record} call={callBackground} />, container);
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
