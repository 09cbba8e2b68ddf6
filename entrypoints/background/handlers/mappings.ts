import type { mappingMessages } from '../../../lib/messaging/mapping-messages';
import type { HandlersFor } from '../../../lib/messaging/router';
import type { BackgroundServices } from '../services';

export function mappingHandlers({ mappings, deviceCounter }: BackgroundServices): HandlersFor<keyof typeof mappingMessages> {
  return {
    listMappings: async () => ({ mappings: await mappings.list() }),
    checkMappings: async () => ({ checks: [...(await mappings.checkStored())].map(([id, problems]) => ({ id, problems })) }),
    getMapping: ({ id }) => mappings.open(id),
    saveMapping: ({ mapping }) => mappings.save(mapping),
    async deleteMapping({ id }) {
      await mappings.delete(id);
      return {};
    },
    countMatchingDevices: ({ countId, filters }) => deviceCounter.count(countId, filters),
    getDeviceCountProgress: async ({ countId }) => ({ progress: deviceCounter.progress(countId) ?? null }),
  };
}
