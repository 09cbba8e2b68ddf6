import { z } from 'zod';
import { CloudSchema } from '../graph/clouds';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** The "Microsoft Intune" connection form, with the words Asset Panda's guide uses. */
export const IntuneSettingsSchema = z.object({
  tenantId: z
    .string()
    .trim()
    .refine(
      (value) => GUID.test(value) || (DOMAIN.test(value) && !['common', 'organizations', 'consumers'].includes(value)),
      'Enter the Directory (tenant) ID from the app registration\'s Overview page (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47) or a verified domain such as contoso.onmicrosoft.com.',
    ),
  clientId: z
    .string()
    .trim()
    .regex(GUID, 'Enter the Application (client) ID from the app registration\'s Overview page: a GUID such as 0e3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b.'),
  applicationObjectId: z
    .string()
    .trim()
    .refine((value) => value === '' || GUID.test(value), 'The Application Object ID is optional; when given, it is the Object ID GUID from the Overview page.')
    .default(''),
  cloud: CloudSchema.default('global'),
});
export type IntuneSettings = z.infer<typeof IntuneSettingsSchema>;

/** Who signed in when the connection was last tested. */
export const AccountSchema = z.object({
  username: z.string(),
  name: z.string(),
  tenantId: z.string(),
  objectId: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

/** What "Test and Save Connection" stores once every permission is proven. */
export const SavedIntuneConnectionSchema = z.object({
  settings: IntuneSettingsSchema,
  account: AccountSchema,
  savedAt: z.string(),
});
export type SavedIntuneConnection = z.infer<typeof SavedIntuneConnectionSchema>;
