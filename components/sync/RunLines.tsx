import { useEffect, useMemo, useState } from 'preact/hooks';
import { ExportCsvButton } from '../ExportCsvButton';
import { Notice } from '../Notice';
import { TextField } from '../TextField';
import { useTask } from '../useTask';
import { callBackground } from '../../lib/browser/messaging';
import type { FieldNames, LineFilter } from '../../lib/runs/report-lines';
import { changesOf, deviceText, devicesOf, LINE_KINDS, LINE_LABELS, lineKind, reasonOf, recordsOf, recordText, resultText } from '../../lib/runs/report-lines';
import type { ResponseOf } from '../../lib/messaging/protocol';

type Lines = ResponseOf<'getSyncLines'>;
type Line = Lines['lines'][number];

const PAGE = 50;

/**
 * A run's report, line by line: what it plans (or planned) for each device and record, with each
 * field's before → after; filtered by kind or to the failed writes, searched, and saved as CSV.
 */
export function RunLines(props: {
  runId: string;
  /** A preview lists the records already up to date and writes nothing; a sync only counts them, and writes. */
  mode: 'preview' | 'sync';
  initialFilter?: LineFilter;
  refreshKey?: unknown;
}) {
  const [filter, setFilter] = useState<LineFilter>(props.initialFilter ?? 'all');
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [lines, setLines] = useState<Lines>();
  const { busy, failure, run } = useTask();
  const fieldNames: FieldNames = useMemo(() => new Map(Object.entries(lines?.fieldNames ?? {})), [lines]);

  useEffect(() => {
    void run('Loading…', async () => setLines(await callBackground('getSyncLines', { runId: props.runId, filter, search, offset: 0, limit: shown })));
  }, [props.runId, filter, search, shown, props.refreshKey]);

  const choose = (next: LineFilter) => {
    setFilter(next);
    setShown(PAGE);
  };

  const preview = props.mode === 'preview';
  const filters: Array<[LineFilter, string, number | undefined]> = [
    ['all', 'All', undefined],
    ...LINE_KINDS.filter((kind) => preview || kind !== 'unchanged').map((kind): [LineFilter, string, number | undefined] => [kind, LINE_LABELS[kind], lines?.counts[kind]]),
    ...(preview ? [] : [['failed', 'Failed', lines?.counts.failed] as [LineFilter, string, number | undefined]]),
  ];

  return (
    <div class="run-lines" data-testid="sync-lines">
      {failure && <Notice tone="error">{failure}</Notice>}
      {lines && !lines.planned && <p class="muted">This run stopped before it had a plan: there are no lines to show.</p>}
      <div class="run-lines__filters" role="group" aria-label="Show lines">
        {filters.map(([value, label, count]) => (
          <button key={value} type="button" class={filter === value ? '' : 'secondary'} aria-pressed={filter === value} onClick={() => choose(value)}>
            {label}
            {count === undefined ? '' : ` (${count})`}
          </button>
        ))}
      </div>
      <TextField
        id="sync-lines-search"
        label="Search"
        type="search"
        value={search}
        placeholder="Device name, serial number, record, field or value"
        onInput={(value) => {
          setSearch(value);
          setShown(PAGE);
        }}
      />
      {lines && (
        <p class="muted" data-testid="sync-lines-total">
          {lines.total} line{lines.total === 1 ? '' : 's'}
          {busy ? ' · loading…' : ''}
        </p>
      )}
      {lines && lines.lines.length > 0 && (
        <table class="checks run-lines__table" data-testid="sync-lines-table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Device</th>
              <th scope="col">Record</th>
              <th scope="col">Before → after</th>
              {!preview && <th scope="col">Result</th>}
            </tr>
          </thead>
          <tbody>
            {lines.lines.map((line) => (
              <LineRow key={line.index} line={line} fieldNames={fieldNames} preview={preview} />
            ))}
          </tbody>
        </table>
      )}
      <div class="actions">
        {lines && lines.total > lines.lines.length && (
          <button type="button" class="secondary" disabled={busy !== undefined} onClick={() => setShown(shown + PAGE)}>
            Show {Math.min(PAGE, lines.total - lines.lines.length)} more
          </button>
        )}
        <ExportCsvButton
          run={run}
          csv={() => callBackground('exportSyncReportCsv', { runId: props.runId, filter, search })}
          disabled={busy !== undefined || !lines || lines.total === 0}
        />
      </div>
    </div>
  );
}

function LineRow({ line, fieldNames, preview }: { line: Line; fieldNames: FieldNames; preview: boolean }) {
  const { entry, state } = line;
  const kind = lineKind(entry);
  const devices = devicesOf(entry);
  const records = recordsOf(entry);
  const changes = changesOf(entry, fieldNames);
  const reason = reasonOf({ index: line.index, entry, state });
  return (
    <tr data-testid="sync-line" data-kind={kind} data-result={state?.status ?? 'report'}>
      <td>
        <span class={`pill pill--${kind}`}>{LINE_LABELS[kind]}</span>
      </td>
      <td>
        {devices.map((device) => (
          <div key={device.id}>
            {deviceText(device)}
            <div class="muted">{device.serialNumber ?? device.id}</div>
          </div>
        ))}
      </td>
      <td>
        {records.map((record) => (
          <div key={record.id}>{recordText(record)}</div>
        ))}
        {records.length === 0 && state?.recordId && <div>{state.recordId}</div>}
        {records.length === 0 && !state?.recordId && entry.kind === 'create' && <span class="muted">New record</span>}
      </td>
      <td>
        {changes.length > 0 && (
          <ul class="run-lines__changes">
            {changes.map((change) => (
              <li key={change.fieldName}>
                <strong>{change.fieldName}</strong>: <del>{change.before}</del> → <ins>{change.after}</ins>
              </li>
            ))}
          </ul>
        )}
        {reason && <div class={changes.length > 0 ? 'muted' : ''}>{reason}</div>}
      </td>
      {!preview && <td>{resultText(state) || '—'}</td>}
    </tr>
  );
}
