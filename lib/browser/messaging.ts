import { browser } from '#imports';
import { createMessageClient } from '../messaging/client';
import { createMessageRouter, type Handlers } from '../messaging/router';
import { isAssetPandaPage } from '../assetpanda/record-page';

/** Calls into the background from popup, options and content scripts. */
export const callBackground = createMessageClient((envelope) => browser.runtime.sendMessage(envelope));

/** Registers the background's handlers behind the sender and payload checks. */
export function serveMessages(handlers: Handlers): void {
  const route = createMessageRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    isContentPage: isAssetPandaPage,
  });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    // Keeps the channel open for the asynchronous answer (Chrome and Firefox alike).
    return true;
  });
}
