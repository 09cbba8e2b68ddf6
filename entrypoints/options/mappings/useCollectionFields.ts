import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Field, Named } from '../../../lib/assetpanda/types';
import { callBackground } from '../../../lib/browser/messaging';

/** Where a link field finds its record: the linked collection and the field it matches by. */
interface LinkTarget {
  collection: string;
  field: string;
}

export interface CollectionFields {
  collectionId: string;
  fields: Field[];
  /** For each field that links to another collection (by field id). */
  links: Map<string, LinkTarget>;
}

/**
 * The fields of the mapping's collection as Asset Panda lists them now, with where each link field
 * finds its record; reloaded when the collection changes. `load` reads another collection's fields
 * (cached for the page), e.g. before moving a mapping onto it.
 */
export function useCollectionFields(collectionId: string, collections: Named[] | undefined) {
  const cache = useRef(new Map<string, Promise<Field[]>>());
  const [loaded, setLoaded] = useState<CollectionFields>();
  const [failure, setFailure] = useState<string>();

  const load = useCallback((id: string): Promise<Field[]> => {
    const cached = cache.current.get(id) ?? callBackground('listAssetPandaFields', { collectionId: id }).then((answer) => answer.fields);
    cache.current.set(id, cached);
    cached.catch(() => cache.current.delete(id));
    return cached;
  }, []);

  useEffect(() => {
    setLoaded(undefined);
    setFailure(undefined);
    // A collection no longer listed has no fields to read: the mapping's problems say so.
    if (!collectionId || !collections?.some((collection) => collection.id === collectionId)) return;
    let current = true;
    const describe = async () => {
      const fields = await load(collectionId);
      const links = new Map<string, LinkTarget>();
      for (const field of fields) {
        if (!field.reference?.primary) continue;
        const { collectionId: linked, fieldId } = field.reference;
        const linkedFields = await load(linked).catch(() => []);
        links.set(field.id, {
          collection: collections.find((collection) => collection.id === linked)?.name ?? 'another collection',
          field: linkedFields.find((candidate) => candidate.id === fieldId)?.name ?? 'a field',
        });
      }
      if (current) setLoaded({ collectionId, fields, links });
    };
    describe().catch((error: Error) => current && setFailure(error.message));
    return () => {
      current = false;
    };
  }, [collectionId, collections]);

  return { loaded: loaded?.collectionId === collectionId ? loaded : undefined, failure, load };
}
