import { defineBackground } from '#imports';
import { createAssetPandaConnection } from '../../lib/assetpanda/connection';
import { serveMessages } from '../../lib/browser/messaging';
import { keepSessionStorageTrusted, sessionUnlockCache } from '../../lib/browser/session-storage';
import { openDatabase } from '../../lib/db/open';
import { createSecretVault } from '../../lib/secrets/vault';
import { createHandlers } from './handlers/index';
import { startIntuneService } from './intune';

export default defineBackground(() => {
  void keepSessionStorageTrusted();
  // main() cannot be async: services receive the database promise and await it when they need it.
  const database = openDatabase();
  const assetPanda = createAssetPandaConnection({ database, vault: createSecretVault(database, sessionUnlockCache) });
  serveMessages(createHandlers({ database, intune: startIntuneService(database), assetPanda }));
});
