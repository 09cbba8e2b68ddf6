import type { configurationMessages } from '../../../lib/messaging/configuration-messages';
import type { HandlersFor } from '../../../lib/messaging/router';
import type { BackgroundServices } from '../services';

export function configurationHandlers({ configuration, policy }: BackgroundServices): HandlersFor<keyof typeof configurationMessages> {
  return {
    exportConfiguration: () => configuration.export(),
    importConfiguration: ({ text }) => configuration.import(text),
    async getPolicy() {
      const state = await policy.state();
      if (state.state !== 'applied') return state;
      const { connections, mappings } = state.configuration;
      return { state: 'applied', connections, mappingIds: mappings.map((mapping) => mapping.id) };
    },
  };
}
