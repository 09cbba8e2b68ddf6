import { z } from 'zod';
import { message } from './message';

const NamedSchema = z.object({ id: z.string(), name: z.string() });
const IdSchema = z.string().min(1).max(100);

/** What the admin typed; an empty secret means "keep the saved one". Checked in full by the background. */
const ConnectionInputSchema = z.object({
  baseUrl: z.string().max(300),
  accessKeyId: z.string().max(300),
  accessKeySecret: z.string().max(1000),
});
export type AssetPandaConnectionInput = z.infer<typeof ConnectionInputSchema>;

/** The connection as the page may see it: never the Access Key Secret. */
export const AssetPandaStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-connected'), unreadable: z.string().optional() }),
  z.object({
    state: z.literal('connected'),
    baseUrl: z.string(),
    accessKeyId: z.string(),
    account: NamedSchema,
    module: NamedSchema,
    savedAt: z.string(),
  }),
]);
export type AssetPandaStatus = z.infer<typeof AssetPandaStatusSchema>;

const FieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  unique: z.boolean(),
  options: z.array(z.string()).optional(),
  reference: z.object({ collectionId: z.string(), fieldId: z.string(), primary: z.boolean() }).optional(),
});
export type AssetPandaField = z.infer<typeof FieldSchema>;

/** The passphrase lock on the saved key: 'off', 'locked' (not given in this browser session), 'unlocked', or 'unreadable' (the stored key does not read). */
const LockSchema = z.object({ lock: z.enum(['off', 'locked', 'unlocked', 'unreadable']) });
const PassphraseSchema = z.string().max(1000);

/** Messages about the Asset Panda connection (options page only: they carry or use the API key). */
export const assetPandaMessages = {
  getAssetPandaConnection: message({ from: ['page'], request: z.object({}), response: AssetPandaStatusSchema }),
  listAssetPandaAccounts: message({
    from: ['page'],
    request: z.object({ connection: ConnectionInputSchema }),
    response: z.object({ accounts: z.array(NamedSchema) }),
  }),
  listAssetPandaModules: message({
    from: ['page'],
    request: z.object({ connection: ConnectionInputSchema, accountId: IdSchema }),
    response: z.object({ modules: z.array(NamedSchema) }),
  }),
  testAndSaveAssetPandaConnection: message({
    from: ['page'],
    request: z.object({ connection: ConnectionInputSchema, accountId: IdSchema, moduleId: IdSchema }),
    response: AssetPandaStatusSchema,
  }),
  disconnectAssetPanda: message({ from: ['page'], request: z.object({}), response: AssetPandaStatusSchema }),
  listAssetPandaCollections: message({ from: ['page'], request: z.object({}), response: z.object({ collections: z.array(NamedSchema) }) }),
  listAssetPandaFields: message({
    from: ['page'],
    request: z.object({ collectionId: IdSchema }),
    response: z.object({ fields: z.array(FieldSchema) }),
  }),
  getAssetPandaLock: message({ from: ['page'], request: z.object({}), response: LockSchema }),
  unlockAssetPanda: message({ from: ['page'], request: z.object({ passphrase: PassphraseSchema }), response: LockSchema }),
  /** `current` empty when none is set; `next` empty removes the passphrase. */
  setAssetPandaPassphrase: message({ from: ['page'], request: z.object({ current: PassphraseSchema, next: PassphraseSchema }), response: LockSchema }),
  /** A lost passphrase: the saved connection and its key are forgotten, and the lock with them. */
  forgetLockedAssetPandaKey: message({ from: ['page'], request: z.object({}), response: AssetPandaStatusSchema }),
  /** The redacted answer shapes as a JSON document, for the admin to save and send. */
  exportAssetPandaDiagnostics: message({
    from: ['page'],
    request: z.object({}),
    response: z.object({ fileName: z.string(), json: z.string() }),
  }),
};
