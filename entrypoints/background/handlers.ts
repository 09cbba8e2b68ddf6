import { browser } from '#imports';
import type { Handlers } from '../../lib/messaging/router';
import type { Database } from '../../lib/db/open';

export interface BackgroundServices {
  database: Promise<Database>;
}

export function createHandlers({ database }: BackgroundServices): Handlers {
  return {
    async getHealth() {
      const ready = await database.then(
        () => true,
        () => false,
      );
      return { version: browser.runtime.getManifest().version, databaseReady: ready };
    },
    async getPanelStatus() {
      return { state: 'not-connected' as const };
    },
    async openOptionsPage() {
      await browser.runtime.openOptionsPage();
      return {};
    },
  };
}
