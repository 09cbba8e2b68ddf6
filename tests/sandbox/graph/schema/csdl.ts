import { readExtract } from './paths.ts';

/**
 * Microsoft's Graph v1.0 CSDL (the repository's extract of v1.0-Prod.csdl), read for the schema
 * tests only — never on the sandbox's runtime path.
 */
export interface CsdlProperty {
  name: string;
  /** As written: 'Edm.String', 'graph.complianceState', 'Collection(graph.deviceActionResult)'. */
  type: string;
  nullable: boolean;
}

export interface CsdlStructuredType {
  name: string;
  kind: 'entity' | 'complex';
  baseType?: string;
  abstract: boolean;
  properties: CsdlProperty[];
  navigation: string[];
}

export interface Csdl {
  types: Map<string, CsdlStructuredType>;
  enums: Map<string, { members: string[]; flags: boolean }>;
  /** Core.Description annotations by target, e.g. 'managedDevice/serialNumber'. */
  descriptions: Map<string, string>;
}

const NAMESPACE = 'microsoft.graph';

export function loadCsdl(): Csdl {
  const text = readExtract('csdl');
  const csdl: Csdl = { types: new Map(), enums: new Map(), descriptions: new Map() };

  // Types come from the microsoft.graph schema; their annotations sit in later schema elements.
  let inGraphSchema = false;
  let type: CsdlStructuredType | undefined;
  let enumMembers: string[] | undefined;
  let target: string | undefined;
  for (const [, closing, tag = '', rawAttributes = '', selfClosing] of text.matchAll(/<(\/?)(\w+)([^>]*?)(\/?)>/g)) {
    const attributes = parseAttributes(rawAttributes);
    if (closing) {
      if (tag === 'Schema') inGraphSchema = false;
      if (tag === 'EntityType' || tag === 'ComplexType') type = undefined;
      if (tag === 'EnumType') enumMembers = undefined;
      if (tag === 'Annotations') target = undefined;
      continue;
    }
    if (tag === 'Schema') inGraphSchema = attributes.Namespace === NAMESPACE;
    if (!inGraphSchema && tag !== 'Annotations' && tag !== 'Annotation') continue;
    switch (tag) {
      case 'EntityType':
      case 'ComplexType': {
        const declared: CsdlStructuredType = {
          name: attributes.Name ?? '',
          kind: tag === 'EntityType' ? 'entity' : 'complex',
          baseType: attributes.BaseType?.replace(/^graph\./, ''),
          abstract: attributes.Abstract === 'true',
          properties: [],
          navigation: [],
        };
        csdl.types.set(declared.name, declared);
        type = selfClosing ? undefined : declared;
        break;
      }
      case 'Property':
        type?.properties.push({ name: attributes.Name ?? '', type: attributes.Type ?? '', nullable: attributes.Nullable !== 'false' });
        break;
      case 'NavigationProperty':
        type?.navigation.push(attributes.Name ?? '');
        break;
      case 'EnumType':
        enumMembers = [];
        csdl.enums.set(attributes.Name ?? '', { members: enumMembers, flags: attributes.IsFlags === 'true' });
        break;
      case 'Member':
        enumMembers?.push(attributes.Name ?? '');
        break;
      case 'Annotations':
        target = attributes.Target?.replace(`${NAMESPACE}.`, '');
        break;
      case 'Annotation':
        if (target && attributes.Term === 'Org.OData.Core.V1.Description' && attributes.String !== undefined) {
          csdl.descriptions.set(target, attributes.String);
        }
        break;
    }
  }
  return csdl;
}

/** The structural properties of a type with those it inherits, base first. */
export function allProperties(csdl: Csdl, typeName: string): CsdlProperty[] {
  const type = csdl.types.get(typeName);
  if (!type) throw new Error(`No type ${typeName} in the CSDL`);
  return [...(type.baseType ? allProperties(csdl, type.baseType) : []), ...type.properties];
}

export function allNavigation(csdl: Csdl, typeName: string): string[] {
  const type = csdl.types.get(typeName);
  if (!type) return [];
  return [...(type.baseType ? allNavigation(csdl, type.baseType) : []), ...type.navigation];
}

/** Whether `typeName` is `ancestor` or derives from it. */
export function derivesFrom(csdl: Csdl, typeName: string, ancestor: string): boolean {
  for (let name: string | undefined = typeName; name; name = csdl.types.get(name)?.baseType) if (name === ancestor) return true;
  return false;
}

/** The attributes of a CSDL tag, entities decoded. */
export function parseAttributes(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name = '', value = ''] of raw.matchAll(/(\w+)="([^"]*)"/g)) attributes[name] = decodeXml(value);
  return attributes;
}

function decodeXml(text: string): string {
  return text.replace(/&(quot|apos|lt|gt|amp);/g, (_, entity: string) => ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' })[entity] ?? '');
}
