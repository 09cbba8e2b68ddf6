import { z } from 'zod';

/** A record of an Asset Panda Pro collection (ULID collection ids). */
export const ProRecordRefSchema = z.object({
  product: z.literal('pro'),
  collectionId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  recordId: z.string().min(1).max(64).regex(/^[\w-]+$/),
});

/** A record page the content script found: Asset Panda Pro (ULID ids) or Classic (24-hex ids). */
export const RecordRefSchema = z.discriminatedUnion('product', [
  ProRecordRefSchema,
  z.object({
    product: z.literal('classic'),
    entityKey: z.string().min(1).max(64).regex(/^[\w-]+$/),
    objectId: z.string().regex(/^[0-9a-f]{24}$/),
  }),
]);
export type RecordRef = z.infer<typeof RecordRefSchema>;
