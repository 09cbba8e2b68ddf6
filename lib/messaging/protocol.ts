import { z } from 'zod';
import { assetPandaMessages } from './assetpanda-messages';
import { intuneMessages } from './intune-messages';
import { message } from './message';

export type { Audience } from './message';

/** A record page the content script found: Asset Panda Pro (ULID ids) or Classic (24-hex ids). */
export const RecordRefSchema = z.discriminatedUnion('product', [
  z.object({
    product: z.literal('pro'),
    collectionId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
    recordId: z.string().min(1).max(64).regex(/^[\w-]+$/),
  }),
  z.object({
    product: z.literal('classic'),
    entityKey: z.string().min(1).max(64).regex(/^[\w-]+$/),
    objectId: z.string().regex(/^[0-9a-f]{24}$/),
  }),
]);
export type RecordRef = z.infer<typeof RecordRefSchema>;

export const PanelStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-connected') }),
]);
export type PanelStatus = z.infer<typeof PanelStatusSchema>;

export const protocol = {
  getHealth: message({
    from: ['page'],
    request: z.object({}),
    response: z.object({ version: z.string(), databaseReady: z.boolean() }),
  }),
  getPanelStatus: message({
    from: ['page', 'content'],
    request: z.object({ record: RecordRefSchema }),
    response: PanelStatusSchema,
  }),
  openOptionsPage: message({
    from: ['page', 'content'],
    request: z.object({}),
    response: z.object({}),
  }),
  ...intuneMessages,
  ...assetPandaMessages,
};

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<Protocol[T]['response']>;

/** What travels over runtime messaging: the request, and a reply that never throws across contexts. */
export const EnvelopeSchema = z.object({ type: z.string(), payload: z.unknown() });
export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type Reply = z.infer<typeof ReplySchema>;
