import type { Page } from 'playwright-core';

// Driving the sandbox's Asset Panda Pro web app the way a user does (its routes and DOM are in
// tests/sandbox/web/README.md): every navigation here is client-side, through history.pushState.

/** From a record page, the breadcrumb back to the record's collection. */
export async function goToCollectionFromBreadcrumbs(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link').last().click();
  await page.locator('section.record-list-view').waitFor();
}

/** From a collection's list, the link to one of its records. */
export async function openRecordFromList(page: Page, recordId: string): Promise<void> {
  await page.locator(`section.record-list-view a[href$="/records/${encodeURIComponent(recordId)}"]`).click();
  await page.locator('section.record-view').waitFor();
}

/** The record page's Refresh: the app renders the record again, into a new element. */
export async function refreshRecord(page: Page): Promise<void> {
  const shown = await page.locator('section.record-view').elementHandle();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.waitForFunction((section) => !section?.isConnected, shown);
  await page.locator('section.record-view').waitFor();
}
