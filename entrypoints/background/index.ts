import { defineBackground } from '#imports';
import { createAssetPandaConnection, type AssetPandaConnection } from '../../lib/assetpanda/connection';
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
import { startSyncRuntime } from './sync';

export default defineBackground(() => {
  void keepSessionStorageTrusted();
  // main() cannot be async: services receive the database promise and await it when they need it.
  const database = openDatabase();
  const connection = createAssetPandaConnection({ database, vault: createSecretVault(database, sessionUnlockCache) });
  // What waited for the passphrase (a paused sync, a scheduled one) goes on once it is given.
  const assetPanda: AssetPandaConnection = {
    ...connection,
    async unlock(passphrase) {
      const state = await connection.unlock(passphrase);
      sync.unlocked();
      return state;
    },
  };
  const intune = startIntuneService(database);
  // The schedules follow every change of the mappings: the editor's, an import's, a policy's.
  const store = mappingStore(database, () => sync.mappingsChanged());
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
  const sync = startSyncRuntime({ database, intune, assetPanda, mappings: store });
  serveMessages(createHandlers({ database, intune, assetPanda, mappings, deviceCounter, configuration, policy, ...panelAndActions, sync }));
});
