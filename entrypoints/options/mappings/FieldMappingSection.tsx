import type { Field } from '../../../lib/assetpanda/types';
import { lookupMapping, mapLookup, mapSource, plainMapping, updateEntry } from '../../../lib/mapping/draft';
import { ENTITIES } from '../../../lib/mapping/entities';
import type { MappingDraft } from '../../../lib/mapping/service';
import type { SourceField } from '../../../lib/mapping/sources';
import { transformKinds } from '../../../lib/mapping/transform';
import { TransformEditor } from './TransformEditor';
import type { CollectionFields } from './useCollectionFields';

export interface SectionProps {
  draft: MappingDraft;
  update: (change: (draft: MappingDraft) => MappingDraft) => void;
}

/**
 * The guide's "Mapping" section: every Intune field of its table, each onto a field of the
 * collection that can hold it, with its transform and "never overwrite with an empty value"; then
 * the collection's links to other collections, filled only by looking a value up there.
 */
export function FieldMappingSection({ draft, update, collection }: SectionProps & { collection: CollectionFields }) {
  const { fields, links } = collection;
  const sources = ENTITIES[draft.entity].sources;
  const linkFields = fields.filter((field) => field.reference?.primary);
  const pulled = fields.filter((field) => field.reference && !field.reference.primary);
  return (
    <>
      <table class="checks mapping-table" data-testid="field-mapping">
        <thead>
          <tr>
            <th>Intune field</th>
            <th>Asset Panda field</th>
            <th>Written as</th>
            <th title="When Intune has no value, the Asset Panda value stays as it is.">Never overwrite with an empty value</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <SourceRow key={source.key} source={source} fields={fields} draft={draft} update={update} />
          ))}
        </tbody>
      </table>
      {linkFields.length > 0 && (
        <>
          <h4>Links to other collections</h4>
          <p class="muted">
            These fields hold a record of another collection. A sync never writes text into them: it looks the Intune value up in that collection and
            links the record it finds (none found: the field is left as it is).
          </p>
          <table class="checks" data-testid="lookup-mapping">
            <tbody>
              {linkFields.map((field) => {
                const entry = lookupMapping(draft, field.id);
                const link = links.get(field.id);
                const candidates = sources.filter((source) => transformKinds(source.type, field).includes('lookup'));
                return (
                  <tr key={field.id}>
                    <td>
                      <strong>{field.name}</strong>
                      <div class="muted">
                        Finds a record in {link?.collection ?? 'another collection'} by {link?.field ?? 'a field'}
                      </div>
                    </td>
                    <td>
                      <select aria-label={`Intune field to look up for ${field.name}`} value={entry?.source ?? ''}
                        onChange={(event) => update((current) => mapLookup(current, field, event.currentTarget.value || undefined))}>
                        <option value="">— not filled —</option>
                        {candidates.map((source) => (
                          <option key={source.key} value={source.key}>
                            {source.label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {entry && <KeepWhenEmpty label={field.name} checked={entry.keepWhenEmpty} onChange={(keepWhenEmpty) => update((current) => updateEntry(current, entry, { keepWhenEmpty }))} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {pulled.length > 0 && (
        <p class="muted">Filled by Asset Panda through a link, never by a sync: {pulled.map((field) => field.name).join(', ')}.</p>
      )}
    </>
  );
}

function SourceRow({ source, fields, draft, update }: SectionProps & { source: SourceField; fields: Field[] }) {
  const entry = plainMapping(draft, source.key);
  const current = entry && fields.find((field) => field.id === entry.target.id);
  const choices = fields.filter((field) => !field.reference && transformKinds(source.type, field).length > 0);
  return (
    <tr data-source={source.key}>
      <td>
        <strong>{source.label}</strong>
        <div class="muted small">{source.description}</div>
        <div class="muted small">{source.guidance}</div>
      </td>
      <td>
        <select aria-label={`Asset Panda field for ${source.label}`} value={entry?.target.id ?? ''}
          onChange={(event) => update((draftNow) => mapSource(draftNow, source.key, fields.find((field) => field.id === event.currentTarget.value)))}>
          <option value="">— not mapped —</option>
          {entry && !current && <option value={entry.target.id}>{entry.target.name} (no longer in Asset Panda)</option>}
          {current && !choices.includes(current) && <option value={current.id}>{current.name} (cannot hold this value)</option>}
          {choices.map((field) => (
            <option key={field.id} value={field.id}>
              {field.name} ({field.type})
            </option>
          ))}
        </select>
      </td>
      <td>
        {entry && current && choices.includes(current) && (
          <TransformEditor source={source} field={current} transform={entry.transform} onChange={(transform) => update((draftNow) => updateEntry(draftNow, entry, { transform }))} />
        )}
      </td>
      <td>
        {entry && <KeepWhenEmpty label={source.label} checked={entry.keepWhenEmpty} onChange={(keepWhenEmpty) => update((draftNow) => updateEntry(draftNow, entry, { keepWhenEmpty }))} />}
      </td>
    </tr>
  );
}

function KeepWhenEmpty({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <input type="checkbox" aria-label={`Never overwrite ${label} with an empty value`} checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
  );
}
