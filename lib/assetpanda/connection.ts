import type { Database } from '../db/open';
import { UnreadableDocumentError } from '../db/settings-document';
import { PassphraseError, SecretUnreadableError, VaultLockedError, VaultUnreadableError, type LockState, type SecretVault } from '../secrets/vault';
import { API_BASE_URL_RULE, DEFAULT_API_BASE_URL, normaliseApiBaseUrl } from './api-base-url';
import { createAssetPandaClient, type AssetPandaClient } from './client';
import { connectionStore, type SavedConnection } from './connection-store';
import { createShapeLog } from './diagnostics';
import { AssetPandaError } from './errors';
import { diagnosticsReport } from './report';
import type { Credentials } from './transport';
import type { Field, Named, Tenant } from './types';
import type { WrapFetch } from '../wrap-fetch';

/** What the admin typed. An empty secret means "keep the saved one" (it never goes back to the page). */
export interface ConnectionInput {
  baseUrl: string;
  accessKeyId: string;
  accessKeySecret: string;
}

export type ConnectionStatus =
  /** `unreadable`: a saved connection exists but no longer reads; it is kept until replaced. */
  | { state: 'not-connected'; unreadable?: string }
  | { state: 'connected'; baseUrl: string; accessKeyId: string; account: Named; module: Named; savedAt: string };

export interface AssetPandaConnection {
  status(): Promise<ConnectionStatus>;
  /** The accounts the key reaches, before anything is saved. */
  accounts(input: ConnectionInput): Promise<Named[]>;
  modules(input: ConnectionInput, accountId: string): Promise<Named[]>;
  /** Checks the key, the account, the module and write permission; saves only when all pass. */
  testAndSave(input: ConnectionInput, accountId: string, moduleId: string): Promise<ConnectionStatus>;
  disconnect(): Promise<void>;
  collections(): Promise<Named[]>;
  fields(collectionId: string): Promise<Field[]>;
  /** The saved connection's client and module, for sync and actions; `wrapFetch` puts something under its requests (a sync's Retry-After gate). */
  open(options?: { wrapFetch?: WrapFetch }): Promise<{ client: AssetPandaClient; tenant: Tenant }>;
  diagnostics(extensionVersion: string): Promise<ReturnType<typeof diagnosticsReport>>;
  /** Whether the saved key is behind a passphrase, and whether it was given in this browser session. */
  lockState(): Promise<LockState>;
  unlock(passphrase: string): Promise<LockState>;
  /** Sets (`current` empty), changes, or removes (`next` empty) the passphrase; the saved key stays. */
  setPassphrase(current: string, next: string): Promise<LockState>;
  /** For a lost passphrase: forgets the saved connection with its key, and the passphrase. */
  forgetLockedKey(): Promise<void>;
}

export interface ConnectionDependencies {
  database: Promise<Database>;
  vault: SecretVault;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** The vault purpose of the Access Key Secret: a sealed secret only opens for it. */
const SECRET_PURPOSE = 'assetpanda.accessKeySecret';

export const LOCKED_MESSAGE =
  'Asset Panda is locked. Unlock with your passphrase on the options page (Asset Panda → Passphrase lock); until then nothing, scheduled sync included, calls Asset Panda.';

function unreadableKey(problem: string): AssetPandaError {
  return new AssetPandaError(
    'not-connected',
    `The key that protects the saved Access Key Secret cannot be read. ${problem} It is kept as it is, and nothing was changed. ` +
      'If an older version of the extension is running than the one that saved it, update the extension. Otherwise choose "Forget the saved key" ' +
      '(options page → Asset Panda → Passphrase lock), then enter the Access Key Secret again.',
  );
}

/** Runs a vault operation, in the words of an Asset Panda error when the vault refuses. */
async function inVault<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof VaultLockedError) throw new AssetPandaError('locked', LOCKED_MESSAGE);
    if (error instanceof VaultUnreadableError) throw unreadableKey(error.problem);
    if (error instanceof PassphraseError) {
      throw new AssetPandaError(
        'invalid-input',
        error.problem === 'wrong'
          ? 'That is not the passphrase set for Asset Panda. Try again; if it is lost, choose "Forget the saved key" and enter the Access Key Secret again.'
          : error.message,
      );
    }
    throw error;
  }
}

export function createAssetPandaConnection({ database, vault, fetch, sleep }: ConnectionDependencies): AssetPandaConnection {
  const store = connectionStore(database);
  const log = createShapeLog({ onNewShape: (entries) => void store.saveObservations(entries).catch(() => undefined) });
  const restored = store.loadObservations().then(log.restore, () => undefined);
  const clientFor = (credentials: Credentials, wrapFetch?: WrapFetch) => {
    const fetchImpl = wrapFetch ? wrapFetch(fetch ?? globalThis.fetch.bind(globalThis)) : fetch;
    return createAssetPandaClient({ ...credentials, log, ...(fetchImpl ? { fetch: fetchImpl } : {}), ...(sleep ? { sleep } : {}) });
  };

  async function credentialsFrom(input: ConnectionInput): Promise<Credentials> {
    const baseUrl = normaliseApiBaseUrl(input.baseUrl);
    if (!baseUrl) throw invalid(API_BASE_URL_RULE);
    const accessKeyId = input.accessKeyId.trim();
    if (!accessKeyId) throw invalid('Enter the Access Key ID. Asset Panda shows it under Settings → API Configuration.');
    const accessKeySecret = input.accessKeySecret.trim();
    if (accessKeySecret) return { baseUrl, accessKeyId, accessKeySecret };
    const saved = await store.loadConnection();
    if (saved?.baseUrl === baseUrl && saved.accessKeyId === accessKeyId) return savedCredentials(saved);
    throw invalid('Enter the Access Key Secret that Asset Panda showed when the API key was created (Settings → API Configuration).');
  }

  async function savedCredentials(saved: SavedConnection): Promise<Credentials> {
    if (normaliseApiBaseUrl(saved.baseUrl) !== saved.baseUrl) {
      throw new AssetPandaError(
        'not-connected',
        `The saved Asset Panda connection points at ${saved.baseUrl}, which is not Asset Panda's API (${DEFAULT_API_BASE_URL}), so the extension sends the key nowhere. Reconnect: enter the API key on the options page and choose Test and Save Connection.`,
      );
    }
    try {
      return { baseUrl: saved.baseUrl, accessKeyId: saved.accessKeyId, accessKeySecret: await inVault(() => vault.open(SECRET_PURPOSE, saved.accessKeySecret)) };
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
      throw new AssetPandaError(
        'not-connected',
        "The saved Access Key Secret can no longer be read (the browser's extension storage was reset). Enter the Access Key Secret again and choose Test and Save Connection.",
      );
    }
  }

  async function open(options: { wrapFetch?: WrapFetch } = {}) {
    const saved = await store.loadConnection();
    if (!saved) {
      throw new AssetPandaError('not-connected', 'Asset Panda is not connected. Enter an API key on the options page and choose Test and Save Connection.');
    }
    return { client: clientFor(await savedCredentials(saved), options.wrapFetch), tenant: { accountId: saved.account.id, moduleId: saved.module.id } };
  }

  return {
    async status() {
      try {
        const saved = await store.loadConnection();
        return saved ? connectedStatus(saved) : { state: 'not-connected' };
      } catch (error) {
        if (!(error instanceof UnreadableDocumentError)) throw error;
        return { state: 'not-connected', unreadable: error.message };
      }
    },

    async accounts(input) {
      return clientFor(await credentialsFrom(input)).listAccounts();
    },

    async modules(input, accountId) {
      return clientFor(await credentialsFrom(input)).listModules(accountId);
    },

    async testAndSave(input, accountId, moduleId) {
      // A locked vault could not seal the new key: say so before calling Asset Panda at all.
      if ((await vault.lockState()) === 'locked') throw new AssetPandaError('locked', LOCKED_MESSAGE);
      const credentials = await credentialsFrom(input);
      // Sealed before Asset Panda is called, so that a vault whose key does not read says so first.
      const accessKeySecret = await inVault(() => vault.seal(SECRET_PURPOSE, credentials.accessKeySecret));
      const client = clientFor(credentials);
      const account = (await client.listAccounts()).find((candidate) => candidate.id === accountId);
      if (!account) {
        throw new AssetPandaError('not-found', `This API key does not reach an account with the id ${accountId}. Load the accounts again and choose one from the list.`);
      }
      const module = (await client.listModules(accountId)).find((candidate) => candidate.id === moduleId);
      if (!module) {
        throw new AssetPandaError('not-found', `The account "${account.name}" has no module with the id ${moduleId}. Choose a module from the list.`);
      }
      const [firstCollection] = await client.listCollections({ accountId, moduleId });
      if (!(await client.canWriteRecords({ accountId, moduleId, ...(firstCollection ? { collectionId: firstCollection.id } : {}) }))) {
        throw new AssetPandaError(
          'forbidden',
          'This API key can read but not change records, and syncing Intune devices needs both. In Asset Panda, open Settings → API Configuration ' +
            'and give the key write permission (or create a key with read and write permission), then test again.',
        );
      }
      const saved: SavedConnection = {
        baseUrl: credentials.baseUrl,
        accessKeyId: credentials.accessKeyId,
        accessKeySecret,
        account,
        module,
        savedAt: new Date().toISOString(),
      };
      await store.saveConnection(saved);
      return connectedStatus(saved);
    },

    disconnect: () => store.deleteConnection(),

    async collections() {
      const { client, tenant } = await open();
      return client.listCollections(tenant);
    },

    async fields(collectionId) {
      const { client, tenant } = await open();
      return client.listFields({ ...tenant, collectionId });
    },

    open,

    async diagnostics(extensionVersion) {
      await restored;
      return diagnosticsReport(log.entries(), extensionVersion);
    },

    lockState: () => vault.lockState(),

    async unlock(passphrase) {
      await inVault(() => vault.unlock(passphrase));
      return vault.lockState();
    },

    async setPassphrase(current, next) {
      await inVault(() => vault.setPassphrase(current || undefined, next || undefined));
      return vault.lockState();
    },

    async forgetLockedKey() {
      await store.deleteConnection();
      await vault.reset();
    },
  };
}

function connectedStatus({ baseUrl, accessKeyId, account, module, savedAt }: SavedConnection): ConnectionStatus {
  return { state: 'connected', baseUrl, accessKeyId, account, module, savedAt };
}

function invalid(message: string): AssetPandaError {
  return new AssetPandaError('invalid-input', message);
}
