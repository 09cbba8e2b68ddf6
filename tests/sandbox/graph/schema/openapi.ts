import { parse } from 'yaml';
import { readExtract } from './paths.ts';

/** The part of an OpenAPI 3.0 schema object that Graph's generated documents use. */
export interface OpenApiSchema {
  $ref?: string;
  allOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  type?: 'object' | 'string' | 'boolean' | 'integer' | 'number' | 'array';
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  enum?: unknown[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

export interface OpenApiDocument {
  components: { schemas: Record<string, OpenApiSchema> };
}

/** The repository's extract of DeviceManagement.yml (PowerShell SDK module, July 2023), tests only. */
export function loadDeviceManagementOpenApi(): OpenApiDocument {
  return parse(readExtract('openApi')) as OpenApiDocument;
}

export function schemaOf(doc: OpenApiDocument, name: string): OpenApiSchema {
  const schema = doc.components.schemas[name];
  if (!schema) throw new Error(`No schema ${name} in the OpenAPI document`);
  return schema;
}

export function resolveRef(doc: OpenApiDocument, ref: string): OpenApiSchema {
  return schemaOf(doc, ref.replace('#/components/schemas/', ''));
}

/** The properties a schema declares, through $ref and allOf, base first. */
export function propertiesOf(doc: OpenApiDocument, schema: OpenApiSchema): Record<string, OpenApiSchema> {
  if (schema.$ref) return propertiesOf(doc, resolveRef(doc, schema.$ref));
  return Object.assign({}, ...(schema.allOf ?? []).map((part) => propertiesOf(doc, part)), schema.properties ?? {}) as Record<string, OpenApiSchema>;
}
