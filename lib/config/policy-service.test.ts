import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { mappingStore } from '../mapping/store';
import { createPolicyService } from './policy-service';

const fixture = JSON.parse(readFileSync(new URL('../mapping/fixtures/mapping.v1.json', import.meta.url), 'utf8')) as { data: { id: string; name: string } };
const intune = { tenantId: 'contoso.onmicrosoft.com', clientId: '0e3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', applicationObjectId: '', cloud: 'global' as const };
const policyText = (mappings: unknown[], extra: object = {}) =>
  JSON.stringify({
    kind: 'intune-companion-configuration',
    version: 1,
    connections: { intune, assetPanda: { baseUrl: 'https://api.assetpanda.app', accessKeyId: 'AKID-IT' } },
    mappings,
    ...extra,
  });

function browserWithPolicy(name: string) {
  const database = openDatabase(name);
  const store = mappingStore(database);
  let value: unknown;
  const policy = createPolicyService({ database, store, read: async () => value });
  return { store, policy, set: (next: unknown) => (value = next) };
}

describe('the enterprise policy in the background', () => {
  it("stores the policy's mappings as managed, and removes one a later policy drops", async () => {
    const browser = browserWithPolicy('policy-apply');
    browser.set(policyText([fixture.data, { ...fixture.data, id: 'phones', name: 'Phones' }]));
    await browser.policy.refresh();
    expect([...(await browser.policy.managedMappingIds())]).toEqual([fixture.data.id, 'phones']);
    expect((await browser.store.list()).map((entry) => entry.readable && entry.mapping.name).toSorted()).toEqual(['Intune laptops', 'Phones']);

    browser.set(policyText([fixture.data]));
    await browser.policy.refresh();
    expect((await browser.store.list()).map((entry) => entry.readable && entry.mapping.name)).toEqual(['Intune laptops']);
  });

  it('ignores a policy with problems, changing nothing, and keeps its problems to show', async () => {
    const browser = browserWithPolicy('policy-invalid');
    browser.set(policyText([fixture.data]));
    await browser.policy.refresh();
    browser.set(policyText([], { colour: 'blue' }));
    expect(await browser.policy.refresh()).toEqual({ state: 'invalid', problems: ['colour is not a setting this extension knows. Remove it (or correct its spelling).'] });
    expect(await browser.store.list()).toHaveLength(1);
    expect(await browser.policy.managedMappingIds()).toEqual(new Set());
    await expect(browser.policy.guardIntune({ ...intune, tenantId: 'fabrikam.com' })).resolves.toBeUndefined();
  });

  it("refuses connections other than the policy's", async () => {
    const browser = browserWithPolicy('policy-guard');
    browser.set(policyText([]));
    await browser.policy.refresh();
    await expect(browser.policy.guardIntune(intune)).resolves.toBeUndefined();
    await expect(browser.policy.guardIntune({ ...intune, tenantId: 'fabrikam.com' })).rejects.toThrow(/sets the Microsoft Intune connection by policy/);
    await expect(browser.policy.guardAssetPanda({ baseUrl: '', accessKeyId: ' AKID-IT ' }, 'any', 'any')).resolves.toBeUndefined();
    await expect(browser.policy.guardAssetPanda({ baseUrl: '', accessKeyId: 'AKID-MINE' }, 'any', 'any')).rejects.toThrow(/sets the Asset Panda connection by policy/);
  });

  it('keeps to the policy it last applied while the browser has not loaded its policies yet', async () => {
    const browser = browserWithPolicy('policy-start');
    browser.set(policyText([fixture.data]));
    await browser.policy.refresh();
    // The browser starts again; its managed storage has not answered yet.
    const database = openDatabase('policy-start');
    const restarted = createPolicyService({ database, store: mappingStore(database), read: () => new Promise(() => undefined) });
    expect([...(await restarted.managedMappingIds())]).toEqual([fixture.data.id]);
    await expect(restarted.guardIntune({ ...intune, tenantId: 'fabrikam.com' })).rejects.toThrow(/by policy/);
    expect(await browserWithPolicy('policy-first-start').policy.state()).toEqual({ state: 'none' });
  });
});

