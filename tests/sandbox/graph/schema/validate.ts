import { allNavigation, allProperties, type Csdl, derivesFrom } from './csdl.ts';
import { type OpenApiDocument, type OpenApiSchema, propertiesOf, resolveRef } from './openapi.ts';

/** The date-time pattern Graph's OpenAPI documents put on every Edm.DateTimeOffset. */
const DATE_TIME = /^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CsdlCheckOptions {
  /**
   * The docs' "JSON representation" writes type names where values go ("String", "String
   * (timestamp)"): accept any string for enums and timestamps.
   */
  placeholders?: boolean;
}

/** Problems of `value` as an instance of the CSDL type `typeName` (property names, JSON types, enum members). */
export function checkAgainstCsdl(csdl: Csdl, value: unknown, typeName: string, options: CsdlCheckOptions = {}): string[] {
  const problems: string[] = [];

  const checkValue = (item: unknown, typeRef: string, nullable: boolean, path: string): void => {
    if (item === null) {
      if (!nullable) problems.push(`${path}: null, but ${typeRef} is not nullable`);
      return;
    }
    const collection = /^Collection\((.+)\)$/.exec(typeRef);
    if (collection) {
      if (!Array.isArray(item)) return void problems.push(`${path}: expected an array for ${typeRef}`);
      item.forEach((element, i) => checkValue(element, collection[1] as string, false, `${path}[${i}]`));
      return;
    }
    if (typeRef.startsWith('Edm.')) return checkPrimitive(item, typeRef, path);
    const name = typeRef.replace(/^graph\./, '');
    const enumType = csdl.enums.get(name);
    if (enumType) {
      if (typeof item !== 'string') return void problems.push(`${path}: expected a ${name} member, got ${JSON.stringify(item)}`);
      if (options.placeholders) return;
      const values = enumType.flags ? item.split(',') : [item];
      for (const member of values) if (!enumType.members.includes(member)) problems.push(`${path}: '${member}' is not a member of ${name}`);
      return;
    }
    checkObject(item, name, path);
  };

  const checkPrimitive = (item: unknown, typeRef: string, path: string): void => {
    const fits: Record<string, () => boolean> = {
      'Edm.String': () => typeof item === 'string',
      'Edm.Boolean': () => typeof item === 'boolean',
      'Edm.Int32': () => Number.isInteger(item) && Math.abs(item as number) <= 2 ** 31,
      'Edm.Int64': () => Number.isSafeInteger(item),
      'Edm.Double': () => typeof item === 'number',
      'Edm.Guid': () => typeof item === 'string' && GUID.test(item),
      'Edm.Binary': () => typeof item === 'string' && /^[A-Za-z0-9+/=_-]*$/.test(item),
      'Edm.Date': () => typeof item === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(item),
      'Edm.DateTimeOffset': () => typeof item === 'string' && (options.placeholders === true || (DATE_TIME.test(item) && !Number.isNaN(Date.parse(item)))),
    };
    const fit = fits[typeRef];
    if (!fit) return void problems.push(`${path}: the checker does not know ${typeRef}`);
    if (!fit()) problems.push(`${path}: ${JSON.stringify(item)} is not a valid ${typeRef}`);
  };

  const checkObject = (item: unknown, declared: string, path: string): void => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return void problems.push(`${path}: expected a ${declared} object`);
    const record = item as Record<string, unknown>;
    let actual = declared;
    const odataType = record['@odata.type'];
    if (typeof odataType === 'string') {
      actual = odataType.replace(/^#/, '').replace(/^microsoft\.graph\./, '');
      if (!csdl.types.has(actual) || !derivesFrom(csdl, actual, declared)) return void problems.push(`${path}: @odata.type ${odataType} is not a ${declared}`);
    }
    if (csdl.types.get(actual)?.abstract) problems.push(`${path}: ${actual} is abstract; @odata.type must name the concrete type`);
    const properties = new Map(allProperties(csdl, actual).map((p) => [p.name, p]));
    const navigation = new Set(allNavigation(csdl, actual));
    for (const [key, child] of Object.entries(record)) {
      if (key.includes('@')) continue;
      const property = properties.get(key);
      if (property) checkValue(child, property.type, property.nullable, `${path}.${key}`);
      else if (navigation.has(key)) problems.push(`${path}.${key}: navigation property returned without $expand`);
      else problems.push(`${path}.${key}: not a property of ${actual}`);
    }
  };

  checkObject(value, typeName, typeName);
  return problems;
}

export interface OpenApiCheck {
  problems: string[];
  /** Paths of properties the schema does not declare. */
  unknownProperties: string[];
}

/** Problems of `value` against an OpenAPI schema (resolving $ref and allOf within the document). */
export function checkAgainstOpenApi(doc: OpenApiDocument, value: unknown, schema: OpenApiSchema, path = '$'): OpenApiCheck {
  const result: OpenApiCheck = { problems: [], unknownProperties: [] };

  const check = (s: OpenApiSchema, item: unknown, at: string): void => {
    if (s.$ref) {
      // OpenAPI 3.0 cannot mark a bare $ref nullable; the CSDL check owns nullability there.
      if (item !== null) check(resolveRef(doc, s.$ref), item, at);
      return;
    }
    if (item === null) {
      if (!s.nullable && !s.anyOf && !s.oneOf) result.problems.push(`${at}: null, but the schema is not nullable`);
      return;
    }
    const branches = s.anyOf ?? s.oneOf;
    if (branches) {
      const passing = branches.some((branch) => checkAgainstOpenApi(doc, item, branch, at).problems.length === 0);
      if (!passing) result.problems.push(`${at}: matches none of the schema's alternatives`);
      return;
    }
    if (s.allOf || s.type === 'object' || s.properties) {
      if (typeof item !== 'object' || Array.isArray(item)) return void result.problems.push(`${at}: expected an object`);
      const properties = propertiesOf(doc, s);
      for (const [key, child] of Object.entries(item as Record<string, unknown>)) {
        if (key.includes('@')) continue;
        const property = properties[key];
        if (property) check(property, child, `${at}.${key}`);
        else result.unknownProperties.push(`${at}.${key}`);
      }
      return;
    }
    switch (s.type) {
      case 'array':
        if (!Array.isArray(item)) return void result.problems.push(`${at}: expected an array`);
        item.forEach((element, i) => s.items && check(s.items, element, `${at}[${i}]`));
        return;
      case 'string':
        if (typeof item !== 'string') return void result.problems.push(`${at}: expected a string, got ${JSON.stringify(item)}`);
        if (s.enum && !s.enum.includes(item)) result.problems.push(`${at}: '${item}' is not in the enum`);
        if (s.pattern && !new RegExp(s.pattern).test(item)) result.problems.push(`${at}: '${item}' does not match ${s.pattern}`);
        return;
      case 'integer':
        if (!Number.isInteger(item)) return void result.problems.push(`${at}: expected an integer, got ${JSON.stringify(item)}`);
        if ((s.minimum !== undefined && (item as number) < s.minimum) || (s.maximum !== undefined && (item as number) > s.maximum)) {
          result.problems.push(`${at}: ${String(item)} is out of range`);
        }
        return;
      case 'number':
        if (typeof item !== 'number') result.problems.push(`${at}: expected a number`);
        return;
      case 'boolean':
        if (typeof item !== 'boolean') result.problems.push(`${at}: expected a boolean`);
        return;
      default:
        return;
    }
  };

  check(schema, value, path);
  return result;
}
