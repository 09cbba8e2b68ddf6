import { z } from 'zod';
import { AccountSchema, IntuneSettingsSchema, SavedIntuneConnectionSchema } from '../auth/settings';
import { ProblemSchema, SessionSummarySchema } from '../auth/session-summary';
import { message } from './message';

const PermissionCheckSchema = z.object({
  scope: z.string(),
  purpose: z.string(),
  status: z.enum(['granted', 'missing', 'needs-admin-consent', 'not-checked']),
  detail: z.string(),
});

export const ConnectionTestReportSchema = z.object({
  ok: z.boolean(),
  account: AccountSchema.optional(),
  permissions: z.array(PermissionCheckSchema),
  problem: ProblemSchema.optional(),
});

/** Messages about the Microsoft Intune connection (options page and popup). */
export const intuneMessages = {
  getIntuneConnection: message({
    from: ['page'],
    /** `verify`: prove the session still works (refreshing if needed) instead of trusting its dates. */
    request: z.object({ verify: z.boolean().default(false) }),
    response: z.object({
      connection: SavedIntuneConnectionSchema.nullable(),
      /** Why the saved connection could not be read, when it could not (it is kept until replaced). */
      unreadable: z.string().optional(),
      session: SessionSummarySchema,
      redirectUri: z.string(),
      requiredPermissions: z.array(z.object({ scope: z.string(), purpose: z.string() })),
    }),
  }),
  testAndSaveIntuneConnection: message({
    from: ['page'],
    request: IntuneSettingsSchema,
    response: z.object({ saved: z.boolean(), report: ConnectionTestReportSchema }),
  }),
  signInToIntune: message({ from: ['page'], request: z.object({}), response: SessionSummarySchema }),
  signOutOfIntune: message({ from: ['page'], request: z.object({}), response: SessionSummarySchema }),
  /** Signs out of the extension, then ends the browser's Microsoft session on Entra's sign-out page. */
  signOutOfMicrosoft: message({ from: ['page'], request: z.object({}), response: SessionSummarySchema }),
};
