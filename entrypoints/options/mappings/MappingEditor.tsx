import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../../../components/Notice';
import { TextField } from '../../../components/TextField';
import { useTask } from '../../../components/useTask';
import type { Named } from '../../../lib/assetpanda/types';
import { callBackground } from '../../../lib/browser/messaging';
import { checkMapping } from '../../../lib/mapping/check';
import { newDraft, retarget } from '../../../lib/mapping/draft';
import { ENTITIES, EntitySchema } from '../../../lib/mapping/entities';
import type { Mapping } from '../../../lib/mapping/schema';
import type { MappingDraft } from '../../../lib/mapping/service';
import { suggestMapping } from '../../../lib/mapping/suggest';
import type { MappingProblemView } from '../../../lib/messaging/mapping-messages';
import { routeHash, useConfirmLeaving } from '../route';
import { POLICY_NOTE } from '../usePolicy';
import { BehaviourSection } from './BehaviourSection';
import { FieldMappingSection } from './FieldMappingSection';
import { FiltersSection } from './FiltersSection';
import { ProblemList } from './ProblemList';
import { UniqueIdentifierSection } from './UniqueIdentifierSection';
import { useCollectionFields } from './useCollectionFields';

const toDraft = ({ createdAt: _created, updatedAt: _updated, ...draft }: Mapping): MappingDraft => draft;
/** The draft as the check reads it: a mapping whose id and dates do not matter yet. */
const asMapping = (draft: MappingDraft): Mapping => ({ id: draft.id ?? 'new', createdAt: '', updatedAt: '', ...draft });
const LEAVE_UNSAVED = 'This mapping has changes that are not saved. Leave without saving them?';

/** The mapping editor, in the words of Asset Panda's guide; `id` undefined for a new mapping. */
export function MappingEditor({ id }: { id: string | undefined }) {
  const [draft, setDraft] = useState<MappingDraft>();
  /** The draft as last opened or saved: leaving with anything else asks first. */
  const [kept, setKept] = useState<MappingDraft>();
  const [saved, setSaved] = useState<{ problems: MappingProblemView[]; managed: boolean }>({ problems: [], managed: false });
  const [collections, setCollections] = useState<Named[]>();
  const [collectionsFailure, setCollectionsFailure] = useState<string>();
  const [note, setNote] = useState<string>();
  const { busy, failure, setFailure, run } = useTask();
  const { loaded, failure: fieldsFailure, load } = useCollectionFields(draft?.collection.id ?? '', collections);
  useConfirmLeaving(!saved.managed && JSON.stringify(draft) !== JSON.stringify(kept), LEAVE_UNSAVED);

  const show = (opened: MappingDraft) => {
    setDraft(opened);
    setKept(opened);
  };

  useEffect(() => {
    callBackground('listAssetPandaCollections', {}).then(
      (answer) => setCollections(answer.collections),
      (error: Error) => {
        setCollections([]);
        setCollectionsFailure(error.message);
      },
    );
    if (id === undefined) {
      show(newDraft());
      return;
    }
    const open = async () => {
      const answer = await callBackground('getMapping', { id });
      show(toDraft(answer.mapping));
      setSaved({ problems: answer.problems, managed: answer.managed });
    };
    open().catch((error: Error) => setFailure(error.message));
  }, [id]);

  if (!draft) {
    return (
      <section class="card" data-testid="mapping-editor">
        <a href={routeHash('mappings')}>← Mappings</a>
        {failure ? <Notice tone="error">{failure}</Notice> : <p class="muted">Loading the mapping…</p>}
      </section>
    );
  }

  const update = (change: (current: MappingDraft) => MappingDraft) => {
    setDraft((current) => current && change(current));
    setNote(undefined);
  };
  const readOnly = saved.managed;
  const listed = collections?.some((collection) => collection.id === draft.collection.id) ?? true;
  // Checked as it is edited against the fields as they are now; until they load, what the background found.
  const problems = loaded ? checkMapping(asMapping(draft), loaded.fields) : draft.id ? saved.problems : [];

  const chooseCollection = (collectionId: string) => {
    const collection = collections?.find((candidate) => candidate.id === collectionId);
    if (!collection) return;
    void run('Reading the collection’s fields…', async () => {
      const fields = await load(collection.id);
      update((current) => retarget(current, collection, fields));
    });
  };

  /** Another entity has other Intune fields: its field mappings go, once the admin agrees. */
  const chooseEntity = (select: HTMLSelectElement) => {
    if (select.value === draft.entity) return;
    const entity = EntitySchema.parse(select.value);
    const mapped = draft.fields.length;
    const [from, to] = [ENTITIES[draft.entity].label, ENTITIES[entity].label];
    const question = `Changing the External entity to ${to} removes the ${mapped === 1 ? 'field mapping' : `${mapped} field mappings`} made for ${from}: ${to} has other Intune fields. Change it?`;
    if (mapped > 0 && !window.confirm(question)) {
      select.value = draft.entity;
      return;
    }
    update((current) => ({ ...current, entity, fields: [] }));
  };

  const suggest = () => {
    if (!loaded) return;
    const lookupKeys = new Map([...loaded.links].map(([fieldId, link]) => [fieldId, link.field]));
    const before = draft.fields.length;
    const suggestion = suggestMapping({ entity: draft.entity, fields: loaded.fields, lookupKeys, current: draft.fields });
    update((current) => ({ ...current, fields: suggestion.fields, matchKeys: current.matchKeys.length > 0 ? current.matchKeys : suggestion.matchKeys }));
    const added = suggestion.fields.length - before;
    setNote(added > 0 ? `Suggested ${added} field${added === 1 ? '' : 's'} from their names and types: review each one below, then Save.` : 'No more fields to suggest: the remaining ones have no matching name.');
  };

  const save = (event: Event) => {
    event.preventDefault();
    void run('Checking against Asset Panda and saving…', async () => {
      const answer = await callBackground('saveMapping', { mapping: draft });
      setSaved({ problems: answer.problems, managed: answer.managed });
      if (!answer.saved) throw new Error('Not saved: the mapping does not fit its collection as Asset Panda has it now. See what to fix below.');
      show(toDraft(answer.mapping));
      // The address names the saved mapping, so a reload opens it; no new route, no reload of the editor.
      if (id === undefined) history.replaceState(null, '', routeHash('mappings', answer.mapping.id));
      setNote(`Saved “${answer.mapping.name}”.`);
    });
  };

  return (
    <section class="card mapping-editor" data-testid="mapping-editor" aria-labelledby="mapping-heading">
      <a href={routeHash('mappings')}>← Mappings</a>
      <h2 id="mapping-heading">{draft.id ? draft.name || 'Mapping' : 'New mapping'}</h2>
      {readOnly && <Notice tone="info" testId="policy-note">{POLICY_NOTE}</Notice>}
      {collectionsFailure && (
        <Notice tone="error">
          The Asset Panda collections could not be listed: {collectionsFailure} <a href={routeHash('connections')}>Connections</a>
        </Notice>
      )}
      <form onSubmit={save} noValidate>
        <fieldset class="plain" disabled={readOnly}>
          <TextField id="mapping-name" label="Mapping Name" value={draft.name} onInput={(name) => update((current) => ({ ...current, name }))}
            hint="A name you will recognise in the Sync page and the record panel, e.g. “Intune laptops”." />
          <div class="field">
            <label for="mapping-collection">Collection</label>
            <select id="mapping-collection" value={draft.collection.id} onChange={(event) => chooseCollection(event.currentTarget.value)}>
              {!draft.collection.id && <option value="">Choose the Asset Panda collection…</option>}
              {draft.collection.id && !listed && <option value={draft.collection.id}>{draft.collection.name} (no longer in Asset Panda)</option>}
              {collections?.map((collection) => (
                <option key={collection.id} value={collection.id}>
                  {collection.name}
                </option>
              ))}
            </select>
            {draft.collection.id && !listed && collections && collections.length > 0 && (
              <p class="field__error" data-testid="collection-gone">
                “{draft.collection.name}” is not in the connected Asset Panda module any more. Pick another collection: fields of the same name carry over.
              </p>
            )}
            <p class="field__hint">The Asset Panda collection that receives the data.</p>
          </div>
          <div class="field">
            <label for="mapping-entity">External entity</label>
            <select id="mapping-entity" value={draft.entity} onChange={(event) => chooseEntity(event.currentTarget)}>
              {Object.entries(ENTITIES).map(([key, entity]) => (
                <option key={key} value={key}>
                  {entity.label}
                </option>
              ))}
            </select>
            <p class="field__hint">{ENTITIES[draft.entity].description}</p>
          </div>

          <h3>Mapping</h3>
          {fieldsFailure && <Notice tone="error">The fields of {draft.collection.name} could not be read: {fieldsFailure}</Notice>}
          {!draft.collection.id && <p class="muted">Choose a collection to map Intune fields onto its fields.</p>}
          {draft.collection.id && listed && !loaded && !fieldsFailure && <p class="muted">Reading the fields of {draft.collection.name}…</p>}
          {loaded && (
            <>
              <div class="actions">
                <button type="button" class="secondary" onClick={suggest}>
                  Suggest mapping
                </button>
                <span class="muted">Proposes fields from their names and types; nothing is saved until you Save.</span>
              </div>
              <FieldMappingSection draft={draft} update={update} collection={loaded} />
            </>
          )}

          <h3>Unique Identifier</h3>
          <UniqueIdentifierSection draft={draft} update={update} fields={loaded?.fields} />

          <h3>Filters</h3>
          <FiltersSection draft={draft} update={update} />

          <h3>When syncing</h3>
          {loaded ? <BehaviourSection draft={draft} update={update} fields={loaded.fields} /> : <p class="muted">Choose a collection first.</p>}
        </fieldset>

        <ProblemList problems={problems} />
        {note && <Notice tone="ok" testId="mapping-note">{note}</Notice>}
        {failure && <Notice tone="error" testId="mapping-failure">{failure}</Notice>}
        <div class="actions">
          {!readOnly && (
            <button type="submit" disabled={busy !== undefined || !draft.collection.id}>
              Save
            </button>
          )}
          <a href={routeHash('mappings')}>Back to the list</a>
          {busy && <span class="muted" role="status">{busy}</span>}
        </div>
      </form>
    </section>
  );
}
