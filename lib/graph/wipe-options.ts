import { z } from 'zod';

/**
 * The v1.0 wipe parameters (CSDL `wipe` action). `obliterationBehavior` exists only on beta, so it
 * is refused here rather than silently dropped by v1.0.
 */
export const WipeOptionsSchema = z.strictObject({
  /** Keep the provisioning data (Windows "doWipePersistProvisionedData"). */
  keepEnrollmentData: z.boolean().optional(),
  /** Keep the user's data (Windows "doWipePersistUserData"). */
  keepUserData: z.boolean().optional(),
  /** The six-digit recovery PIN a wiped Mac asks for. */
  macOsUnlockCode: z
    .string()
    .regex(/^\d{6}$/, 'must be six digits')
    .optional(),
  /** Keep the eSIM cellular data plan. */
  persistEsimDataPlan: z.boolean().optional(),
});
export type WipeOptions = z.input<typeof WipeOptionsSchema>;
