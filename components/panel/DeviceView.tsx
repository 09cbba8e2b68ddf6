import { relativeTime } from '../../lib/panel/progress';
import type { DevicePanelStatus } from '../../lib/panel/status';
import { trusted } from './trusted';

type ActionName = DevicePanelStatus['actions'][number]['action'];

interface DeviceActions {
  sync(): void;
  request(action: ActionName): void;
}

/** The matched Intune device: its live state, what is under way, and the actions the admin may start. */
export function DeviceView({ status, act, busy }: { status: DevicePanelStatus; act: DeviceActions; busy: boolean }) {
  const { device } = status;
  const now = Date.now();
  return (
    <div data-testid="panel-device" data-device-id={device.id}>
      <p class="panel__device">
        <strong data-testid="panel-device-name">{device.name}</strong>
        <a href={device.openInIntuneUrl} target="_blank" rel="noopener noreferrer">
          Open in Intune
        </a>
      </p>
      <dl class="panel__facts">
        {device.facts.map((fact) => (
          <div key={fact.label} data-fact={fact.label}>
            <dt>{fact.label}</dt>
            <dd title={fact.at ?? undefined}>{fact.at === null ? fact.text : relativeTime(fact.at, now)}</dd>
          </div>
        ))}
      </dl>
      {device.activity.length > 0 && (
        <section class="panel__activity" aria-label="Actions in Intune" data-testid="panel-activity">
          <ul>
            {device.activity.map((a) => (
              <li key={`${a.action}-${a.startedAt}`} data-state={a.state}>
                {a.action}: <strong>{a.label}</strong> <span class="panel__muted">· started {relativeTime(a.startedAt, now)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="panel__sync">
        <button type="button" class="secondary" disabled={busy} onClick={trusted(() => act.sync())}>
          Sync this record
        </button>
        <span class="panel__muted" data-testid="panel-pending-changes">
          {status.pendingChanges === 0 ? 'Asset Panda matches Intune.' : `${status.pendingChanges} mapped field${status.pendingChanges === 1 ? '' : 's'} differ from Intune.`}
        </span>
      </div>
      <div class="panel__actions" role="group" aria-label="Device actions">
        {status.actions.map((action) =>
          action.available ? (
            <button type="button" key={action.action} class={`action action--${action.action}`} disabled={busy} onClick={trusted(() => act.request(action.action))}>
              {action.label}…
            </button>
          ) : (
            <span key={action.action} class="action-unavailable">
              <button type="button" class="action" aria-disabled="true" title={action.reason} aria-describedby={`why-${action.action}`}>
                {action.label}
              </button>
              <span id={`why-${action.action}`} class="panel__sr-only">
                {action.reason}
              </span>
            </span>
          ),
        )}
      </div>
    </div>
  );
}
