import { z } from 'zod';
import { AccountSchema } from './settings';

/** Something that stopped a sign-in or a test, in words the admin can act on. */
export const ProblemSchema = z.object({ code: z.string(), message: z.string() });

/** The session as the UI may see it: who, and until when. Never a token. */
export const SessionSummarySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signed-out'), problem: ProblemSchema.optional() }),
  z.object({ state: z.literal('signed-in'), account: AccountSchema, expiresAt: z.number().optional() }),
]);
export type SessionSummary = z.infer<typeof SessionSummarySchema>;
