import { z } from 'zod';

/**
 * Microsoft's national clouds: each has its own sign-in and Graph hosts
 * (learn.microsoft.com/graph/deployments). GCC (moderate) tenants use the Global hosts.
 */
export const CLOUDS = {
  global: { label: 'Global (Microsoft Entra ID)', loginHost: 'login.microsoftonline.com', graphHost: 'graph.microsoft.com' },
  usGovHigh: { label: 'US Government GCC High', loginHost: 'login.microsoftonline.us', graphHost: 'graph.microsoft.us' },
  usGovDod: { label: 'US Government DoD', loginHost: 'login.microsoftonline.us', graphHost: 'dod-graph.microsoft.us' },
  china: { label: 'China (operated by 21Vianet)', loginHost: 'login.chinacloudapi.cn', graphHost: 'microsoftgraph.chinacloudapi.cn' },
} as const;

export const CloudSchema = z.enum(['global', 'usGovHigh', 'usGovDod', 'china']);
export type Cloud = z.infer<typeof CloudSchema>;

export function graphBaseUrl(cloud: Cloud): string {
  return `https://${CLOUDS[cloud].graphHost}/v1.0`;
}

/** Host permission patterns a cloud needs; only the Global ones are granted at install. */
export function cloudOrigins(cloud: Cloud): string[] {
  return [`https://${CLOUDS[cloud].loginHost}/*`, `https://${CLOUDS[cloud].graphHost}/*`];
}
