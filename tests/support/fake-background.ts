import { createMessageClient } from '../../lib/messaging/client.ts';
import type { MessageType, RequestOf, ResponseOf } from '../../lib/messaging/protocol.ts';

type Answer<T extends MessageType> = ResponseOf<T> | ((request: RequestOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>>);
export type BackgroundAnswers = { [T in MessageType]?: Answer<T> };

/**
 * A background for UI tests: `call` stands in for `callBackground`, the same message client with
 * each answer taken from `answers` and checked against the protocol as the real one is; a message
 * it has no answer for is refused with an error. `sent(type)` lists the page's messages of that type.
 */
export function fakeBackground(answers: BackgroundAnswers) {
  const calls: Array<{ type: string; payload: unknown }> = [];
  const call = createMessageClient(async ({ type, payload }) => {
    calls.push({ type, payload });
    const answer = answers[type as MessageType] as Answer<MessageType> | undefined;
    if (answer === undefined) return { ok: false, error: { code: 'not-answered', message: `The test's background does not answer ${type}.` } };
    return { ok: true, value: typeof answer === 'function' ? await answer(payload as never) : answer };
  });
  return { call, sent: (type: MessageType) => calls.filter((entry) => entry.type === type) };
}
