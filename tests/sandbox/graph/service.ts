import { json } from '../http.ts';
import type { Service } from '../services.ts';

// STUB — replaced by the Graph imitation.
export const graph: Service = {
  name: 'Microsoft Graph',
  hosts: (host) => ['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn'].includes(host),
  handle: () => json(501, { error: 'not_implemented' }),
};
