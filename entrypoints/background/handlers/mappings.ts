import type { mappingMessages } from '../../../lib/messaging/mapping-messages';
import type { HandlersFor } from '../../../lib/messaging/router';
import type { BackgroundServices } from '../services';

export function mappingHandlers({ mappings }: BackgroundServices): HandlersFor<keyof typeof mappingMessages> {
  return {
    listMappings: async () => ({ mappings: await mappings.list() }),
    getMapping: ({ id }) => mappings.open(id),
    saveMapping: ({ mapping }) => mappings.save(mapping),
    async deleteMapping({ id }) {
      await mappings.delete(id);
      return {};
    },
  };
}
