import { browser } from '#imports';
import type { HandlersFor } from '../../../lib/messaging/router';
import type { BackgroundServices } from '../services';

export function coreHandlers({ database }: BackgroundServices): HandlersFor<'getHealth' | 'openOptionsPage'> {
  return {
    async getHealth() {
      const ready = await database.then(
        () => true,
        () => false,
      );
      return { version: browser.runtime.getManifest().version, databaseReady: ready };
    },
    async openOptionsPage() {
      await browser.runtime.openOptionsPage();
      return {};
    },
  };
}
