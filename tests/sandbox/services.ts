import type { SandboxRequest, SandboxResponse } from './http.ts';
import type { World } from './world.ts';
import { assetPandaApi } from './assetpanda-api/service.ts';
import { entra } from './entra/service.ts';
import { graph } from './graph/service.ts';
import { assetPandaWeb, classicWeb, otherSite } from './web/service.ts';

/** One imitated service: the hosts it answers for and its request handler. */
export interface Service {
  name: string;
  hosts(host: string): boolean;
  handle(req: SandboxRequest, world: World): SandboxResponse | Promise<SandboxResponse>;
}

export const services: Service[] = [entra, graph, assetPandaApi, assetPandaWeb, classicWeb, otherSite];
