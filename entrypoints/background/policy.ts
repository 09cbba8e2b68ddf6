import { browser } from '#imports';
import { POLICY_KEY } from '../../lib/config/policy';

/**
 * The enterprise policy as the browser holds it: managed storage (Chrome and Edge from their policy
 * settings, Firefox from policies.json). A browser without managed storage for the extension
 * throws on read; that means no policy.
 */
export const managedPolicy = {
  read: async (): Promise<unknown> => (await browser.storage.managed.get(POLICY_KEY))[POLICY_KEY],
  onChange(listener: () => void): void {
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') listener();
    });
  },
};
