import { z } from 'zod';
import { RecordRefSchema } from '../assetpanda/record-ref';
import { assetPandaMessages } from './assetpanda-messages';
import { configurationMessages } from './configuration-messages';
import { intuneMessages } from './intune-messages';
import { mappingMessages } from './mapping-messages';
import { message } from './message';

export type { Audience } from './message';

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
  ...mappingMessages,
  ...configurationMessages,
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
