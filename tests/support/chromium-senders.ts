/**
 * runtime.onMessage senders as Chromium 156 reports them (recorded with a probe extension: tab
 * fields that the policy does not read are left out). The action popup has neither tab nor frameId.
 */
export function chromiumSenders(extensionId: string) {
  const origin = `chrome-extension://${extensionId}`;
  return {
    optionsTab: { id: extensionId, url: `${origin}/options.html`, origin, frameId: 0, tab: tab(11, `${origin}/options.html`) },
    actionPopup: { id: extensionId, url: `${origin}/popup.html`, origin },
    popupInATab: { id: extensionId, url: `${origin}/popup.html`, origin, frameId: 0, tab: tab(12, `${origin}/popup.html`) },
    /** An extension page in an iframe of another extension page's tab. */
    extensionPageFramedByExtensionPage: { id: extensionId, url: `${origin}/popup.html`, origin, frameId: 6, tab: tab(13, `${origin}/options.html`) },
    /** A (web-accessible) extension page in an iframe of a web page. */
    extensionPageFramedByWebPage: { id: extensionId, url: `${origin}/options.html`, origin, frameId: 8, tab: tab(14, 'https://example.com/') },
    assetPandaTopFrame: {
      id: extensionId,
      url: 'https://assetpanda.app/collections/01HWQ7CW7T626WY2A3KV603ZNF/records/rec_1',
      origin: 'https://assetpanda.app',
      frameId: 0,
      tab: tab(15, 'https://assetpanda.app/collections/01HWQ7CW7T626WY2A3KV603ZNF/records/rec_1'),
    },
    assetPandaSubframe: {
      id: extensionId,
      url: 'https://assetpanda.app/collections/01HWQ7CW7T626WY2A3KV603ZNF',
      origin: 'https://assetpanda.app',
      frameId: 11,
      tab: tab(16, 'https://assetpanda.app/collections/01HWQ7CW7T626WY2A3KV603ZNF/records/rec_1'),
    },
    assetPandaWithoutTab: { id: extensionId, url: 'https://assetpanda.app/collections/01HWQ7CW7T626WY2A3KV603ZNF/records/rec_1', origin: 'https://assetpanda.app' },
    unrelatedSiteTopFrame: { id: extensionId, url: 'https://example.com/', origin: 'https://example.com', frameId: 0, tab: tab(17, 'https://example.com/') },
    otherExtension: { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/background.js', origin: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba' },
  };
}

function tab(id: number, url: string) {
  return { id, url, title: '', active: true, index: 1, windowId: 1 };
}

export type ChromiumSender = keyof ReturnType<typeof chromiumSenders>;

