import { useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { useTask } from '../../components/useTask';
import { callBackground } from '../../lib/browser/messaging';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { fieldLabel } from '../../lib/panel/device-summary';
import { relativeTime } from '../../lib/panel/progress';
import { useArmedAfterFocus } from './useArmedAfterFocus';
import { WipeOptionsForm, type WipeChoice, type WipeDraft } from './WipeOptionsForm';

type View = ResponseOf<'getActionConfirmation'>;
type Outcome = ResponseOf<'runDeviceAction'>;

/** The wipe options as sent: every offered checkbox explicitly, the PIN only when typed. */
function optionsFrom(choices: readonly WipeChoice[], draft: WipeDraft) {
  const options: Record<string, boolean | string> = {};
  for (const choice of choices) {
    const value = draft[choice.key];
    if (choice.kind === 'checkbox') options[choice.key] = value === true;
    else if (typeof value === 'string' && value !== '') options[choice.key] = value;
  }
  return options;
}

/**
 * The confirmation window, on the extension's own origin: everything it names was read by the
 * background from Intune and Asset Panda, so the Asset Panda page can neither change it nor press
 * its button. Confirming asks the background for a one-time token and spends it at once.
 */
export function App({ requestId: initial }: { requestId: string }) {
  const [requestId, setRequestId] = useState(initial);
  const [view, setView] = useState<View>();
  const [typed, setTyped] = useState('');
  const [draft, setDraft] = useState<WipeDraft>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const { busy, failure, setFailure, run } = useTask();
  const armed = useArmedAfterFocus();

  useEffect(() => {
    callBackground('getActionConfirmation', { requestId }).then(setView, (error: Error) => setFailure(error.message));
  }, [requestId]);

  const go = (confirmed: View) =>
    run(`${confirmed.label}…`, async () => {
      const options = optionsFrom(confirmed.wipeChoices, draft);
      const { token } = await callBackground('confirmDeviceAction', { requestId, typedName: typed, options });
      setOutcome(await callBackground('runDeviceAction', { requestId, token, options }));
    });

  const retry = (next: string) => {
    setOutcome(undefined);
    setView(undefined);
    setTyped('');
    setRequestId(next);
  };

  if (!view) {
    return (
      <main class="page confirm" data-testid="confirm-action">
        <h1>Confirm a device action</h1>
        {failure ? <Notice tone="error" testId="confirm-failure">{failure}</Notice> : <p class="muted">Loading…</p>}
      </main>
    );
  }

  const nameMatches = !view.typeToConfirm || typed.trim() === view.device.name.trim();
  const { device, record } = view;
  return (
    <main class="page confirm" data-testid="confirm-action" data-action={view.action} data-kind={view.kind}>
      <h1>
        {view.kind === 'finishDelete' ? `Finish deleting the record “${record.title}”` : `${view.label} “${device.name}”`}
      </h1>
      <p class="muted">Intune Companion for Asset Panda · check the device before you confirm.</p>
      <section class="card" aria-label="Device and record">
        <dl data-testid="confirm-device">
          <dt>{fieldLabel('deviceName')}</dt>
          <dd>{device.name}</dd>
          <dt>{fieldLabel('serialNumber')}</dt>
          <dd>{device.serialNumber ?? '—'}</dd>
          <dt>{fieldLabel('operatingSystem')}</dt>
          <dd>{[device.operatingSystem, device.osVersion].filter(Boolean).join(' ') || '—'}</dd>
          <dt>{fieldLabel('userPrincipalName')}</dt>
          <dd>{device.primaryUser ?? '—'}</dd>
          <dt>{fieldLabel('lastSyncDateTime')}</dt>
          <dd title={device.lastCheckIn ?? undefined}>{device.lastCheckIn ? relativeTime(device.lastCheckIn, Date.now()) : '—'}</dd>
          <dt>{fieldLabel('id')}</dt>
          <dd>{device.id}</dd>
          <dt>Asset Panda record</dt>
          <dd>
            {record.title} ({record.collectionName})
          </dd>
        </dl>
      </section>
      <section class="card" data-testid="confirm-effects">
        <h2>In Intune</h2>
        <p>{view.inIntune}</p>
        <h2>In Asset Panda</h2>
        <p>{view.inAssetPanda}</p>
      </section>
      {outcome ? (
        <OutcomeView outcome={outcome} onRetry={retry} />
      ) : (
        <section class="card">
          {view.wipeChoices.length > 0 && <WipeOptionsForm choices={view.wipeChoices} draft={draft} onChange={setDraft} />}
          {view.typeToConfirm && (
            <TextField
              id="typed-name"
              label={`Type the device name, ${device.name}, to confirm`}
              value={typed}
              onInput={setTyped}
              hint="This cannot be undone from Asset Panda or Intune."
            />
          )}
          {failure && (
            <Notice tone="error" testId="confirm-failure">
              {failure}
            </Notice>
          )}
          <div class="actions">
            <button type="button" class="danger" disabled={!armed || !nameMatches || busy !== undefined} onClick={() => void go(view)}>
              {busy ?? (view.kind === 'finishDelete' ? 'Delete the Asset Panda record' : `${view.label} device`)}
            </button>
            <button type="button" class="secondary" onClick={() => window.close()}>
              Cancel
            </button>
          </div>
        </section>
      )}
    </main>
  );
}

/** What happened. It replaces the form that held the focus, so its heading takes the focus; anything not done is an alert. */
function OutcomeView({ outcome, onRetry }: { outcome: Outcome; onRetry: (requestId: string) => void }) {
  const tone = outcome.outcome === 'sent' ? 'ok' : outcome.outcome === 'partial' ? 'warn' : 'error';
  const heading = { sent: 'Done', failed: 'Not done', partial: 'Half done' }[outcome.outcome];
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <section class="card" data-testid="confirm-outcome" data-outcome={outcome.outcome}>
      <h2 tabIndex={-1} ref={title}>
        {heading}
      </h2>
      <Notice tone={tone} urgent={outcome.outcome !== 'sent'}>
        {outcome.intune} {outcome.assetPanda}
      </Notice>
      {outcome.requestId && <p class="muted">Graph request-id {outcome.requestId} (in the audit on the options page).</p>}
      <div class="actions">
        {outcome.retryRequestId && (
          <button type="button" onClick={() => onRetry(outcome.retryRequestId ?? '')}>
            Retry deleting the Asset Panda record
          </button>
        )}
        <button type="button" class="secondary" onClick={() => window.close()}>
          Close
        </button>
      </div>
    </section>
  );
}
