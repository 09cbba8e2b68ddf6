import { defineBackground } from '#imports';
import { createAssetPandaConnection } from '../../lib/assetpanda/connection';
import { serveMessages } from '../../lib/browser/messaging';
import { openDatabase } from '../../lib/db/open';
import { createMappingService } from '../../lib/mapping/service';
import { mappingStore } from '../../lib/mapping/store';
import { createSecretVault } from '../../lib/secrets/vault';
import { startPanelAndActions } from './actions';
import { createHandlers } from './handlers/index';
import { startIntuneService } from './intune';

export default defineBackground(() => {
  // main() cannot be async: services receive the database promise and await it when they need it.
  const database = openDatabase();
  const assetPanda = createAssetPandaConnection({ database, vault: createSecretVault(database) });
  const mappingsStore = mappingStore(database);
  const mappings = createMappingService({
    store: mappingsStore,
    fields: (collectionId) => assetPanda.fields(collectionId),
    now: Date.now,
    newId: () => crypto.randomUUID(),
  });
  const intune = startIntuneService(database);
  const panelAndActions = startPanelAndActions({ database, intune, assetPanda, mappings: mappingsStore });
  serveMessages(createHandlers({ database, intune, assetPanda, mappings, ...panelAndActions }));
});
