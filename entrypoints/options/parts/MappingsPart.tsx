import { MappingEditor } from '../mappings/MappingEditor';
import { MappingsList } from '../mappings/MappingsList';
import type { Route } from '../route';
import { usePolicy } from '../usePolicy';
import '../mappings/mappings.css';

/** Mappings: the list (`#mappings`), a mapping (`#mappings/<id>`) or a new one (`#mappings/new`). */
export function MappingsPart({ route }: { route: Route }) {
  const policy = usePolicy();
  if (route.item === undefined) return <MappingsList policy={policy} />;
  return <MappingEditor key={route.item} id={route.item === 'new' ? undefined : route.item} />;
}
