import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { CONTENT_SCRIPT_BUDGET_KB } from '../../entrypoints/assetpanda.content/budget.ts';
import { extensionDir } from '../tools/paths.ts';

// The content script runs inside every Asset Panda page: it renders and asks the background, and
// must carry none of the background's privileges. Checked on the build the e2e tests load.
describe('the built content script', () => {
  test('bundles neither zod nor the Graph or Asset Panda clients, nor anything of the confirmation tokens', async () => {
    const bundle = await readFile(`${extensionDir}/content-scripts/assetpanda.js`, 'utf8');
    for (const mark of ['ZodError', '/deviceManagement/managedDevices', '/collection-records', 'Access-Key-Secret', 'confirmation-token:', 'authorization']) {
      expect(bundle, mark).not.toContain(mark);
    }
  });

  test(`stays within its budget of ${CONTENT_SCRIPT_BUDGET_KB} KB gzipped`, async () => {
    // A size, not a time: the same build gives the same bytes.
    const gzipped = gzipSync(await readFile(`${extensionDir}/content-scripts/assetpanda.js`)).length;
    expect(gzipped / 1024).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_KB);
  });
});
