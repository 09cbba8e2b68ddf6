import { protocol, ReplySchema, type MessageType, type RequestOf, type ResponseOf } from './protocol';
import { UserFacingError } from '../errors';

/** Typed calls from a UI context to the background; the answer is checked before it is used. */
export function createMessageClient(send: (envelope: { type: string; payload: unknown }) => Promise<unknown>) {
  return async function call<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
    const reply = ReplySchema.safeParse(await send({ type, payload }));
    if (!reply.success) throw new UserFacingError('no-reply', 'The extension did not answer. Reload the page and try again.');
    if (!reply.data.ok) throw new UserFacingError(reply.data.error.code, reply.data.error.message);
    return protocol[type].response.parse(reply.data.value) as ResponseOf<T>;
  };
}

export type MessageClient = ReturnType<typeof createMessageClient>;
