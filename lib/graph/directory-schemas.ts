import { z } from 'zod';
import { NullableStringSchema } from './primitives';

/** The user properties Graph returns by default for /me and /users/{id}. */
export const UserSchema = z.object({
  id: z.string(),
  displayName: NullableStringSchema,
  userPrincipalName: NullableStringSchema,
  mail: NullableStringSchema.optional(),
  givenName: NullableStringSchema.optional(),
  surname: NullableStringSchema.optional(),
  jobTitle: NullableStringSchema.optional(),
});
export type User = z.infer<typeof UserSchema>;

export const GroupSchema = z.object({
  id: z.string(),
  displayName: NullableStringSchema,
  description: NullableStringSchema.optional(),
  securityEnabled: z.boolean().nullable().optional(),
  mailEnabled: z.boolean().nullable().optional(),
});
export type Group = z.infer<typeof GroupSchema>;
