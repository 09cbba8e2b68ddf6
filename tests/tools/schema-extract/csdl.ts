import { parseAttributes } from '../../sandbox/graph/schema/csdl.ts';

/** A direct child of a <Schema>, with the lines it spans in the source and its own child tags. */
interface SchemaMember {
  schema: number;
  tag: string;
  attributes: Record<string, string>;
  children: Array<{ tag: string; attributes: Record<string, string> }>;
  /** Whole lines, indentation and line break included, so the extract copies them verbatim. */
  start: number;
  end: number;
}

interface SchemaElement {
  namespace: string;
  open: string;
  close: string;
}

const GRAPH = 'microsoft.graph';
const TAG = /<(\/?)([\w:]+)([^>]*?)(\/?)>/g;

/**
 * Keeps, verbatim, the parts of Microsoft's v1.0 CSDL the schema tests read: the types in `roots`
 * and every type derived from one; what they reach through base types and structural properties
 * (complex and enum types); the actions bound to managedDevice with their parameters; and the
 * annotations (descriptions with the $filter notes) of the `annotated` types and their properties.
 * Navigation properties stay by name only: the types they point at are left out.
 */
export function trimCsdl(source: string, selection: { roots: readonly string[]; annotated: readonly string[] }, header: string): string {
  const { roots, annotated } = selection;
  const { schemas, members } = readSchemas(source);
  const declared = new Map<string, SchemaMember>();
  for (const member of members) {
    if (schemas[member.schema]?.namespace === GRAPH && /^(EntityType|ComplexType|EnumType)$/.test(member.tag)) declared.set(member.attributes.Name ?? '', member);
  }
  const kept = new Set<string>();
  const keep = (typeRef: string): void => {
    const name = typeRef.replace(/^Collection\((.+)\)$/, '$1').replace(/^graph\./, '');
    const member = declared.get(name);
    if (!member || kept.has(name)) return;
    kept.add(name);
    if (member.attributes.BaseType) keep(member.attributes.BaseType);
    for (const child of member.children) if (child.tag === 'Property') keep(child.attributes.Type ?? '');
  };
  for (const root of roots) {
    keep(root);
    for (const [name, member] of declared) if (derivesFrom(declared, member, root)) keep(name);
  }
  const deviceActions = members.filter((member) => member.tag === 'Action' && member.children[0]?.attributes.Type === 'graph.managedDevice');
  for (const action of deviceActions) for (const child of action.children) keep(child.attributes.Type ?? '');

  const isAnnotated = (target = ''): boolean => annotated.includes(target.replace(`${GRAPH}.`, '').split('/')[0] ?? '');
  const selected = members.filter(
    (member) =>
      (declared.get(member.attributes.Name ?? '') === member && kept.has(member.attributes.Name ?? '')) ||
      deviceActions.includes(member) ||
      (member.tag === 'Annotations' && isAnnotated(member.attributes.Target)),
  );
  const summary = `Kept: ${roots.join(', ')}, the types derived from them, the complex and enum types they reach, the actions bound to managedDevice, and the annotations of ${annotated.join(', ')} and their properties; navigation properties by name only.`;
  return writeCsdl(source, schemas, selected, `${header}\n${summary}`);
}

function derivesFrom(declared: Map<string, SchemaMember>, member: SchemaMember | undefined, ancestor: string): boolean {
  for (let current = member; current; current = declared.get(current.attributes.BaseType?.replace(/^graph\./, '') ?? '')) {
    if (current.attributes.Name === ancestor) return true;
  }
  return false;
}

/** The <Schema> elements and their direct children, in source order. */
function readSchemas(source: string): { schemas: SchemaElement[]; members: SchemaMember[] } {
  const schemas: SchemaElement[] = [];
  const members: SchemaMember[] = [];
  const open: string[] = [];
  let member: SchemaMember | undefined;
  for (const match of source.matchAll(TAG)) {
    const [text, closing, tag = '', rawAttributes = '', selfClosing] = match;
    if (closing) {
      open.pop();
      if (tag === 'Schema') (schemas.at(-1) as SchemaElement).close = wholeLines(source, match.index, match.index + text.length);
      if (member && open.length === 3) {
        member.end = lineEnd(source, match.index + text.length);
        member = undefined;
      }
      continue;
    }
    const attributes = parseAttributes(rawAttributes);
    if (tag === 'Schema') schemas.push({ namespace: attributes.Namespace ?? '', open: wholeLines(source, match.index, match.index + text.length), close: '' });
    else if (open.at(-1) === 'Schema') {
      member = { schema: schemas.length - 1, tag, attributes, children: [], start: lineStart(source, match.index), end: 0 };
      members.push(member);
      if (selfClosing) {
        member.end = lineEnd(source, match.index + text.length);
        member = undefined;
      }
    } else if (member && open.length === 4) member.children.push({ tag, attributes });
    if (!selfClosing) open.push(tag);
  }
  return { schemas, members };
}

function writeCsdl(source: string, schemas: SchemaElement[], selected: SchemaMember[], header: string): string {
  const firstSchema = source.indexOf('<Schema');
  const lastSchemaEnd = source.lastIndexOf('</Schema>');
  const prologue = source.slice(0, lineStart(source, firstSchema));
  const declaration = prologue.slice(0, lineEnd(prologue, 0));
  if (header.includes('--')) throw new Error('An XML comment cannot hold "--"');
  const parts = [declaration, `<!--\n${header}\n-->\n`, prologue.slice(declaration.length)];
  schemas.forEach((schema, index) => {
    const inside = selected.filter((member) => member.schema === index);
    if (inside.length === 0) return;
    parts.push(schema.open, ...inside.map((member) => source.slice(member.start, member.end)), schema.close);
  });
  parts.push(source.slice(lineEnd(source, lastSchemaEnd)));
  return parts.join('');
}

function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

function lineEnd(text: string, index: number): number {
  const newline = text.indexOf('\n', index);
  return newline === -1 ? text.length : newline + 1;
}

function wholeLines(text: string, from: number, to: number): string {
  return text.slice(lineStart(text, from), lineEnd(text, to));
}
