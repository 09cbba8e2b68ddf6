import { afterAll, beforeAll, beforeEach } from 'vitest';
import { sandboxFetch } from '../sandbox/fetch.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import type { WorldOptions } from '../sandbox/world.ts';

export type SandboxUnderTest = Sandbox & {
  /** `sandboxFetch` for this sandbox: real hostnames, answered by the sandbox. */
  fetch: typeof globalThis.fetch;
};

/**
 * One sandbox per test file: started before all tests, reset to a fresh world (same options)
 * before each test, closed after all. The handle is returned at once so that module-level code
 * can keep it; it forwards to the live sandbox, which exists only inside hooks and tests.
 */
export function useSandbox(options: WorldOptions = {}): SandboxUnderTest {
  let live: { sandbox: Sandbox; fetch: typeof globalThis.fetch } | undefined;
  beforeAll(async () => {
    const sandbox = await startSandbox(options);
    live = { sandbox, fetch: sandboxFetch(sandbox.port) };
  });
  beforeEach(() => started().sandbox.reset(options));
  afterAll(() => live?.sandbox.close());

  function started() {
    if (!live) throw new Error('The sandbox is not started yet: use it inside hooks and tests');
    return live;
  }
  // A stable function, so that `const { fetch } = useSandbox()` works at module level.
  const fetch: typeof globalThis.fetch = (input, init) => started().fetch(input, init);
  return new Proxy({ fetch } as SandboxUnderTest, {
    get: (handle, key) => (key === 'fetch' ? handle.fetch : Reflect.get(started().sandbox, key)),
  });
}
