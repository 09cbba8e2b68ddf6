import { z } from 'zod';
import { IntuneSettingsSchema } from '../auth/settings';
import { MappingSchema } from '../mapping/schema';

/** What marks a file as this extension's configuration, and the format this version writes and reads. */
export const CONFIGURATION_KIND = 'intune-companion-configuration';
export const CONFIGURATION_VERSION = 1;

const NamedSchema = z.object({ id: z.string().min(1).max(100), name: z.string().max(200) });

/**
 * The Asset Panda connection without its Access Key Secret: where, which key, which account and
 * module. Importing it fills in the connection form; the admin enters the secret and tests it.
 */
export const AssetPandaConnectionSettingsSchema = z.object({
  baseUrl: z.string().min(1).max(300),
  accessKeyId: z.string().trim().min(1, 'Enter the Access Key ID.').max(300),
  account: NamedSchema.optional(),
  module: NamedSchema.optional(),
});
export type AssetPandaConnectionSettings = z.infer<typeof AssetPandaConnectionSettingsSchema>;

export const ConnectionsSchema = z.object({
  /** The Microsoft Intune connection form: Tenant ID, Client ID, Application Object ID, cloud. No secret exists. */
  intune: IntuneSettingsSchema.optional(),
  assetPanda: AssetPandaConnectionSettingsSchema.optional(),
});
export type Connections = z.infer<typeof ConnectionsSchema>;

/**
 * The whole configuration as one file: the connections (never a secret or a token) and the
 * mappings. The same document comes from an export, goes into an import, and is what IT deploys
 * as the enterprise policy. Format 1; a later format adds a migration, like stored documents.
 */
export const ConfigurationSchema = z
  .object({
    /** Lets editors find lib/config/configuration.schema.json; ignored when read. */
    $schema: z.string().max(500).optional(),
    kind: z.literal(CONFIGURATION_KIND),
    version: z.literal(CONFIGURATION_VERSION),
    exportedAt: z.string().max(40).optional(),
    connections: ConnectionsSchema.default({}),
    mappings: z.array(MappingSchema).max(100).default([]),
  })
  .meta({
    title: 'Intune Companion for Asset Panda: configuration',
    description: 'Connections (without secrets or tokens) and mappings, as exported from the options page or deployed by enterprise policy.',
  });
export type Configuration = z.infer<typeof ConfigurationSchema>;

/**
 * The configuration file's JSON Schema, from the zod schemas. Every object refuses keys it does not
 * declare (the extension refuses them on import too), and defaults make their keys optional.
 */
export function configurationJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ConfigurationSchema, {
    io: 'input',
    target: 'draft-2020-12',
    override: ({ jsonSchema }) => {
      if (jsonSchema.type === 'object' && jsonSchema.additionalProperties === undefined) jsonSchema.additionalProperties = false;
    },
  }) as Record<string, unknown>;
}
