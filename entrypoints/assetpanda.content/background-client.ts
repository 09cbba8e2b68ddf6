import { browser } from '#imports';
import { createContentClient } from '../../lib/messaging/content-client';

/** Calls into the background from the content script: typed, and without zod or any schema in this bundle. */
export const callBackground = createContentClient((envelope) => browser.runtime.sendMessage(envelope));
