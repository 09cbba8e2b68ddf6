import { browser } from '#imports';
import type { assetPandaMessages } from '../../../lib/messaging/assetpanda-messages';
import type { HandlersFor } from '../../../lib/messaging/router';
import type { BackgroundServices } from '../services';

export function assetPandaHandlers({ assetPanda, policy }: BackgroundServices): HandlersFor<keyof typeof assetPandaMessages> {
  return {
    getAssetPandaConnection: () => assetPanda.status(),
    listAssetPandaAccounts: async ({ connection }) => ({ accounts: await assetPanda.accounts(connection) }),
    listAssetPandaModules: async ({ connection, accountId }) => ({ modules: await assetPanda.modules(connection, accountId) }),
    async testAndSaveAssetPandaConnection({ connection, accountId, moduleId }) {
      await policy.guardAssetPanda(connection, accountId, moduleId);
      return assetPanda.testAndSave(connection, accountId, moduleId);
    },
    async disconnectAssetPanda() {
      await assetPanda.disconnect();
      return assetPanda.status();
    },
    listAssetPandaCollections: async () => ({ collections: await assetPanda.collections() }),
    listAssetPandaFields: async ({ collectionId }) => ({ fields: await assetPanda.fields(collectionId) }),
    getAssetPandaLock: async () => ({ lock: await assetPanda.lockState() }),
    unlockAssetPanda: async ({ passphrase }) => ({ lock: await assetPanda.unlock(passphrase) }),
    setAssetPandaPassphrase: async ({ current, next }) => ({ lock: await assetPanda.setPassphrase(current, next) }),
    async forgetLockedAssetPandaKey() {
      await assetPanda.forgetLockedKey();
      return assetPanda.status();
    },
    async exportAssetPandaDiagnostics() {
      const report = await assetPanda.diagnostics(browser.runtime.getManifest().version);
      return { fileName: `asset-panda-diagnostics-${report.generatedAt.slice(0, 10)}.json`, json: JSON.stringify(report, null, 2) };
    },
  };
}
