import { useEffect, useState } from 'preact/hooks';

/** The parts of the options page, each reachable by its hash (`options.html#mappings`). */
export const PARTS = [
  { id: 'connections', label: 'Connections' },
  { id: 'mappings', label: 'Mappings' },
  { id: 'sync', label: 'Sync' },
  { id: 'history', label: 'History' },
  { id: 'audit', label: 'Audit' },
] as const;

export type PartId = (typeof PARTS)[number]['id'];

/** Where the page is: a part, and within it an item (`#mappings/<id>`, `#history/<runId>`). */
export interface Route {
  part: PartId;
  item: string | undefined;
}

export function parseRoute(hash: string): Route {
  const [part = '', ...rest] = hash.replace(/^#/, '').split('/');
  const known = PARTS.find((candidate) => candidate.id === part);
  const item = rest.length > 0 ? decodeURIComponent(rest.join('/')) : undefined;
  return known ? { part: known.id, item } : { part: 'connections', item: undefined };
}

export function routeHash(part: PartId, item?: string): string {
  return `#${part}${item === undefined ? '' : `/${encodeURIComponent(item)}`}`;
}

/** The current route, following the hash as links and the back button change it. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}
