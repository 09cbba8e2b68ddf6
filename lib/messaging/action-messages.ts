import { z } from 'zod';
import { AuditEntrySchema } from '../actions/audit';
import { ACTION_NAMES } from '../actions/catalog';
import { ConfirmedDeviceSchema, ConfirmedRecordSchema } from '../actions/confirmations';
import { WipeOptionsSchema } from '../graph/wipe-options';
import { Text } from '../panel/status';
import { message } from './message';

const RequestIdSchema = z.string().min(1).max(100);

const ConfirmationViewSchema = z.object({
  requestId: z.string(),
  kind: z.enum(['action', 'finishDelete']),
  action: z.enum(ACTION_NAMES),
  label: Text,
  typeToConfirm: z.boolean(),
  device: ConfirmedDeviceSchema,
  record: ConfirmedRecordSchema,
  inIntune: Text,
  inAssetPanda: Text,
  wipeChoices: z.array(z.object({ key: WipeOptionsSchema.keyof(), kind: z.enum(['checkbox', 'pin']), label: Text, help: Text })),
  expiresAt: z.number(),
});

/**
 * Messages that run device actions and read their audit: extension pages only. The background also
 * checks that confirm and run come from the confirmation window itself, and run only spends a
 * one-time token that confirm issued for exactly that device, action and options.
 */
export const actionMessages = {
  getActionConfirmation: message({ from: ['page'], request: z.object({ requestId: RequestIdSchema }), response: ConfirmationViewSchema }),
  confirmDeviceAction: message({
    from: ['page'],
    request: z.object({ requestId: RequestIdSchema, typedName: z.string().max(500), options: WipeOptionsSchema }),
    response: z.object({ token: z.string(), expiresAt: z.number() }),
  }),
  runDeviceAction: message({
    from: ['page'],
    request: z.object({ requestId: RequestIdSchema, token: z.string().max(200), options: WipeOptionsSchema }),
    response: z.object({
      outcome: z.enum(['sent', 'failed', 'partial']),
      intune: Text,
      assetPanda: Text,
      auditId: z.string(),
      requestId: z.string().nullable(),
      /** After a half-done delete: the confirmation that retries the Asset Panda part. */
      retryRequestId: z.string().nullable(),
    }),
  }),
  listAuditEntries: message({ from: ['page'], request: z.object({}), response: z.object({ entries: z.array(AuditEntrySchema), unreadable: z.number() }) }),
  exportAuditCsv: message({ from: ['page'], request: z.object({}), response: z.object({ fileName: z.string(), csv: z.string() }) }),
};
