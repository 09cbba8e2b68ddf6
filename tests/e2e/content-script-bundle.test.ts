import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
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
});
