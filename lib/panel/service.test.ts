import { describe, expect, it } from 'vitest';
import { AssetPandaError } from '../assetpanda/errors';
import { openDatabase } from '../db/open';
import type { Mapping } from '../mapping/schema';
import { recordCache } from './record-cache';
import { createPanelService } from './service';

const COLLECTION = '01HWQ7CW7T626WY2A3KV603ZNF';
const now = () => 0;

/** The panel service over an Asset Panda that has no record at all, counting the record reads it is asked for. */
function panelOverEmptyCollection() {
  const asked: string[] = [];
  const service = createPanelService({
    intune: {} as never,
    assetPanda: {
      status: async () => ({ state: 'connected' }) as never,
      collections: async () => [{ id: COLLECTION, name: 'Devices' }],
      fields: async () => [],
      open: async () =>
        ({
          tenant: { accountId: 'a', moduleId: 'm' },
          client: {
            async getRecord(_collection: unknown, recordId: string) {
              asked.push(recordId);
              throw new AssetPandaError('not-found', 'No such record.', 404);
            },
          },
        }) as never,
    },
    mappings: async () => [{ readable: true, mapping: { collection: { id: COLLECTION, name: 'Devices' } } as Mapping }],
    audit: {} as never,
    cache: recordCache(openDatabase('panel-service-test'), now),
    now,
  });
  return { service, asked };
}

describe('finding the record of an unknown page route', () => {
  it('asks again about an unconfirmed URL only after a minute, and remembers a bounded number of them', async () => {
    const { service, asked } = panelOverEmptyCollection();
    await service.locate(['rec_first']);
    await service.locate(['rec_first']);
    expect(asked).toEqual(['rec_first']);

    // A page varying its URL without end: the oldest unconfirmed URLs are forgotten, not kept for ever.
    for (let page = 0; page < 500; page++) await service.locate([`rec_${page}`]);
    asked.length = 0;
    await service.locate(['rec_first']);
    await service.locate(['rec_499']);
    expect(asked).toEqual(['rec_first']);
  });
});
