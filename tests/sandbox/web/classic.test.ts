import { beforeEach, describe, expect, it } from 'vitest';
import { useSandbox } from '../../support/use-sandbox.ts';

const OBJECT_ID = '64b7f0c2a1d3e4f5a6b7c8d9';

const sandbox = useSandbox();
const fetchSandbox = sandbox.fetch;

beforeEach(() => {
  const devices = sandbox.world.assetPanda.classic.entities.find((e) => e.key === 'devices');
  devices?.objects.set(OBJECT_ID, {
    id: OBJECT_ID,
    displayName: 'LAPTOP-<0042>',
    values: { field_1: 'LAPTOP-<0042>', field_2: 'PF3ABCD1', field_3: 'LENOVO', field_4: null, field_5: null },
  });
});

describe('Asset Panda Classic record page', () => {
  it('shows one object at /<entity_key>/<object_id>', async () => {
    const response = await fetchSandbox(`https://login.assetpanda.com/devices/${OBJECT_ID}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<h1 class="object-title">LAPTOP-&#60;0042&#62;</h1>');
    expect(page).toMatch(/<dt>Serial Number<\/dt><dd[^>]*>PF3ABCD1<\/dd>/);
  });

  it('answers 404 to unknown objects, unknown entities and ids that are not 24 hex digits', async () => {
    for (const path of ['/devices/ffffffffffffffffffffffff', `/printers/${OBJECT_ID}`, '/devices/123']) {
      expect((await fetchSandbox(`https://login.assetpanda.com${path}`)).status, path).toBe(404);
    }
  });

  it('links every object from its home page', async () => {
    const page = await (await fetchSandbox('https://login.assetpanda.com/')).text();
    expect(page).toContain(`href="/devices/${OBJECT_ID}"`);
  });
});

describe('an unrelated site', () => {
  it('still answers', async () => {
    expect(await (await fetchSandbox('https://example.com/')).text()).toContain('Example Domain');
  });
});
