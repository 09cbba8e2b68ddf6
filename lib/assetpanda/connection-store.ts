import { z } from 'zod';
import type { Database } from '../db/open';
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

const CONNECTION_KEY = 'assetpanda.connection';
const OBSERVATIONS_KEY = 'assetpanda.diagnostics';

/** The Asset Panda documents of the `settings` store, checked when read. */
export function connectionStore(database: Promise<Database>) {
  const read = async <T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> => {
    const parsed = schema.safeParse(await (await database).get('settings', key));
    return parsed.success ? parsed.data : undefined;
  };
  return {
    /** Undefined when there is none, or when it no longer reads as a connection (then it is as good as none). */
    loadConnection: () => read(CONNECTION_KEY, SavedConnectionSchema),
    saveConnection: async (connection: SavedConnection) => {
      await (await database).put('settings', connection, CONNECTION_KEY);
    },
    deleteConnection: async () => {
      await (await database).delete('settings', CONNECTION_KEY);
    },
    loadObservations: async () => (await read(OBSERVATIONS_KEY, ObservationsSchema)) ?? [],
    saveObservations: async (observations: ShapeObservation[]) => {
      await (await database).put('settings', observations, OBSERVATIONS_KEY);
    },
  };
}
