import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not `new URL('../..', import.meta.url)`: Vite rewrites that form for the happy-dom tests, where the
// read guard needs the root too.
export const projectRoot = `${resolve(dirname(fileURLToPath(import.meta.url)), '../..')}/`;
/** Everything generated: the builds, test reports and demo screenshots (git-ignored). */
export const outputDir = `${projectRoot}.output`;
/** The Chrome MV3 build that `wxt build` writes and every browser run loads. */
export const extensionDir = `${outputDir}/chrome-mv3`;
