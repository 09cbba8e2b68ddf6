import type { Page } from 'playwright-core';

export type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** Sends a message to the background from an extension page, as that page's own code would. */
export async function sendFromPage(page: Page, type: string, payload: unknown): Promise<Reply> {
  return (await page.evaluate(
    ([messageType, messagePayload]) => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome;
      return runtime.sendMessage({ type: messageType, payload: messagePayload });
    },
    [type, payload] as const,
  )) as Reply;
}
