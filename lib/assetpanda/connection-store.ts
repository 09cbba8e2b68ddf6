import { z } from 'zod';
import type { Database } from '../db/open';
import { settingsDocument } from '../db/settings-document';
import type { DocumentKind } from '../db/versioned';
import { SealedSecretSchema } from '../secrets/vault';
import type { Shape, ShapeObservation } from './diagnostics';

const NamedSchema = z.object({ id: z.string(), name: z.string() });

/** The saved connection: where, with which key, to which account and module. The secret is sealed by the vault. */
const SavedConnectionSchema = z.object({
  baseUrl: z.string(),
  accessKeyId: z.string(),
  accessKeySecret: SealedSecretSchema,
  account: NamedSchema,
  module: NamedSchema,
  savedAt: z.string(),
});
export type SavedConnection = z.infer<typeof SavedConnectionSchema>;

const ShapeSchema: z.ZodType<Shape> = z.lazy(() => z.union([z.string(), z.array(ShapeSchema), z.record(z.string(), ShapeSchema)]));
const ObservationsSchema = z.array(
  z.object({
    operation: z.string(),
    status: z.number(),
    expectation: z.string(),
    matched: z.boolean(),
    problems: z.array(z.string()),
    shape: ShapeSchema,
    seenAt: z.string(),
  }),
);

/** The saved Asset Panda connection, format 1. Migrations go here, with a fixture each (lib/db/fixtures/). */
export const ASSET_PANDA_CONNECTION_DOCUMENT: DocumentKind<SavedConnection> = {
  name: 'Asset Panda connection',
  schema: SavedConnectionSchema,
  migrations: [],
};

const OBSERVATIONS_DOCUMENT: DocumentKind<ShapeObservation[]> = { name: 'Asset Panda diagnostics', schema: ObservationsSchema, migrations: [] };

/** The Asset Panda documents of the `settings` store, checked when read. */
export function connectionStore(database: Promise<Database>) {
  const connection = settingsDocument(
    database,
    'assetpanda.connection',
    ASSET_PANDA_CONNECTION_DOCUMENT,
    'Enter the API key again on the options page and choose Test and Save Connection (or Disconnect): that replaces it.',
  );
  const observations = settingsDocument(database, 'assetpanda.diagnostics', OBSERVATIONS_DOCUMENT, 'New answers replace it.');
  return {
    /** Undefined when there is none; an error saying so when it no longer reads. */
    loadConnection: connection.load,
    saveConnection: connection.save,
    deleteConnection: connection.delete,
    loadObservations: async () => (await observations.load()) ?? [],
    saveObservations: observations.save,
  };
}
