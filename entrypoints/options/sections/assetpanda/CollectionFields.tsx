import { useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '../../../../components/Notice';
import { callBackground } from '../../../../lib/browser/messaging';
import type { AssetPandaField } from '../../../../lib/messaging/assetpanda-messages';

type Named = { id: string; name: string };

/** The connected module's collections and, for the chosen one, its fields as Asset Panda defines them. */
export function CollectionFields() {
  const [collections, setCollections] = useState<Named[]>();
  const [collectionId, setCollectionId] = useState('');
  const [fields, setFields] = useState<AssetPandaField[]>();
  const [failure, setFailure] = useState<string>();
  const chosen = useRef('');

  const choose = (id: string) => {
    chosen.current = id;
    setCollectionId(id);
    setFields(undefined);
    setFailure(undefined);
    callBackground('listAssetPandaFields', { collectionId: id }).then(
      // A slower answer for a collection chosen before must not replace the current one.
      (answer) => chosen.current === id && setFields(answer.fields),
      (error: Error) => chosen.current === id && setFailure(error.message),
    );
  };

  useEffect(() => {
    const load = async () => {
      const answer = await callBackground('listAssetPandaCollections', {});
      setCollections(answer.collections);
      const [first] = answer.collections;
      if (first) choose(first.id);
    };
    load().catch((error: Error) => setFailure(error.message));
  }, []);

  const nameOf = (id: string) => collections?.find((collection) => collection.id === id)?.name ?? 'another collection';

  return (
    <div data-testid="assetpanda-collections">
      <h3>Collections</h3>
      {collections?.length === 0 && <p class="muted">This module has no collections yet. Create one in Asset Panda, then reload this page.</p>}
      {collections && collections.length > 0 && (
        <div class="field">
          <label for="assetpanda-collection">Collection</label>
          <select id="assetpanda-collection" value={collectionId} onChange={(event) => choose(event.currentTarget.value)}>
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {failure && <Notice tone="error">{failure}</Notice>}
      {!collections && !failure && <p class="muted">Loading collections…</p>}
      {fields && (
        <table class="checks" data-testid="assetpanda-fields">
          <thead>
            <tr>
              <th>Field</th>
              <th>Type</th>
              <th>Required</th>
              <th>Unique</th>
              <th>Notes</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.id}>
                <td>{field.name}</td>
                <td>{field.type}</td>
                <td>{field.required ? 'Yes' : 'No'}</td>
                <td>{field.unique ? 'Yes' : 'No'}</td>
                <td class="muted">
                  {field.reference
                    ? field.reference.primary
                      ? `Links to a record in ${nameOf(field.reference.collectionId)}`
                      : `Pulled from ${nameOf(field.reference.collectionId)} (read-only)`
                    : field.options?.join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
