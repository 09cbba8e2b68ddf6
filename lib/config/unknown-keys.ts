import { isPlainObject } from './paths';

type JsonSchema = Record<string, unknown>;

/**
 * Every key of `value` that its JSON Schema does not declare (where the schema says
 * `additionalProperties: false`), as paths. zod drops such keys without a word; an import names
 * them instead, since a misspelt key would otherwise silently fall back to its default.
 */
export function unknownKeys(value: unknown, schema: JsonSchema, root: JsonSchema = schema, path: PropertyKey[] = []): PropertyKey[][] {
  const resolved = resolve(schema, root);
  const branches = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    const branch = branches.map((candidate) => resolve(candidate, root)).find((candidate) => fits(value, candidate));
    return branch ? unknownKeys(value, branch, root, path) : [];
  }
  if (Array.isArray(value) && isPlainObject(resolved.items)) {
    return value.flatMap((item, index) => unknownKeys(item, resolved.items as JsonSchema, root, [...path, index]));
  }
  if (!isPlainObject(value) || resolved.type !== 'object') return [];
  const properties = (resolved.properties ?? {}) as Record<string, JsonSchema>;
  const additional = resolved.additionalProperties;
  return Object.entries(value).flatMap(([key, item]) => {
    const itemSchema = Object.hasOwn(properties, key) ? properties[key] : isPlainObject(additional) ? additional : undefined;
    if (itemSchema) return unknownKeys(item, itemSchema, root, [...path, key]);
    return additional === false ? [[...path, key]] : [];
  });
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), root);
  return isPlainObject(target) ? resolve(target, root) : schema;
}

/** Whether a branch of a union is the one a value means: its type, and the constants it names (a `kind`). */
function fits(value: unknown, branch: JsonSchema): boolean {
  if (branch.type === 'null') return value === null;
  if (branch.type === 'array') return Array.isArray(value);
  if (branch.type !== 'object') return !isPlainObject(value) && !Array.isArray(value) && value !== null;
  if (!isPlainObject(value)) return false;
  const properties = (branch.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).every(([key, property]) => !('const' in property) || value[key] === property.const);
}
