import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Fails any read outside the project, so the tests pass in a fresh clone with nothing beside it. */
const readsInsideProject = './tests/tools/reads-inside-project.ts';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          // lib/ is plain TypeScript: it runs in Node like in the service worker, without a DOM.
          name: 'unit',
          environment: 'node',
          setupFiles: ['fake-indexeddb/auto', readsInsideProject],
          include: ['lib/**/*.test.{ts,tsx}'],
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'ui',
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto', readsInsideProject],
          include: ['components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'sandbox',
          environment: 'node',
          setupFiles: [readsInsideProject],
          include: ['tests/sandbox/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          setupFiles: [readsInsideProject],
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file runs its own Chromium; two at a time suit a 2-core machine.
          maxWorkers: 2,
        },
      },
    ],
  },
});
