import type { Page } from 'playwright-core';
import { openOptionsPart } from './options-part.ts';

// Making a mapping the way an admin does: through the editor on the options page. Used by the
// e2e tests and by `npm start` for its sample mapping.

/** The options page's Mappings part (the list, or the mapping `item`: an id or `new`), on the page given. */
export function openMappings(page: Page, item?: string): Promise<Page> {
  if (item === undefined) return openOptionsPart(page, 'mappings', page.getByTestId('mappings-part'));
  return openOptionsPart(page, `mappings/${item}`, page.getByTestId('mapping-editor'));
}

/**
 * A new mapping of every managed device onto Devices: the name, the collection, Suggest mapping,
 * Retire sets the collection's "Retired" status, and Save. Returns once the editor says it is saved.
 */
export async function createMapping(page: Page, name = 'Intune laptops'): Promise<void> {
  await openMappings(page, 'new');
  const editor = page.getByTestId('mapping-editor');
  await editor.getByLabel('Mapping Name').fill(name);
  await editor.getByLabel('Collection', { exact: true }).selectOption({ label: 'Devices' });
  await editor.getByRole('button', { name: 'Suggest mapping' }).click();
  await editor.getByRole('checkbox', { name: 'Set a status when a device is retired' }).check();
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.getByTestId('mapping-note').filter({ hasText: `Saved “${name}”` }).waitFor();
}

/** The state the Mappings list shows for a mapping ("Runnable", "Not runnable …"), once checked. */
export async function listedState(page: Page, name: string): Promise<string> {
  const row = page.getByTestId('mapping-row').filter({ hasText: name });
  const state = row.getByTestId('mapping-state');
  await state.filter({ hasNotText: 'Checking…' }).waitFor();
  return (await state.textContent()) ?? '';
}
