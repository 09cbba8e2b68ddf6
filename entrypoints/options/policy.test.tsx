import { afterEach, describe, expect, it, vi } from 'vitest';
import { openOptionsPage, storedMapping, type OptionsPage } from '../../tests/support/options-page';
import { POLICY_NOTE, type Policy } from './usePolicy';

const page = vi.hoisted(() => ({ call: undefined as unknown as (type: string, payload: unknown) => Promise<unknown> }));
vi.mock('../../lib/browser/messaging', () => ({ callBackground: (type: string, payload: unknown) => page.call(type, payload) }));

const INTUNE = { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', clientId: '0e3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', applicationObjectId: '', cloud: 'usGovHigh' } as const;
const ASSET_PANDA = { baseUrl: 'https://api.assetpanda.app', accessKeyId: 'apk_SET_BY_POLICY', account: { id: 'acc-1', name: 'Contoso IT' }, module: { id: 'mod-1', name: 'IT Assets' } };
const APPLIED: Policy = { state: 'applied', connections: { intune: INTUNE, assetPanda: ASSET_PANDA }, mappingIds: ['m-policy'] };
const PROBLEMS = ['mappings[0].name: Give the mapping a name.', 'connections.intune.clientId: Enter the Application (client) ID.'];
const INVALID: Policy = { state: 'invalid', problems: PROBLEMS };
const MAPPINGS = { mappings: [storedMapping('m-policy', 'Policy laptops'), storedMapping('m-own', 'Own laptops')].map((mapping) => ({ readable: true as const, mapping })) };

let shown: OptionsPage | undefined;
afterEach(async () => {
  await shown?.close();
  shown = undefined;
});

const input = (selector: string) => shown!.find<HTMLInputElement>(selector);
const rowOf = (name: string) => [...shown!.root.querySelectorAll('[data-testid="mapping-row"]')].find((row) => row.textContent?.includes(name));
const deleteButton = (name: string) => [...(rowOf(name)?.querySelectorAll('button') ?? [])].find((button) => button.textContent === 'Delete…');

describe('what the enterprise policy sets shows read-only', () => {
  it("fills the connection forms with the policy's values, not editable, and says why", async () => {
    shown = await openOptionsPage(page, '#connections', { getPolicy: APPLIED });

    for (const [selector, value] of [['#tenantId', INTUNE.tenantId], ['#clientId', INTUNE.clientId], ['#assetpanda-base-url', ASSET_PANDA.baseUrl], ['#assetpanda-key-id', ASSET_PANDA.accessKeyId]]) {
      expect(input(selector!).value).toBe(value);
      expect(input(selector!).readOnly).toBe(true);
    }
    expect(input('#applicationObjectId').readOnly).toBe(true);
    expect(shown.find<HTMLSelectElement>('#cloud').value).toBe('usGovHigh');
    expect(shown.find<HTMLSelectElement>('#cloud').disabled).toBe(true);
    // The secret is never in a policy: the admin still enters it.
    expect(input('#assetpanda-key-secret').readOnly).toBe(false);
    expect(shown.find('[data-testid="intune-policy"]').textContent).toContain(POLICY_NOTE);
    expect(shown.find('[data-testid="assetpanda-policy"]').textContent).toContain(POLICY_NOTE);
  });

  it('lists a mapping the policy sets without Delete…, the others with it', async () => {
    shown = await openOptionsPage(page, '#mappings', { getPolicy: APPLIED, listMappings: MAPPINGS });

    expect(rowOf('Policy laptops')?.textContent).toContain('Set by policy');
    expect(deleteButton('Policy laptops')).toBeUndefined();
    expect(rowOf('Own laptops')?.textContent).not.toContain('Set by policy');
    expect(deleteButton('Own laptops')).toBeDefined();
  });

  it('opens a mapping the policy sets with every control disabled, no Save, and the note', async () => {
    const mapping = storedMapping('m-policy', 'Policy laptops');
    shown = await openOptionsPage(page, '#mappings/m-policy', { getPolicy: APPLIED, getMapping: { mapping, problems: [], managed: true } });

    const name = input('#mapping-name');
    expect(name.value).toBe('Policy laptops');
    expect(name.closest('fieldset')?.disabled).toBe(true);
    expect(shown.root.querySelector('#mapping-collection')?.closest('fieldset')?.disabled).toBe(true);
    expect([...shown.root.querySelectorAll('button')].map((button) => button.textContent)).not.toContain('Save');
    expect(shown.find('[data-testid="policy-note"]').textContent).toBe(POLICY_NOTE);
  });

  it('reports a policy with problems and ignores it: every problem listed, everything editable', async () => {
    shown = await openOptionsPage(page, '#connections', { getPolicy: INVALID, listMappings: MAPPINGS });

    const report = shown.find('[data-testid="policy-problems"]');
    expect(report.textContent).toContain('has problems, so it was ignored');
    expect([...report.querySelectorAll('li')].map((item) => item.textContent)).toEqual(PROBLEMS);
    expect(input('#tenantId').readOnly).toBe(false);
    expect(input('#assetpanda-key-id').readOnly).toBe(false);
    expect(shown.root.querySelector('[data-testid="intune-policy"]')).toBeNull();

    await shown.go('#mappings');
    expect(deleteButton('Policy laptops')).toBeDefined();
    expect(deleteButton('Own laptops')).toBeDefined();
  });

  it('is asked for once per page, whichever parts show it', async () => {
    shown = await openOptionsPage(page, '#connections', { getPolicy: APPLIED, listMappings: MAPPINGS });
    await shown.go('#mappings');
    expect(rowOf('Policy laptops')?.textContent).toContain('Set by policy');

    expect(shown.background.sent('getPolicy')).toHaveLength(1);
  });
});
