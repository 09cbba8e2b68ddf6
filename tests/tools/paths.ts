import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Everything generated: the builds, test reports and demo screenshots (git-ignored). */
export const outputDir = `${projectRoot}.output`;
/** The Chrome MV3 build that `wxt build` writes and every browser run loads. */
export const extensionDir = `${outputDir}/chrome-mv3`;
