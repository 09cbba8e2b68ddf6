import type { Handlers } from '../../../lib/messaging/router';
import type { BackgroundServices } from '../services';
import { assetPandaHandlers } from './assetpanda';
import { configurationHandlers } from './configuration';
import { coreHandlers } from './core';
import { intuneHandlers } from './intune';
import { mappingHandlers } from './mappings';

export function createHandlers(services: BackgroundServices): Handlers {
  return { ...coreHandlers(services), ...intuneHandlers(services), ...assetPandaHandlers(services), ...mappingHandlers(services), ...configurationHandlers(services) };
}
