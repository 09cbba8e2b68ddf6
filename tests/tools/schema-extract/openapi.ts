import { parse, stringify } from 'yaml';
import type { OpenApiDocument, OpenApiSchema } from '../../sandbox/graph/schema/openapi.ts';

const PREFIX = '#/components/schemas/';
const ENTITY = 'microsoft.graph.entity';

type Node = OpenApiSchema & Record<string, unknown>;

/**
 * Keeps the component schemas of Microsoft's DeviceManagement OpenAPI document that the schema
 * tests read: each of `roots` the document has (as `microsoft.graph.<root>`), each schema built on
 * one (allOf), and every schema they reach by $ref. Navigation properties are left out, so every
 * $ref resolves inside the extract; paths are left out. What is kept is as published, re-serialised.
 */
export function trimOpenApi(source: string, roots: readonly string[], header: string): string {
  const document = parse(source, { maxAliasCount: -1 }) as OpenApiDocument & { openapi: string; info: unknown };
  const published = document.components.schemas;
  const derivesFrom = (name: string, ancestors: ReadonlySet<string>): boolean =>
    ancestors.has(name) || (published[name]?.allOf ?? []).some((part) => part.$ref !== undefined && derivesFrom(part.$ref.slice(PREFIX.length), ancestors));
  const entity = new Set([ENTITY]);
  const isEntity = (name: string): boolean => derivesFrom(name, entity);
  const kept = new Map<string, OpenApiSchema>();
  const keep = (name: string): void => {
    const schema = published[name];
    if (!schema || kept.has(name)) return;
    const trimmed = withoutNavigation(schema as Node, isEntity);
    kept.set(name, trimmed);
    for (const ref of refsIn(trimmed)) keep(ref.slice(PREFIX.length));
  };
  const rootNames = new Set(roots.map((root) => `microsoft.graph.${root}`));
  for (const name of Object.keys(published)) if (derivesFrom(name, rootNames)) keep(name);
  const schemas = Object.fromEntries(Object.keys(published).filter((name) => kept.has(name)).map((name) => [name, kept.get(name)]));
  const extract = { openapi: document.openapi, info: document.info, components: { schemas } };
  const summary = `Kept: the component schemas of ${roots.join(', ')} the document has, and those they reach by $ref; navigation properties and paths left out.`;
  const comment = [...header.split('\n'), summary].map((line) => `# ${line}`).join('\n');
  return `${comment}\n${stringify(extract, { aliasDuplicateObjects: false, lineWidth: 0 })}`;
}

/**
 * The schema with the navigation properties dropped from it and from its allOf parts: those marked
 * so, and the single-valued ones the generator could not mark (a bare $ref to an entity type, which
 * no structural property can have).
 */
function withoutNavigation(schema: Node, isEntity: (name: string) => boolean): Node {
  const isNavigation = (property: Node): boolean =>
    property['x-ms-navigationProperty'] === true || refsIn(property).some((ref) => isEntity(ref.slice(PREFIX.length)));
  const copy: Node = { ...schema };
  if (schema.allOf) copy.allOf = schema.allOf.map((part) => withoutNavigation(part as Node, isEntity));
  if (schema.properties) copy.properties = Object.fromEntries(Object.entries(schema.properties).filter(([, property]) => !isNavigation(property as Node)));
  return copy;
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' && child.startsWith(PREFIX) ? [child] : refsIn(child)));
}
