import { json } from '../http.ts';
import type { Service } from '../services.ts';

// STUB — replaced by the Asset Panda Pro API imitation.
export const assetPandaApi: Service = {
  name: 'Asset Panda Pro API',
  hosts: (host) => host === 'api.assetpanda.app',
  handle: () => json(501, { error: 'not_implemented' }),
};
