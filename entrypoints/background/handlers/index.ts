import type { Handlers } from '../../../lib/messaging/router';
import type { BackgroundServices } from '../services';
import { actionHandlers } from './actions';
import { assetPandaHandlers } from './assetpanda';
import { configurationHandlers } from './configuration';
import { coreHandlers } from './core';
import { intuneHandlers } from './intune';
import { mappingHandlers } from './mappings';
import { panelHandlers } from './panel';
import { syncHandlers } from './sync';

export function createHandlers(services: BackgroundServices): Handlers {
  return {
    ...coreHandlers(services),
    ...intuneHandlers(services),
    ...assetPandaHandlers(services),
    ...mappingHandlers(services),
    ...configurationHandlers(services),
    ...panelHandlers(services),
    ...actionHandlers(services),
    ...syncHandlers(services),
  };
}
