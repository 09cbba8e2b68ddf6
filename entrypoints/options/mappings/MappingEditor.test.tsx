import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { z } from 'zod';
import { MappingSchema } from '../../../lib/mapping/schema';
import type { MappingDraft } from '../../../lib/mapping/service';
import { openOptionsPage, storedMapping, type OptionsPage } from '../../../tests/support/options-page';
import { settle } from '../../../tests/support/settle';

const page = vi.hoisted(() => ({ call: undefined as unknown as (type: string, payload: unknown) => Promise<unknown> }));
vi.mock('../../../lib/browser/messaging', () => ({ callBackground: (type: string, payload: unknown) => page.call(type, payload) }));
// A second external entity, as the editor is built to take one: its Intune fields are not the devices'.
vi.mock('../../../lib/mapping/entities', async (original) => {
  const actual = await original<typeof import('../../../lib/mapping/entities')>();
  const ENTITIES = { ...actual.ENTITIES, users: { label: 'Users', description: 'Users in Microsoft Entra ID.', sources: [] } };
  return {
    ENTITIES,
    EntitySchema: z.enum(['managedDevices', 'users']),
    sourceField: (entity: keyof typeof ENTITIES, key: string) => ENTITIES[entity].sources.find((source) => source.key === key),
  };
});

const MAPPING = storedMapping('m1', 'Intune laptops');
const LEAVE = 'This mapping has changes that are not saved. Leave without saving them?';

let shown: OptionsPage | undefined;
/** The page's questions (`window.confirm`), answered "Cancel" unless a test says otherwise. */
let confirm: Mock<(message?: string) => boolean>;
beforeEach(() => {
  confirm = vi.fn(() => false);
  vi.stubGlobal('confirm', confirm);
});
afterEach(async () => {
  await shown?.close();
  shown = undefined;
  vi.unstubAllGlobals();
});

async function openMapping() {
  shown = await openOptionsPage(page, '#mappings/m1', {
    getMapping: { mapping: MAPPING, problems: [], managed: false },
    saveMapping: ({ mapping }) => ({ mapping: MappingSchema.parse({ ...MAPPING, ...mapping, id: 'm1' }), problems: [], managed: false, saved: true }),
  });
  return shown;
}

async function rename(to: string) {
  const name = shown!.find<HTMLInputElement>('#mapping-name');
  name.value = to;
  name.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

async function save(): Promise<MappingDraft> {
  shown!.find<HTMLFormElement>('[data-testid="mapping-editor"] form').requestSubmit();
  await settle();
  return (shown!.background.sent('saveMapping').at(-1)!.payload as { mapping: MappingDraft }).mapping;
}

/** Whether the browser would ask before closing or reloading the page. */
function unloadHeld(): boolean {
  const unload = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(unload);
  return unload.defaultPrevented;
}

const editorShown = () => shown!.root.querySelector('[data-testid="mapping-editor"]') !== null;
const listShown = () => shown!.root.querySelector('[data-testid="mappings-part"]') !== null;

describe('the mapping editor keeps unsaved edits', () => {
  it('asks before leaving them; staying keeps the edits and the address', async () => {
    await openMapping();
    await rename('Intune Windows laptops');
    expect(unloadHeld()).toBe(true);

    await shown!.go('#mappings');
    expect(confirm).toHaveBeenCalledWith(LEAVE);
    expect(editorShown()).toBe(true);
    expect(location.hash).toBe('#mappings/m1');
    expect(shown!.find<HTMLInputElement>('#mapping-name').value).toBe('Intune Windows laptops');

    confirm.mockReturnValue(true);
    await shown!.go('#sync');
    expect(listShown() || editorShown()).toBe(false);
    expect(unloadHeld()).toBe(false);
  });

  it('lets the page go without asking when nothing changed, or once the edits are saved', async () => {
    await openMapping();
    expect(unloadHeld()).toBe(false);
    await shown!.go('#mappings');
    expect(listShown()).toBe(true);

    await shown!.go('#mappings/m1');
    await rename('Intune Windows laptops');
    expect((await save()).name).toBe('Intune Windows laptops');
    expect(unloadHeld()).toBe(false);
    await shown!.go('#mappings');
    expect(listShown()).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks before changing the External entity clears the field mappings', async () => {
    await openMapping();
    const entity = shown!.find<HTMLSelectElement>('#mapping-entity');
    entity.value = 'users';
    entity.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(confirm).toHaveBeenCalledWith('Changing the External entity to Users removes the 3 field mappings made for Managed devices: Users has other Intune fields. Change it?');
    expect(entity.value).toBe('managedDevices');
    expect(await save()).toMatchObject({ entity: 'managedDevices', fields: MAPPING.fields });

    confirm.mockReturnValue(true);
    entity.value = 'users';
    entity.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(await save()).toMatchObject({ entity: 'users', fields: [] });
  });
});
