import { createGraphClient } from '../graph/client';
import type { Cloud } from '../graph/clouds';
import { isGraphError } from '../graph/errors';
import { DEFAULT_RETRY_POLICY } from '../graph/retry-policy';
import type { TokenSet } from './tokens';
import type { Probe } from './permissions';
import type { ProbeOutcome } from './test-connection';

/**
 * A device id no device has. Asking Intune to sync it proves PrivilegedOperations without touching
 * a device: Graph checks the permission first (403), then finds no such device (404).
 */
const NO_SUCH_DEVICE = '00000000-0000-0000-0000-000000000000';

async function firstPage<Page>(pages: AsyncIterable<Page>): Promise<Page | undefined> {
  for await (const page of pages) return page;
  return undefined;
}

export interface ProbeDependencies {
  cloud: Cloud;
  fetch: typeof fetch;
  /** When the probes of this Test and Save stop waiting (on `now`): see PROBE_RETRY_BUDGET_MS in test-connection. */
  retryUntil: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** One harmless Graph call per permission, read back as granted, refused, throttled or failed. */
export async function runPermissionProbe(
  { retryUntil, ...deps }: ProbeDependencies,
  probe: Probe | 'privilegedOperations',
  tokens: Pick<TokenSet, 'accessToken' | 'scopes'>,
): Promise<ProbeOutcome> {
  const graph = createGraphClient({
    ...deps,
    getAccessToken: async () => tokens.accessToken,
    // Tells "the app lacks the permission" from "the admin lacks an Intune role": Intune says both alike.
    grantedScopes: async () => tokens.scopes,
    // A 429 means Graph did not run the request, the sync POST included: wait it out, within the budget.
    retryPolicy: { ...DEFAULT_RETRY_POLICY, maxRetries: 10 },
    retryUntil,
  });
  try {
    switch (probe) {
      case 'devices':
        await firstPage(graph.listDevices({ select: ['id'], top: 1 }));
        break;
      case 'users':
        await graph.users(1);
        break;
      case 'groups':
        await graph.groups(1);
        break;
      case 'mobileApps':
        await graph.mobileApps(1);
        break;
      case 'privilegedOperations':
        await graph.syncDevice(NO_SUCH_DEVICE);
        break;
    }
    return { result: 'ok' };
  } catch (error) {
    if (probe === 'privilegedOperations' && isGraphError(error, 'notFound')) return { result: 'ok' };
    if (isGraphError(error, 'throttled')) return { result: 'throttled', retryAfterMs: error.retryAfterMs };
    if (isGraphError(error, 'noIntuneRole')) return { result: 'no-intune-role', message: error.serviceMessage };
    if (isGraphError(error, 'missingPermission') || isGraphError(error, 'forbidden')) return { result: 'forbidden', message: error.serviceMessage };
    const message = error instanceof Error ? error.message : String(error);
    return { result: 'failed', message: isGraphError(error) ? `${message} (${error.supportReference})` : message };
  }
}
