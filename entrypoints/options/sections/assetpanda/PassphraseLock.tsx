import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../../../components/Notice';
import { TextField } from '../../../../components/TextField';
import { useTask } from '../../../../components/useTask';
import { callBackground } from '../../../../lib/browser/messaging';
import type { AssetPandaStatus } from '../../../../lib/messaging/assetpanda-messages';
import type { ResponseOf } from '../../../../lib/messaging/protocol';
import { MIN_PASSPHRASE_LENGTH } from '../../../../lib/secrets/vault';

type Lock = ResponseOf<'getAssetPandaLock'>['lock'];

const EMPTY = { current: '', next: '', repeat: '' };

/**
 * The optional passphrase on the saved Access Key Secret: asked once per browser session. While
 * locked, every Asset Panda call (scheduled sync included) waits for it.
 */
export function PassphraseLock({ onChange, onForgotten }: { onChange: (lock: Lock) => void; onForgotten: (status: AssetPandaStatus) => void }) {
  const [lock, setLock] = useState<Lock>();
  const [form, setForm] = useState(EMPTY);
  const { busy, failure, setFailure, run } = useTask();

  const show = (next: Lock) => {
    setLock(next);
    setForm(EMPTY);
    onChange(next);
  };

  useEffect(() => {
    callBackground('getAssetPandaLock', {}).then(({ lock: current }) => show(current), (error: Error) => setFailure(error.message));
  }, []);

  const update = (field: keyof typeof EMPTY) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  const submit = (event: Event) => {
    event.preventDefault();
    if (lock === 'locked') {
      void run('Unlocking…', async () => show((await callBackground('unlockAssetPanda', { passphrase: form.current })).lock));
      return;
    }
    if (lock === 'off' && !form.next) {
      setFailure('Type the passphrase to set, twice.');
      return;
    }
    if (form.next !== form.repeat) {
      setFailure('The two new passphrases differ. Type the same passphrase twice.');
      return;
    }
    void run('Saving the passphrase…', async () => show((await callBackground('setAssetPandaPassphrase', { current: form.current, next: form.next })).lock));
  };

  const forget = () => {
    const sure = window.confirm(
      'Forget the saved Asset Panda key and its passphrase? The connection is removed; you will enter the Access Key Secret again (Asset Panda shows it only when a key is created, so you may need a new key).',
    );
    if (!sure) return;
    void run('Forgetting the saved key…', async () => {
      const status = await callBackground('forgetLockedAssetPandaKey', {});
      show((await callBackground('getAssetPandaLock', {})).lock);
      onForgotten(status);
    });
  };

  if (!lock) return null;
  return (
    <form data-testid="assetpanda-lock" data-lock={lock} onSubmit={submit} noValidate>
      <h3>Passphrase lock</h3>
      {lock === 'off' && (
        <p class="muted">
          Off. The Access Key Secret is encrypted with a key kept in this browser profile, which keeps it from web pages, other extensions and anyone
          reading the extension's storage, but not from someone with a copy of the profile. A passphrase closes that gap: it is asked once per
          browser session, and scheduled sync waits until it is given.
        </p>
      )}
      {lock === 'locked' && (
        <Notice tone="warn" testId="assetpanda-locked">
          Locked. Asset Panda calls, scheduled sync included, wait until you unlock with your passphrase.
        </Notice>
      )}
      {lock === 'unlocked' && <p class="muted">On, and unlocked for this browser session.</p>}
      {lock === 'unreadable' && (
        <Notice tone="error" testId="assetpanda-key-unreadable">
          The key that protects the saved Access Key Secret cannot be read (an older version of the extension, or altered storage). It is kept as it
          is: update the extension if it is older than the one that saved the key, or forget the saved key and enter the Access Key Secret again.
        </Notice>
      )}
      {(lock === 'locked' || lock === 'unlocked') && (
        <TextField id="assetpanda-passphrase" label={lock === 'locked' ? 'Passphrase' : 'Current passphrase'} type="password" value={form.current}
          onInput={update('current')} autoComplete="current-password" />
      )}
      {(lock === 'off' || lock === 'unlocked') && (
        <>
          <TextField id="assetpanda-new-passphrase" label="New passphrase" type="password" value={form.next} onInput={update('next')} autoComplete="new-password"
            hint={lock === 'off' ? `At least ${MIN_PASSPHRASE_LENGTH} characters.` : `At least ${MIN_PASSPHRASE_LENGTH} characters; leave both blank to remove the passphrase.`} />
          <TextField id="assetpanda-repeat-passphrase" label="Repeat the new passphrase" type="password" value={form.repeat} onInput={update('repeat')}
            autoComplete="new-password" />
        </>
      )}
      <div class="actions">
        {lock !== 'unreadable' && (
          <button type="submit" disabled={busy !== undefined}>
            {lock === 'locked' ? 'Unlock' : lock === 'off' ? 'Set passphrase' : form.next ? 'Change passphrase' : 'Remove passphrase'}
          </button>
        )}
        {(lock === 'locked' || lock === 'unreadable') && (
          <button type="button" class="secondary" disabled={busy !== undefined} onClick={forget}
            title="Without the passphrase the saved key cannot be read: forget it, then enter the Access Key Secret again.">
            Forget the saved key
          </button>
        )}
        {busy && <span class="muted" role="status">{busy}</span>}
      </div>
      {failure && <Notice tone="error" testId="assetpanda-lock-failure">{failure}</Notice>}
    </form>
  );
}
