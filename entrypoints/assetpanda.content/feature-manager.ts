import type { ContentScriptContext } from '#imports';

/** One thing the extension adds to Asset Panda pages (one file per feature under features/). */
export interface PageFeature {
  id: string;
  /** Whether the feature belongs on this page. */
  include(url: URL): boolean;
  /** Starts the feature; everything it sets up must end when `signal` aborts. */
  init(ctx: ContentScriptContext, signal: AbortSignal, url: URL): Promise<void>;
}

/**
 * Runs each feature on the pages it includes, and again after every client-side navigation
 * (Asset Panda is a single-page app): the previous run is aborted first, so a feature is never
 * running twice.
 */
export function runFeatures(ctx: ContentScriptContext, features: PageFeature[]): void {
  let current: AbortController | undefined;
  const start = (url: URL) => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    for (const feature of features.filter((f) => f.include(url))) {
      feature.init(ctx, controller.signal, url).catch((error: unknown) => {
        console.error(`[Intune Companion] feature "${feature.id}" failed on ${url.pathname}`, error);
      });
    }
  };
  // With the Navigation API, WXT fires the event before the URL commits; the background reads the
  // page's URL from the browser, so a feature starts only once the page is at the new URL.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    void committed(event.newUrl).then((arrived) => arrived && !ctx.isInvalid && start(event.newUrl));
  });
  ctx.onInvalidated(() => current?.abort());
  start(new URL(location.href));
}

/** Whether the page's URL becomes `url` within a second (not when the navigation was cancelled or another followed). */
async function committed(url: URL): Promise<boolean> {
  for (let waited = 0; waited < 1_000; waited += 20) {
    if (location.href === url.href) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}
