import { useEffect, useState } from 'preact/hooks';
import { ExportCsvButton } from '../../../components/ExportCsvButton';
import { Notice } from '../../../components/Notice';
import { UnreadableNotice } from '../../../components/UnreadableNotice';
import { useTask } from '../../../components/useTask';
import { outcomeText, optionsText } from '../../../lib/actions/audit-csv';
import { ACTIONS } from '../../../lib/actions/catalog';
import { callBackground } from '../../../lib/browser/messaging';
import type { ResponseOf } from '../../../lib/messaging/protocol';

type Audit = ResponseOf<'listAuditEntries'>;

/** Audit: every device action taken from a record page, newest first, exportable as CSV. */
export function AuditPart() {
  const [audit, setAudit] = useState<Audit>();
  const { busy, failure, run } = useTask();

  useEffect(() => {
    void run('Loading…', async () => setAudit(await callBackground('listAuditEntries', {})));
  }, []);

  return (
    <section class="card" data-testid="audit-part">
      <h2>Audit</h2>
      <p class="muted">
        Every Retire, Wipe, Delete, Remote lock and Sync device started from an Asset Panda record: who, when, on which device and record, and what
        Intune and Asset Panda answered. Give Microsoft support the Graph request-id of an action.
      </p>
      {failure && <Notice tone="error">{failure}</Notice>}
      {audit && <UnreadableNotice count={audit.unreadable} what="audit entries" />}
      {audit && audit.entries.length === 0 && <p data-testid="audit-empty">No device actions yet.</p>}
      {audit && audit.entries.length > 0 && (
        <>
          <table class="checks" data-testid="audit-entries">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Device</th>
                <th scope="col">Record</th>
                <th scope="col">Result</th>
                <th scope="col">Graph request-id</th>
              </tr>
            </thead>
            <tbody>
              {audit.entries.map((entry) => (
                <tr key={entry.id} data-action={entry.action} data-outcome={entry.outcome}>
                  <td>{new Date(entry.at).toLocaleString()}</td>
                  <td>{entry.actor.username}</td>
                  <td>
                    {ACTIONS[entry.action].label}
                    {Object.keys(entry.options).length > 0 && <div class="muted">{optionsText(entry.options)}</div>}
                  </td>
                  <td>
                    {entry.device.name}
                    <div class="muted">{entry.device.serialNumber ?? entry.device.id}</div>
                  </td>
                  <td>
                    {entry.record.title}
                    <div class="muted">{entry.record.collectionName}</div>
                  </td>
                  <td>
                    {outcomeText(entry)}
                    <div class="muted">
                      {entry.intune.message} {entry.assetPanda.message}
                    </div>
                  </td>
                  <td>
                    <code>{entry.intune.requestId ?? '—'}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="actions">
            <ExportCsvButton run={run} csv={() => callBackground('exportAuditCsv', {})} disabled={busy !== undefined} />
          </div>
        </>
      )}
    </section>
  );
}
