import type { Frame, Page } from 'playwright-core';

export type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** Sends a message to the background from an extension page (or a frame showing one), as that page's own code would. */
export async function sendFromPage(page: Page | Frame, type: string, payload: unknown): Promise<Reply> {
  return (await page.evaluate(
    ([messageType, messagePayload]) => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome;
      return runtime.sendMessage({ type: messageType, payload: messagePayload });
    },
    [type, payload] as const,
  )) as Reply;
}

/** Asks the background, from an extension page, as the page's own code does; fails on a refusal. */
export async function ask<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = await sendFromPage(page, type, payload);
  if (!reply.ok) throw new Error(`${type} was refused: ${reply.error.message}`);
  return reply.value as T;
}
