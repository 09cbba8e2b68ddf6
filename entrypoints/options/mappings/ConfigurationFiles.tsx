import { useState } from 'preact/hooks';
import { Notice } from '../../../components/Notice';
import { saveFile } from '../../../components/save-file';
import { useTask } from '../../../components/useTask';
import { callBackground } from '../../../lib/browser/messaging';
import type { ResponseOf } from '../../../lib/messaging/protocol';
import { fillConnectionForms } from '../connection-prefill';

type Outcome = ResponseOf<'importConfiguration'> & { fileName: string };

/** Export and import of the whole configuration: connections without secrets, and every mapping. */
export function ConfigurationFiles({ onImported }: { onImported: () => void }) {
  const [exported, setExported] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const { busy, failure, run } = useTask();

  const exportAll = () =>
    run('Exporting…', async () => {
      setOutcome(undefined);
      const file = await callBackground('exportConfiguration', {});
      saveFile({ fileName: file.fileName, text: file.json });
      setExported(
        `Saved ${file.fileName}: the connections (never a secret or token) and the mappings.` +
          (file.leftOut > 0 ? ` ${file.leftOut} stored mapping(s) could not be read and were left out.` : ''),
      );
    });

  const importFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    void run(`Importing ${file.name}…`, async () => {
      setExported(undefined);
      setOutcome(undefined);
      const answer = await callBackground('importConfiguration', { text: await file.text() });
      setOutcome({ ...answer, fileName: file.name });
      if (answer.imported) onImported();
    });
  };

  const hasConnections = outcome && (outcome.connections.intune || outcome.connections.assetPanda);

  return (
    <div data-testid="configuration-files">
      <h3>Configuration file</h3>
      <p class="muted">
        Export saves the connections (without any secret or token) and every mapping as one JSON file, to keep or to set up another browser. Import
        checks each mapping against the connected Asset Panda first and changes nothing unless the whole file is right; its connections only fill in
        the connection forms, where you enter the secret and run Test and Save Connection.
      </p>
      <div class="actions">
        <button type="button" class="secondary" disabled={busy !== undefined} onClick={() => void exportAll()}>
          Export configuration
        </button>
        <label class="button secondary file-button">
          Import configuration
          <input type="file" accept="application/json,.json" disabled={busy !== undefined} onChange={(event) => importFile(event.currentTarget)} />
        </label>
        {busy && <span class="muted" role="status">{busy}</span>}
      </div>
      {failure && <Notice tone="error">{failure}</Notice>}
      {exported && <Notice tone="ok">{exported}</Notice>}
      {outcome && (
        <div data-testid="import-outcome" data-file={outcome.fileName} data-imported={String(outcome.imported)}>
          {outcome.imported ? (
            <Notice tone="ok">
              Imported {outcome.mappingNames.length === 0 ? 'no mappings' : outcome.mappingNames.map((name) => `“${name}”`).join(', ')}.
            </Notice>
          ) : (
            <Notice tone="error">
              The file was not imported, and nothing changed:
              <ul>
                {outcome.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </Notice>
          )}
          {hasConnections && (
            <p>
              The file also holds connection settings.{' '}
              <button type="button" class="secondary" onClick={() => fillConnectionForms(outcome.connections)}>
                Fill in the connection forms
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
