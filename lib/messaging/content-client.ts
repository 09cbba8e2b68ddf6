import { UserFacingError } from '../errors';
import type { MessageType, RequestOf, ResponseOf } from './protocol';

/** Typed calls to the background, as one function: what the record panel is handed. */
export type MessageCall = <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  const error = (value as { error?: unknown }).error;
  return value.ok === false && typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/**
 * The content script's client: the same typed calls as createMessageClient (client.ts) with the
 * protocol's types only, so the content script bundles no zod and no schemas. It does not re-check
 * answers: the background parsed every one with zod before sending it, and the panel renders them as
 * text only.
 */
export function createContentClient(send: (envelope: { type: string; payload: unknown }) => Promise<unknown>): MessageCall {
  return async (type, payload) => {
    const reply = await send({ type, payload }).catch(() => undefined);
    if (!isReply(reply)) throw new UserFacingError('no-reply', 'The extension did not answer. Reload the page and try again.');
    if (!reply.ok) throw new UserFacingError(reply.error.code, reply.error.message);
    return reply.value as never;
  };
}
