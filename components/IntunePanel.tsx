import { useState } from 'preact/hooks';
import type { RecordRef } from '../lib/assetpanda/record-ref';
import type { MessageCall } from '../lib/messaging/content-client';
import { relativeTime } from '../lib/panel/progress';
import type { DevicePanelStatus } from '../lib/panel/status';
import { DeviceView } from './panel/DeviceView';
import { StateView } from './panel/StateView';
import { trusted } from './panel/trusted';
import { usePanelStatus, type RefreshSource } from './panel/usePanelStatus';

function recordLabel(record: RecordRef): string {
  return record.product === 'pro' ? record.recordId : record.objectId;
}

type Note = { tone: 'info' | 'error'; text: string };

const noRefreshes: RefreshSource = () => () => undefined;

/**
 * The panel on an Asset Panda record page. It only shows what the background tells it, and the only
 * things it can ask for are reads, "Sync this record", and opening the extension's confirmation
 * window for a device action: no click on it can run an action by itself.
 */
export function IntunePanel({ record, call, refreshes = noRefreshes }: { record: RecordRef; call: MessageCall; refreshes?: RefreshSource }) {
  const id = recordLabel(record);
  const { shown, refreshing, refresh, show } = usePanelStatus(record, id, call, refreshes);
  const [open, setOpen] = useState(true);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>();

  const ask = async (task: () => Promise<string | undefined>) => {
    setBusy(true);
    setNote(undefined);
    try {
      const text = await task();
      if (text) setNote({ tone: 'info', text });
    } catch (error) {
      setNote({ tone: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const pro = record.product === 'pro' ? record : undefined;
  const device = shown.kind === 'status' && shown.status.state === 'device' ? (shown.status as DevicePanelStatus) : undefined;

  const stateActions = {
    openOptions: () => void call('openOptionsPage', {}),
    signIn: () =>
      void ask(async () => {
        await call('signInFromPanel', {});
        refresh();
        return undefined;
      }),
    retry: refresh,
    choose: (deviceId: string) => pro && void ask(async () => (show(await call('chooseDevice', { record: pro, deviceId })), undefined)),
    finishDelete: () =>
      pro &&
      void ask(async () => {
        await call('requestFinishDelete', { record: pro });
        return 'Confirm in the window that opened.';
      }),
  };
  const deviceActions = {
    sync: () =>
      pro &&
      device &&
      void ask(async () => {
        const { changed, status } = await call('syncRecordFromIntune', { record: pro, deviceId: device.device.id });
        show(status);
        return changed.length === 0 ? 'Nothing to change: the record already matches Intune.' : `Updated ${changed.join(', ')} from Intune.`;
      }),
    request: (action: DevicePanelStatus['actions'][number]['action']) =>
      pro &&
      device &&
      void ask(async () => {
        await call('requestDeviceAction', { record: pro, deviceId: device.device.id, action });
        return 'Check the device and confirm in the window that opened.';
      }),
  };

  return (
    <section
      class="panel"
      data-testid="intune-panel"
      data-record-id={id}
      data-state={shown.kind === 'status' ? shown.status.state : shown.kind}
      aria-label="Microsoft Intune"
      onKeyDown={trusted((event: KeyboardEvent) => event.key === 'Escape' && setOpen(false))}
    >
      <header class="panel__header">
        <button type="button" class="panel__toggle" aria-expanded={open} aria-controls="intune-panel-body" onClick={trusted(() => setOpen(!open))}>
          <span class="panel__title">Microsoft Intune</span>
          <span class="panel__record">{device ? device.recordTitle : `Record ${id}`}</span>
        </button>
      </header>
      {open && (
        <div class="panel__body" id="intune-panel-body">
          <div aria-live="polite">
            {shown.kind === 'loading' && <p>Looking up this device in Intune…</p>}
            {shown.kind === 'error' && (
              <p class="panel__error" role="alert">
                {shown.message}
              </p>
            )}
          </div>
          {device && <DeviceView status={device} act={deviceActions} busy={busy} />}
          {shown.kind === 'status' && shown.status.state !== 'device' && <StateView status={shown.status} act={stateActions} />}
          {note && (
            <p class={note.tone === 'error' ? 'panel__error' : 'panel__note'} role={note.tone === 'error' ? 'alert' : 'status'} data-testid="panel-note">
              {note.text}
            </p>
          )}
          {device && (
            <p class="panel__meta" data-testid="panel-freshness">
              {device.cached ? `Saved ${relativeTime(new Date(device.readAt).toISOString(), Date.now())}` : `Read from Intune ${new Date(device.readAt).toLocaleTimeString()}`}
              {refreshing ? ' · refreshing…' : ''}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
