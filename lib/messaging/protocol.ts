import { z } from 'zod';
import { actionMessages } from './action-messages';
import { assetPandaMessages } from './assetpanda-messages';
import { configurationMessages } from './configuration-messages';
import { intuneMessages } from './intune-messages';
import { mappingMessages } from './mapping-messages';
import { message } from './message';
import { panelMessages } from './panel-messages';
import { syncMessages } from './sync-messages';

export type { Audience } from './message';

export const protocol = {
  getHealth: message({
    from: ['page'],
    request: z.object({}),
    response: z.object({ version: z.string(), databaseReady: z.boolean() }),
  }),
  openOptionsPage: message({
    from: ['page'],
    request: z.object({}),
    response: z.object({}),
  }),
  ...intuneMessages,
  ...assetPandaMessages,
  ...mappingMessages,
  ...configurationMessages,
  ...panelMessages,
  ...actionMessages,
  ...syncMessages,
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
