import { useRef, useState } from 'preact/hooks';
import type { RecordRef } from '../lib/assetpanda/record-ref';
import type { MessageCall } from '../lib/messaging/content-client';
import { relativeTime } from '../lib/panel/progress';
import type { DevicePanelStatus } from '../lib/panel/status';
import { DeviceView } from './panel/DeviceView';
import { StateView } from './panel/StateView';
import { trusted } from './panel/trusted';
import { recordLabel, usePanelStatus, type RefreshSource } from './panel/usePanelStatus';
import { useTask } from './useTask';

const noRefreshes: RefreshSource = () => () => undefined;

/**
 * The panel on an Asset Panda record page. It only shows what the background tells it, and the only
 * things it can ask for are reads, "Sync this record", and opening an extension page (the confirmation
 * window of a device action, the popup to sign in, the options): no click on it can run an action or
 * sign in by itself.
 */
export function IntunePanel({ record, call, refreshes = noRefreshes }: { record: RecordRef; call: MessageCall; refreshes?: RefreshSource }) {
  const id = recordLabel(record);
  const { shown, refreshing, refresh, show } = usePanelStatus(record, call, refreshes);
  const [open, setOpen] = useState(true);
  const toggle = useRef<HTMLButtonElement>(null);
  const { busy, failure, run } = useTask();
  // What the last request led to, when it says what to do next ("confirm in the window that opened").
  const [note, setNote] = useState<string>();

  /** Runs a request to the background; `next` is what the admin should do after it, if anything. */
  const ask = (task: () => Promise<string | undefined>) =>
    void run('busy', async () => {
      setNote(undefined);
      setNote(await task());
    });
  const pro = record.product === 'pro' ? record : undefined;
  const device = shown.kind === 'status' && shown.status.state === 'device' ? (shown.status as DevicePanelStatus) : undefined;

  const stateActions = {
    openOptions: (part: 'connections' | 'mapping') =>
      ask(async () => {
        await call('openOptionsFromPanel', { record, part });
        return undefined;
      }),
    signIn: () =>
      ask(async () => {
        await call('openSignIn', { record });
        return 'Sign in in the window that opened; the panel reads Intune again when you close it.';
      }),
    retry: refresh,
    choose: (deviceId: string) => pro && ask(async () => (show(await call('chooseDevice', { record: pro, deviceId })), undefined)),
    finishDelete: () =>
      pro &&
      ask(async () => {
        await call('requestFinishDelete', { record: pro });
        return 'Confirm in the window that opened.';
      }),
  };
  const deviceActions = {
    sync: () =>
      pro &&
      device &&
      ask(async () => {
        const { changed, status } = await call('syncRecordFromIntune', { record: pro, deviceId: device.device.id });
        show(status);
        return changed.length === 0 ? 'Nothing to change: the record already matches Intune.' : `Updated ${changed.join(', ')} from Intune.`;
      }),
    request: (action: DevicePanelStatus['actions'][number]['action']) =>
      pro &&
      device &&
      ask(async () => {
        await call('requestDeviceAction', { record: pro, deviceId: device.device.id, action });
        return 'Check the device and confirm in the window that opened.';
      }),
  };

  // Escape closes the body; focus goes to the toggle, so it is not lost with the body that held it.
  const collapse = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <section
      class="panel"
      data-testid="intune-panel"
      data-record-id={id}
      data-state={shown.kind === 'status' ? shown.status.state : shown.kind}
      aria-label="Microsoft Intune"
      onKeyDown={trusted(collapse)}
    >
      <header class="panel__header">
        <button
          type="button"
          ref={toggle}
          class="panel__toggle"
          aria-expanded={open}
          aria-controls="intune-panel-body"
          onClick={trusted(() => setOpen(!open))}
        >
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
          {device && <DeviceView status={device} act={deviceActions} busy={busy !== undefined} />}
          {shown.kind === 'status' && shown.status.state !== 'device' && <StateView status={shown.status} act={stateActions} />}
          {failure && (
            <p class="panel__error" role="alert" data-testid="panel-note">
              {failure}
            </p>
          )}
          {note && !failure && (
            <p class="panel__note" role="status" data-testid="panel-note">
              {note}
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
