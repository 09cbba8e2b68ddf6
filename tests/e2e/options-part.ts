import type { Locator, Page } from 'playwright-core';

/** Goes to the options page's part at `hash` (`sync`, `mappings/new`) on the page given, and waits for `ready`, what the part shows once loaded. */
export async function openOptionsPart(page: Page, hash: string, ready: Locator): Promise<Page> {
  const url = new URL(page.url());
  url.hash = hash;
  await page.goto(url.href);
  await ready.waitFor();
  return page;
}
