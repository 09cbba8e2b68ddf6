import { defineBackground } from '#imports';
import { createAssetPandaConnection } from '../../lib/assetpanda/connection';
import { serveMessages } from '../../lib/browser/messaging';
import { keepSessionStorageTrusted, sessionUnlockCache } from '../../lib/browser/session-storage';
import { createPolicyService } from '../../lib/config/policy-service';
import { createConfigurationService } from '../../lib/config/service';
import { openDatabase } from '../../lib/db/open';
import { createDeviceCounter } from '../../lib/mapping/device-counter';
import { createMappingService } from '../../lib/mapping/service';
import { mappingStore } from '../../lib/mapping/store';
import { createSecretVault } from '../../lib/secrets/vault';
import { startPanelAndActions } from './actions';
import { createHandlers } from './handlers/index';
import { startIntuneService } from './intune';
import { managedPolicy } from './policy';

export default defineBackground(() => {
  void keepSessionStorageTrusted();
  // main() cannot be async: services receive the database promise and await it when they need it.
  const database = openDatabase();
  const assetPanda = createAssetPandaConnection({ database, vault: createSecretVault(database, sessionUnlockCache) });
  const intune = startIntuneService(database);
  const store = mappingStore(database);
  const policy = createPolicyService({ database, store, read: managedPolicy.read });
  managedPolicy.onChange(() => void policy.refresh());
  const mappings = createMappingService({
    store,
    collections: () => assetPanda.collections(),
    fields: (collectionId) => assetPanda.fields(collectionId),
    managedIds: () => policy.managedMappingIds(),
    now: Date.now,
    newId: () => crypto.randomUUID(),
  });
  const configuration = createConfigurationService({
    store,
    mappings,
    intuneSettings: async () => (await intune.describe({ verify: false })).connection?.settings,
    assetPandaStatus: () => assetPanda.status(),
    now: Date.now,
  });
  const deviceCounter = createDeviceCounter({ graph: () => intune.graph(), now: Date.now });
  const panelAndActions = startPanelAndActions({ database, intune, assetPanda, mappings: store });
  serveMessages(createHandlers({ database, intune, assetPanda, mappings, deviceCounter, configuration, policy, ...panelAndActions }));
});
