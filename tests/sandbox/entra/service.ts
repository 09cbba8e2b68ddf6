import { json } from '../http.ts';
import type { Service } from '../services.ts';

// STUB — replaced by the Entra imitation.
export const entra: Service = {
  name: 'Entra ID',
  hosts: (host) => host.startsWith('login.microsoftonline.') || host === 'login.chinacloudapi.cn',
  handle: () => json(501, { error: 'not_implemented' }),
};
