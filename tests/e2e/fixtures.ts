import { test as base } from 'vitest';
import { startSandbox } from '../sandbox/server.ts';
import { launchExtensionBrowser } from './browser.ts';

/**
 * The e2e test: each test gets the sandbox (one server per file, fresh state per test) and its own
 * Chromium with the built extension on a fresh profile, closed when the test ends.
 */
export const test = base
  // vitest reads a fixture's dependencies from its first parameter's pattern: none here.
  // oxlint-disable-next-line no-empty-pattern
  .extend('sandboxServer', { scope: 'file' }, async ({}, { onCleanup }) => {
    const sandbox = await startSandbox();
    onCleanup(() => sandbox.close());
    return sandbox;
  })
  .extend('sandbox', async ({ sandboxServer }) => {
    sandboxServer.reset();
    return sandboxServer;
  })
  .extend('browser', async ({ sandbox }, { onCleanup }) => {
    const browser = await launchExtensionBrowser({ hostResolverRules: sandbox.hostResolverRules });
    onCleanup(() => browser.close());
    return browser;
  });

export { describe, expect } from 'vitest';
