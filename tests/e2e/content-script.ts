import type { CDPSession, Page } from 'playwright-core';

/**
 * Whether the extension's content script runs in a page, seen from outside the extension: Chromium
 * gives every content script an isolated world named after its extension, which DevTools lists.
 * This lets a test assert "nothing was injected" or "the script ran and chose to add nothing"
 * without waiting an arbitrary time, and without any test hook in the extension.
 */
export class ContentScriptWorlds {
  private readonly worlds = new Set<number>();
  private readonly waiters: Array<(id: number) => void> = [];

  private constructor(
    private readonly session: CDPSession,
    private readonly origin: string,
  ) {}

  /** Starts watching a page; the worlds that already exist are reported at once. */
  static async watch(page: Page, extensionId: string): Promise<ContentScriptWorlds> {
    const session = await page.context().newCDPSession(page);
    const watcher = new ContentScriptWorlds(session, `chrome-extension://${extensionId}`);
    session.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin !== watcher.origin) return;
      watcher.worlds.add(context.id);
      for (const wake of watcher.waiters.splice(0)) wake(context.id);
    });
    session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => watcher.worlds.delete(executionContextId));
    session.on('Runtime.executionContextsCleared', () => watcher.worlds.clear());
    await session.send('Runtime.enable');
    return watcher;
  }

  /** How many of the extension's content-script worlds the page holds now. */
  get count(): number {
    return this.worlds.size;
  }

  /**
   * Resolves once the content script has been injected and its first synchronous run is over:
   * DevTools only answers an evaluation in that world after the script's own task has finished.
   */
  async ran(): Promise<void> {
    await this.evaluate('0');
  }

  /**
   * Runs `expression` in the content script's world, with its privileges (chrome.runtime, storage),
   * as code that took over the content script would; a returned promise is awaited.
   */
  async evaluate(expression: string): Promise<unknown> {
    const [existing] = this.worlds;
    const id = existing ?? (await new Promise<number>((resolve) => this.waiters.push(resolve)));
    const { result, exceptionDetails } = await this.session.send('Runtime.evaluate', { expression, contextId: id, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as unknown;
  }
}
