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
  // The event's URL, not location.href: with the Navigation API, WXT fires it before the URL commits.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => start(event.newUrl));
  ctx.onInvalidated(() => current?.abort());
  start(new URL(location.href));
}
