import { defineBackground } from '#imports';
import { createAssetPandaConnection } from '../../lib/assetpanda/connection';
import { serveMessages } from '../../lib/browser/messaging';
import { openDatabase } from '../../lib/db/open';
import { createMappingService } from '../../lib/mapping/service';
import { mappingStore } from '../../lib/mapping/store';
import { createSecretVault } from '../../lib/secrets/vault';
import { createHandlers } from './handlers/index';
import { startIntuneService } from './intune';

export default defineBackground(() => {
  // main() cannot be async: services receive the database promise and await it when they need it.
  const database = openDatabase();
  const assetPanda = createAssetPandaConnection({ database, vault: createSecretVault(database) });
  const mappings = createMappingService({
    store: mappingStore(database),
    fields: (collectionId) => assetPanda.fields(collectionId),
    now: Date.now,
    newId: () => crypto.randomUUID(),
  });
  serveMessages(createHandlers({ database, intune: startIntuneService(database), assetPanda, mappings }));
});
