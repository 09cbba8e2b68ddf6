import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../../components/Notice';
import { saveFile } from '../../../components/save-file';
import { TextField } from '../../../components/TextField';
import { useTask } from '../../../components/useTask';
import { DEFAULT_API_BASE_URL } from '../../../lib/assetpanda/api-base-url';
import { callBackground } from '../../../lib/browser/messaging';
import type { AssetPandaConnectionInput, AssetPandaStatus } from '../../../lib/messaging/assetpanda-messages';
import { takeConnectionPrefill } from '../connection-prefill';
import { POLICY_NOTE, usePolicy } from '../usePolicy';
import { CollectionFields } from './assetpanda/CollectionFields';
import { ConnectionState } from './assetpanda/ConnectionState';
import { PassphraseLock } from './assetpanda/PassphraseLock';

type Named = { id: string; name: string };

const EMPTY_FORM: AssetPandaConnectionInput = { baseUrl: DEFAULT_API_BASE_URL, accessKeyId: '', accessKeySecret: '' };

export function AssetPandaConnection() {
  const [status, setStatus] = useState<AssetPandaStatus>();
  const [form, setForm] = useState(EMPTY_FORM);
  const [accounts, setAccounts] = useState<Named[]>([]);
  const [accountId, setAccountId] = useState('');
  const [modules, setModules] = useState<Named[]>([]);
  const [moduleId, setModuleId] = useState('');
  const [lock, setLock] = useState<string>();
  const { busy, failure, setFailure, run } = useTask();
  const [prefill] = useState(() => takeConnectionPrefill('assetPanda'));
  const policy = usePolicy();
  const pinned = policy?.state === 'applied' ? policy.connections.assetPanda : undefined;
  /** The account and module to pick once loaded: the policy's, or the imported file's. */
  const wanted = pinned ?? prefill;

  /** Shows the background's connection state; a saved connection fills the form (never the secret). */
  const show = (next: AssetPandaStatus) => {
    setStatus(next);
    if (next.state !== 'connected') return;
    setForm({ baseUrl: next.baseUrl, accessKeyId: next.accessKeyId, accessKeySecret: '' });
    setAccounts([next.account]);
    setAccountId(next.account.id);
    setModules([next.module]);
    setModuleId(next.module.id);
  };

  useEffect(() => {
    const load = async () => {
      show(await callBackground('getAssetPandaConnection', {}));
      if (prefill) setForm({ baseUrl: prefill.baseUrl, accessKeyId: prefill.accessKeyId, accessKeySecret: '' });
    };
    load().catch((error: Error) => setFailure(error.message));
  }, []);

  useEffect(() => {
    if (pinned) setForm((current) => ({ ...current, baseUrl: pinned.baseUrl, accessKeyId: pinned.accessKeyId }));
  }, [pinned]);

  const chooseAccount = async (account: string) => {
    setAccountId(account);
    setModules([]);
    setModuleId('');
    if (!account) return;
    const loaded = (await callBackground('listAssetPandaModules', { connection: form, accountId: account })).modules;
    setModules(loaded);
    const preferred = loaded.find((module) => module.id === wanted?.module?.id) ?? (loaded.length === 1 ? loaded[0] : undefined);
    if (preferred) setModuleId(preferred.id);
  };

  const loadAccounts = () =>
    run('Loading accounts…', async () => {
      setAccounts([]);
      await chooseAccount('');
      const loaded = (await callBackground('listAssetPandaAccounts', { connection: form })).accounts;
      setAccounts(loaded);
      const preferred = loaded.find((account) => account.id === wanted?.account?.id) ?? (loaded.length === 1 ? loaded[0] : undefined);
      if (preferred) await chooseAccount(preferred.id);
    });

  const testAndSave = (event: Event) => {
    event.preventDefault();
    void run('Testing the connection…', async () => {
      show(await callBackground('testAndSaveAssetPandaConnection', { connection: form, accountId, moduleId }));
    });
  };

  const disconnect = () =>
    run('Disconnecting…', async () => {
      setStatus(await callBackground('disconnectAssetPanda', {}));
      setForm((current) => ({ ...current, accessKeySecret: '' }));
      setAccounts([]);
      await chooseAccount('');
    });

  const exportDiagnostics = () =>
    run('Preparing diagnostics…', async () => {
      const { fileName, json } = await callBackground('exportAssetPandaDiagnostics', {});
      saveFile({ fileName, text: json });
    });

  const update = (field: keyof AssetPandaConnectionInput) => (value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    // Another host or key may reach other accounts: the loaded lists no longer hold.
    if (field !== 'accessKeySecret') {
      setAccounts([]);
      setAccountId('');
      setModules([]);
      setModuleId('');
    }
  };

  const savedKey = status?.state === 'connected' && status.accessKeyId === form.accessKeyId.trim();

  return (
    <section class="card" aria-labelledby="assetpanda-heading" data-testid="assetpanda-connection">
      <h2 id="assetpanda-heading">Asset Panda</h2>
      <p class="muted">
        Connect to Asset Panda Pro with an API key. Create one in Asset Panda under Settings → API Configuration → Create New API Key, with
        permission to read and write records.
      </p>
      {status && <ConnectionState status={status} />}
      {pinned && <Notice tone="info" testId="assetpanda-policy">{POLICY_NOTE} Enter the Access Key Secret, then Test and Save Connection.</Notice>}
      {prefill && !pinned && (
        <Notice tone="info">Filled in from the imported configuration: enter the Access Key Secret, load the accounts, then Test and Save Connection.</Notice>
      )}
      <form onSubmit={testAndSave} noValidate>
        <TextField id="assetpanda-base-url" label="API base URL" type="url" value={form.baseUrl} onInput={update('baseUrl')} readOnly={pinned !== undefined}
          hint={`Asset Panda Pro's API. The extension sends your API key to ${DEFAULT_API_BASE_URL} and nowhere else.`} />
        <TextField id="assetpanda-key-id" label="Access Key ID" value={form.accessKeyId} onInput={update('accessKeyId')} readOnly={pinned !== undefined}
          hint="Shown in Asset Panda under Settings → API Configuration." />
        <TextField id="assetpanda-key-secret" label="Access Key Secret" type="password" value={form.accessKeySecret} onInput={update('accessKeySecret')}
          hint={savedKey ? 'Saved, encrypted. Leave blank to keep it.' : 'Shown once, when the API key is created. It is stored encrypted and never leaves the extension’s background.'} />
        <div class="actions">
          <button type="button" class="secondary" disabled={busy !== undefined} onClick={() => void loadAccounts()}>
            Load Accounts
          </button>
        </div>
        <Picker id="assetpanda-account" label="Account" items={accounts} value={accountId} disabled={busy !== undefined || pinned?.account !== undefined}
          empty="Load accounts first" onChange={(account) => void run('Loading modules…', () => chooseAccount(account))} />
        <Picker id="assetpanda-module" label="Module" items={modules} value={moduleId} disabled={busy !== undefined || pinned?.module !== undefined}
          empty={accountId && !busy ? 'This account has no modules' : 'Choose an account first'} onChange={setModuleId} />
        <div class="actions">
          <button type="submit" disabled={busy !== undefined || !accountId || !moduleId}>
            Test and Save Connection
          </button>
          {status?.state === 'connected' && (
            <button type="button" class="secondary" disabled={busy !== undefined} onClick={() => void disconnect()}>
              Disconnect
            </button>
          )}
          <button type="button" class="secondary" disabled={busy !== undefined} onClick={() => void exportDiagnostics()}
            title="Saves the shapes of Asset Panda's answers (field names and types; no values, no keys) to report a mismatch.">
            Export diagnostics
          </button>
          {busy && <span class="muted" role="status">{busy}</span>}
        </div>
      </form>
      {failure && <Notice tone="error" testId="assetpanda-failure">{failure}</Notice>}
      {status && <PassphraseLock onChange={setLock} onForgotten={(forgotten) => setStatus(forgotten)} />}
      {status?.state === 'connected' && <CollectionFields key={`${status.savedAt} ${lock}`} />}
    </section>
  );
}

/** An account or module picker; empty until its list is loaded. */
function Picker(props: { id: string; label: string; items: Named[]; value: string; disabled: boolean; empty: string; onChange: (id: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} disabled={props.disabled || props.items.length === 0}
        onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="">{props.items.length === 0 ? props.empty : `Choose ${props.label.toLowerCase()}…`}</option>
        {props.items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
    </div>
  );
}
