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

/** One harmless Graph call per permission, read back as granted, refused, or failed. */
export async function runPermissionProbe(
  deps: { cloud: Cloud; fetch: typeof fetch },
  probe: Probe | 'privilegedOperations',
  tokens: Pick<TokenSet, 'accessToken' | 'scopes'>,
): Promise<ProbeOutcome> {
  const graph = createGraphClient({
    cloud: deps.cloud,
    fetch: deps.fetch,
    getAccessToken: async () => tokens.accessToken,
    // Tells "the app lacks the permission" from "the admin lacks an Intune role": Intune says both alike.
    grantedScopes: async () => tokens.scopes,
    // No retries: a probe must answer quickly, and a failure is reported rather than hidden.
    retryPolicy: { ...DEFAULT_RETRY_POLICY, maxRetries: 0 },
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
    if (isGraphError(error, 'noIntuneRole')) return { result: 'no-intune-role', message: error.serviceMessage };
    if (isGraphError(error, 'missingPermission') || isGraphError(error, 'forbidden')) return { result: 'forbidden', message: error.serviceMessage };
    const message = error instanceof Error ? error.message : String(error);
    return { result: 'failed', message: isGraphError(error) ? `${message} (${error.supportReference})` : message };
  }
}
