import type { Field } from '../../../lib/assetpanda/types';
import { moveMatchKey, plainMapping } from '../../../lib/mapping/draft';
import { ENTITIES, sourceField } from '../../../lib/mapping/entities';
import type { IdentifierAdvice, SourceField } from '../../../lib/mapping/sources';
import { GUIDE_FORBIDDEN_KEYS } from '../../../lib/mapping/sources';
import type { SectionProps } from './FieldMappingSection';

const ADVICE: Record<IdentifierAdvice, { label: string; tone: string }> = {
  recommended: { label: 'Recommended', tone: 'granted' },
  usable: { label: 'Usable if reliably filled and unique', tone: 'needs-admin-consent' },
  'not-suitable': { label: 'Not suitable', tone: 'missing' },
};

const suitable = (source: SourceField) => source.identifier !== 'not-suitable' && !GUIDE_FORBIDDEN_KEYS.has(source.key);

function Advice({ source }: { source: SourceField }) {
  const advice = ADVICE[suitable(source) ? source.identifier : 'not-suitable'];
  return <span class={`pill pill--${advice.tone}`}>{advice.label}</span>;
}

/**
 * The Unique Identifier: the Intune fields that find a device's record, tried in order (the guide:
 * Intune Device ID, then Serial Number), with the guide's advice beside every candidate.
 */
export function UniqueIdentifierSection({ draft, update, fields }: SectionProps & { fields: Field[] | undefined }) {
  const keys = draft.matchKeys;
  const setKeys = (next: string[]) => update((current) => ({ ...current, matchKeys: next }));
  return (
    <div data-testid="unique-identifier">
      <p class="muted">
        A device updates the record whose field holds the same value, instead of creating a new one. Use Intune Device ID for most environments;
        Serial Number when your organization tracks it as a unique field in Asset Panda and it is reliably filled. Each is tried in this order.
      </p>
      {keys.length === 0 && <p>No Unique Identifier yet: add one below.</p>}
      <ol class="match-keys">
        {keys.map((key, index) => {
          const source = sourceField(draft.entity, key);
          const target = plainMapping(draft, key);
          const field = target && fields?.find((candidate) => candidate.id === target.target.id);
          return (
            <li key={key} data-testid="match-key">
              <strong>{source?.label ?? key}</strong> {source && <Advice source={source} />}{' '}
              <span class="muted">
                {target ? `→ ${target.target.name}` : 'not mapped onto an Asset Panda field yet'}
                {field && !field.unique && ' (not marked unique in Asset Panda)'}
              </span>{' '}
              <button type="button" class="secondary small" aria-label={`Move ${source?.label ?? key} up`} disabled={index === 0} onClick={() => setKeys(moveMatchKey(keys, key, -1))}>
                ↑
              </button>{' '}
              <button type="button" class="secondary small" aria-label={`Move ${source?.label ?? key} down`} disabled={index === keys.length - 1} onClick={() => setKeys(moveMatchKey(keys, key, 1))}>
                ↓
              </button>{' '}
              <button type="button" class="secondary small" aria-label={`Remove ${source?.label ?? key} from the Unique Identifier`} onClick={() => setKeys(keys.filter((other) => other !== key))}>
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <details>
        <summary>Add a field to the Unique Identifier (the guide’s advice for every Intune field)</summary>
        <table class="checks">
          <tbody>
            {ENTITIES[draft.entity].sources.map((source) => (
              <tr key={source.key} data-testid="identifier-candidate">
                <td>{source.label}</td>
                <td>
                  <Advice source={source} />
                </td>
                <td class="muted">{source.guidance}</td>
                <td>
                  {suitable(source) ? (
                    <button type="button" class="secondary small" aria-label={`Add ${source.label} to the Unique Identifier`} disabled={keys.includes(source.key)} onClick={() => setKeys([...keys, source.key])}>
                      {keys.includes(source.key) ? 'Added' : 'Add'}
                    </button>
                  ) : (
                    <span class="muted">Cannot be a Unique Identifier</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
