import type { BrowserContext, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser.ts';
import { ContentScriptWorlds } from './content-script.ts';
import type { Reply } from './extension-messages.ts';

/**
 * The pages the browser opened since this was called whose URL contains `part`, in the order they
 * opened, closed ones included. With a barrier (a trusted action whose own page is awaited), "nothing
 * else opened" is then checked without waiting an arbitrary time: the extension opens its windows
 * and tabs in the order it was asked (entrypoints/background/actions.ts), so a page an attack caused
 * opens before the barrier's.
 */
export function pagesOpening(context: BrowserContext, part: string): () => Page[] {
  const opened: Page[] = [];
  context.on('page', (page) => opened.push(page));
  return () => opened.filter((page) => page.url().includes(part));
}

/**
 * Messages sent from the content script's own world on `page`, with its privileges, as a page that
 * took over the content script would send them (the router takes them as the content script's).
 */
export async function contentScriptOf(browser: ExtensionBrowser, page: Page): Promise<(type: string, payload: unknown) => Promise<Reply>> {
  return messagesFrom(await ContentScriptWorlds.watch(page, browser.extensionId));
}

/** Messages sent from the content-script world `worlds` watches, as `contentScriptOf`'s. */
export function messagesFrom(worlds: ContentScriptWorlds): (type: string, payload: unknown) => Promise<Reply> {
  return async (type, payload) => (await worlds.evaluate(`chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`)) as Reply;
}
