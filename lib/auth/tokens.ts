import { z } from 'zod';
import { AccountSchema } from './settings';

/** Tokens from one sign-in. They stay in the background; only their expiry is shown in the UI. */
export const TokenSetSchema = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.number(),
  refreshToken: z.string().optional(),
  /** Entra ends single-page-app refresh tokens 24 hours after sign-in, through every rotation. */
  refreshTokenExpiresAt: z.number().optional(),
  /** Granted Graph permissions, short names ("User.Read.All"). */
  scopes: z.array(z.string()),
  account: AccountSchema,
});
export type TokenSet = z.infer<typeof TokenSetSchema>;
