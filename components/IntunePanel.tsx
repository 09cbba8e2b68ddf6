import { useEffect, useState } from 'preact/hooks';
import type { MessageClient } from '../lib/messaging/client';
import type { RecordRef } from '../lib/assetpanda/record-ref';
import type { PanelStatus } from '../lib/messaging/protocol';

type Shown = PanelStatus | { state: 'loading' } | { state: 'error'; message: string };

function recordLabel(record: RecordRef): string {
  return record.product === 'pro' ? record.recordId : record.objectId;
}

/**
 * The rule for every button of this panel, now and when device actions arrive: the panel lives in a
 * page the extension does not control, whose scripts can reach into its open shadow root and click.
 * So a button here may only ask the background to open a confirmation on the extension's own origin
 * (an extension page no web page can script); it never causes an action by itself. And it ignores
 * synthetic events: a page script's click() arrives with isTrusted false.
 */
function onTrustedClick(handler: () => void) {
  return (event: MouseEvent) => {
    if (event.isTrusted) handler();
  };
}

/** The panel on an Asset Panda record page. It only ever shows what the background chooses to tell. */
export function IntunePanel({ record, call }: { record: RecordRef; call: MessageClient }) {
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  const id = recordLabel(record);

  useEffect(() => {
    let current = true;
    setShown({ state: 'loading' });
    call('getPanelStatus', { record }).then(
      (status) => current && setShown(status),
      (error: Error) => current && setShown({ state: 'error', message: error.message }),
    );
    return () => {
      current = false;
    };
  }, [id]);

  return (
    <section class="panel" data-testid="intune-panel" data-record-id={id} aria-label="Microsoft Intune">
      <header class="panel__header">
        <span class="panel__title">Microsoft Intune</span>
        <span class="panel__record">Record {id}</span>
      </header>
      <div class="panel__body" aria-live="polite">
        {shown.state === 'loading' && <p>Looking up this device in Intune…</p>}
        {shown.state === 'error' && <p class="panel__error">{shown.message}</p>}
        {shown.state === 'not-connected' && (
          <>
            <p>Connect Microsoft Intune in the extension's options to see this device's live status here.</p>
            <button type="button" onClick={onTrustedClick(() => void call('openOptionsPage', {}))}>
              Open options
            </button>
          </>
        )}
      </div>
    </section>
  );
}
