import type { JSX } from 'preact';
import { relativeTime } from '../../lib/panel/progress';
import type { PanelStatus } from '../../lib/panel/status';
import { trusted } from './trusted';

type Status = Exclude<PanelStatus, { state: 'device' }>;

interface StateActions {
  /** The options page at the connections, or at the mapping of this record's collection. */
  openOptions(part: 'connections' | 'mapping'): void;
  signIn(): void;
  retry(): void;
  choose(deviceId: string): void;
  finishDelete(): void;
}

const Button = ({ onClick, children, kind }: { onClick: () => void; children: string; kind?: 'secondary' }) => (
  <button type="button" class={kind} onClick={trusted(() => onClick())}>
    {children}
  </button>
);

/** Every state of the panel but a matched device: what is wrong, and the one thing to do about it. */
export function StateView({ status, act }: { status: Status; act: StateActions }): JSX.Element {
  switch (status.state) {
    case 'not-connected':
      return (
        <>
          <p>Connect Microsoft Intune in the extension's options to see this device's live status here.</p>
          <Button onClick={() => act.openOptions('connections')}>Open options</Button>
        </>
      );
    case 'signed-out':
      return (
        <>
          <p>
            You are signed out of Microsoft Intune. Sign in as <strong>{status.account}</strong> to see this device.
          </p>
          {status.problem && <p class="panel__muted">{status.problem}</p>}
          <Button onClick={act.signIn}>Sign in</Button>
        </>
      );
    case 'assetpanda-not-connected':
      return (
        <>
          <p>Connect Asset Panda (an API key) in the extension's options, so the panel can read this record.</p>
          <Button onClick={() => act.openOptions('connections')}>Open options</Button>
        </>
      );
    case 'classic':
      return <p>This is an Asset Panda Classic record. The Intune panel works with Asset Panda Pro collections that have a mapping.</p>;
    case 'no-mapping':
      return (
        <>
          <p>
            No mapping links the collection <strong>{status.collectionName}</strong> to Intune. Create one under Mappings in the extension's
            options to see this record's device here.
          </p>
          <Button onClick={() => act.openOptions('mapping')}>Open Mappings</Button>
        </>
      );
    case 'record-not-found':
      return (
        <p>
          Asset Panda has no record {status.recordId} in {status.collectionName}. It may have been deleted; reload the page.
        </p>
      );
    case 'no-device':
      return (
        <>
          <p>
            No Intune device matches <strong>{status.recordTitle}</strong>.
          </p>
          {status.tried.length > 0 ? (
            <p class="panel__muted">Looked for {status.tried.map((t) => `${t.label} ${t.value}`).join(', then ')}.</p>
          ) : (
            <p class="panel__muted">The record holds no usable value in the mapping's Unique Identifier fields.</p>
          )}
          <p>
            Check the record's {status.tried.length > 0 ? status.tried.map((t) => t.label).join(' and ') : 'Intune Device ID and Serial Number'} against the
            device in Intune, or the mapping's Unique Identifier.
          </p>
          <Button onClick={() => act.openOptions('mapping')}>Open the mapping</Button>
        </>
      );
    case 'several-devices':
      return (
        <>
          <p>
            {status.devices.length} Intune devices share the {status.matchedBy} of <strong>{status.recordTitle}</strong>. Choose the one this record is:
          </p>
          <ul class="panel__choices" aria-label="Matching devices">
            {status.devices.map((device, index) => (
              <li key={device.id}>
                {/* Re-enrolled duplicates share a name: what tells them apart is part of each button's description. */}
                <button
                  type="button"
                  class="secondary"
                  onClick={trusted(() => act.choose(device.id))}
                  data-device-id={device.id}
                  aria-describedby={`device-choice-${index}`}
                >
                  {device.name}
                </button>
                <span class="panel__muted" id={`device-choice-${index}`}>
                  {[device.operatingSystem, device.primaryUser, `last successful sync ${relativeTime(device.lastCheckIn, Date.now())}`].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      );
    case 'unreachable':
      return (
        <>
          <p role="alert">{status.message}</p>
          <Button onClick={act.retry}>Try again</Button>
        </>
      );
    case 'delete-unfinished':
      return (
        <>
          <p role="alert">
            <strong>Half done:</strong> Intune deleted {status.deviceName}, but this record is still in Asset Panda. {status.message}
          </p>
          <Button onClick={act.finishDelete}>Finish the delete…</Button>
        </>
      );
  }
}
