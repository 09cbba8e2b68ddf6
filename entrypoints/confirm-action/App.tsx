import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { useTask } from '../../components/useTask';
import { callBackground } from '../../lib/browser/messaging';
import type { ResponseOf } from '../../lib/messaging/protocol';
import { relativeTime } from '../../lib/panel/progress';
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

  useEffect(() => {
    callBackground('getActionConfirmation', { requestId }).then(setView, (error: Error) => setFailure(error.message));
  }, [requestId]);

  const go = () =>
    run(`${view?.label ?? 'Working'}…`, async () => {
      if (!view) return;
      const options = optionsFrom(view.wipeChoices, draft);
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
          <dt>Intune device</dt>
          <dd>{device.name}</dd>
          <dt>Serial Number</dt>
          <dd>{device.serialNumber ?? '—'}</dd>
          <dt>OS</dt>
          <dd>{[device.operatingSystem, device.osVersion].filter(Boolean).join(' ') || '—'}</dd>
          <dt>Primary user</dt>
          <dd>{device.primaryUser ?? '—'}</dd>
          <dt>Last check-in</dt>
          <dd>{device.lastCheckIn ? relativeTime(device.lastCheckIn, Date.now()) : '—'}</dd>
          <dt>Intune Device ID</dt>
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
            <button type="button" class="danger" disabled={!nameMatches || busy !== undefined} onClick={() => void go()}>
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

function OutcomeView({ outcome, onRetry }: { outcome: Outcome; onRetry: (requestId: string) => void }) {
  const tone = outcome.outcome === 'sent' ? 'ok' : outcome.outcome === 'partial' ? 'warn' : 'error';
  const heading = { sent: 'Done', failed: 'Not done', partial: 'Half done' }[outcome.outcome];
  return (
    <section class="card" data-testid="confirm-outcome" data-outcome={outcome.outcome}>
      <Notice tone={tone}>
        <strong>{heading}.</strong> {outcome.intune} {outcome.assetPanda}
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
