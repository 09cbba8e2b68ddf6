import { Notice } from '../../../../components/Notice';
import type { AssetPandaStatus } from '../../../../lib/messaging/assetpanda-messages';

export function ConnectionState({ status }: { status: AssetPandaStatus }) {
  if (status.state === 'not-connected' && status.unreadable) {
    return (
      <Notice tone="warn" testId="assetpanda-state">
        Not connected: {status.unreadable}
      </Notice>
    );
  }
  if (status.state === 'not-connected') {
    return (
      <p class="muted" data-testid="assetpanda-state">
        Not connected yet: enter an API key, load the accounts, choose an account and module, then Test and Save Connection.
      </p>
    );
  }
  return (
    <Notice tone="ok" testId="assetpanda-state">
      Connected to account <strong>{status.account.name}</strong>, module <strong>{status.module.name}</strong>, with Access Key ID{' '}
      <code>{status.accessKeyId}</code> (saved {new Date(status.savedAt).toLocaleString()}).
    </Notice>
  );
}
