import { useState } from 'preact/hooks';
import type { Field } from '../../../lib/assetpanda/types';
import type { SourceField } from '../../../lib/mapping/sources';
import { proposedTransform } from '../../../lib/mapping/suggest';
import { humanize, transformKinds } from '../../../lib/mapping/transform';
import { DateFormatSchema, type Transform, type TransformKind } from '../../../lib/mapping/transform-schema';

const KIND_NAMES: Record<TransformKind, string> = {
  asIs: 'As is',
  date: 'Date',
  bytesToGB: 'Bytes → GB',
  yesNo: 'Yes / No',
  labels: 'As the field’s values',
  lookup: 'Look up',
};

/** How an Intune value is written into the field, where their types differ: the choice, and its settings. */
export function TransformEditor(props: { source: SourceField; field: Field; transform: Transform; onChange: (transform: Transform) => void }) {
  const { source, field, transform, onChange } = props;
  const kinds = transformKinds(source.type, field);
  const label = `How ${source.label} is written`;
  return (
    <div class="transform">
      {kinds.length > 1 ? (
        <select aria-label={label} value={transform.kind}
          onChange={(event) => onChange(event.currentTarget.value === transform.kind ? transform : proposedKind(source, field, event.currentTarget.value as TransformKind))}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_NAMES[kind]}
            </option>
          ))}
        </select>
      ) : (
        <span class="muted">{KIND_NAMES[transform.kind]}</span>
      )}
      {transform.kind === 'date' && field.type !== 'date' && (
        <select aria-label={`Date format for ${source.label}`} value={transform.format} onChange={(event) => onChange({ kind: 'date', format: DateFormatSchema.parse(event.currentTarget.value) })}>
          {DateFormatSchema.options.map((format) => (
            <option key={format} value={format}>
              {format}
            </option>
          ))}
        </select>
      )}
      {transform.kind === 'labels' && <LabelsEditor source={source} field={field} labels={transform.labels} onChange={(labels) => onChange({ kind: 'labels', labels })} />}
    </div>
  );
}

function proposedKind(source: SourceField, field: Field, kind: TransformKind): Transform {
  const proposed = proposedTransform(source, field);
  if (proposed.kind === kind) return proposed;
  if (kind === 'date') return { kind, format: 'YYYY-MM-DD' };
  if (kind === 'labels') return { kind, labels: {} };
  return { kind } as Transform;
}

/**
 * Each Intune value onto one of the field's own values (compliance → status values). An enum lists
 * the values Intune documents; for other Intune fields the admin adds the values to translate.
 */
function LabelsEditor(props: { source: SourceField; field: Field; labels: Record<string, string>; onChange: (labels: Record<string, string>) => void }) {
  const { source, field, labels, onChange } = props;
  const [added, setAdded] = useState('');
  const values = [...new Set([...(source.members ?? []), ...Object.keys(labels)])];
  const mapped = values.filter((value) => labels[value]).length;
  const set = (value: string, label: string) => {
    const next = { ...labels };
    if (label) next[value] = label;
    else delete next[value];
    onChange(next);
  };
  return (
    <details class="labels">
      <summary>
        {mapped} of {values.length} Intune values named
      </summary>
      <table>
        <tbody>
          {values.map((value) => (
            <tr key={value}>
              <td>{humanize(value)}</td>
              <td>
                {field.options ? (
                  <select aria-label={`${field.name} for ${source.label} ${humanize(value)}`} value={labels[value] ?? ''} onChange={(event) => set(value, event.currentTarget.value)}>
                    <option value="">— leave empty —</option>
                    {field.options.map((option) => (
                      <option key={option} value={option}>
                        {option}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input aria-label={`${field.name} for ${source.label} ${humanize(value)}`} value={labels[value] ?? ''} onInput={(event) => set(value, event.currentTarget.value)} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!source.members && (
        <div class="inline">
          <input aria-label={`Another ${source.label} value`} placeholder={`A ${source.label} value`} value={added} onInput={(event) => setAdded(event.currentTarget.value)} />
          <button type="button" class="secondary" disabled={!added.trim()} onClick={() => {
            set(added.trim(), field.options?.[0] ?? added.trim());
            setAdded('');
          }}>
            Add
          </button>
        </div>
      )}
    </details>
  );
}
