import { useEffect, useRef, useState } from 'preact/hooks';

/** The parts of the options page, each reachable by its hash (`options.html#mappings`). */
export const PARTS = [
  { id: 'connections', label: 'Connections' },
  { id: 'mappings', label: 'Mappings' },
  { id: 'sync', label: 'Sync' },
  { id: 'history', label: 'History' },
  { id: 'audit', label: 'Audit' },
] as const;

type PartId = (typeof PARTS)[number]['id'];

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

const sameRoute = (a: Route, b: Route) => a.part === b.part && a.item === b.item;

/** Asked before the page shows another route; false keeps the page as it is. Set while a part holds unsaved work. */
let mayLeave: (() => boolean) | undefined;

/** The current route, following the hash as links, the tabs and the back button change it. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  const shown = useRef(route);
  useEffect(() => {
    const follow = (event: HashChangeEvent) => {
      const next = parseRoute(location.hash);
      if (sameRoute(next, shown.current)) return;
      if (mayLeave && !mayLeave()) {
        // Stay: the address goes back to the page still shown.
        history.replaceState(history.state, '', event.oldURL);
        return;
      }
      shown.current = next;
      setRoute(next);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/**
 * While `unsaved`, leaving asks first: `question` before another part or item of the page is shown
 * (a link, a tab, the back button), the browser's own question before the page is closed or reloaded.
 */
export function useConfirmLeaving(unsaved: boolean, question: string): void {
  useEffect(() => {
    if (!unsaved) return;
    const ask = () => window.confirm(question);
    const holdUnload = (event: Event) => event.preventDefault();
    mayLeave = ask;
    window.addEventListener('beforeunload', holdUnload);
    return () => {
      if (mayLeave === ask) mayLeave = undefined;
      window.removeEventListener('beforeunload', holdUnload);
    };
  }, [unsaved, question]);
}
