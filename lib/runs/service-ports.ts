import type { AssetPandaConnection } from '../assetpanda/connection';
import type { IntuneService } from '../auth/service';
import { assetPandaRecords } from '../sync/assetpanda-records';
import { graphDeviceSource } from '../sync/graph-devices';
import type { WrapFetch } from '../wrap-fetch';
import type { ServicePorts } from './manager';

/**
 * The engine's ports over the saved connections, every request through `wrapFetch` (the run's
 * Retry-After gate, under both clients). Asset Panda is opened first (a locked passphrase says so
 * before anything is sent), then the Microsoft sign-in is proven (renewed silently when it can be).
 */
export function servicePorts(intune: Pick<IntuneService, 'graph' | 'accessToken'>, assetPanda: Pick<AssetPandaConnection, 'open'>) {
  return async (wrapFetch: WrapFetch): Promise<ServicePorts> => {
    const { client, tenant } = await assetPanda.open({ wrapFetch });
    await intune.accessToken();
    const graph = await intune.graph({ wrapFetch });
    const { reader, writer } = assetPandaRecords(client, tenant);
    return { devices: graphDeviceSource(graph), records: reader, writer };
  };
}
