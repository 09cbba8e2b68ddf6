import { EnvelopeSchema, protocol, type Audience, type MessageType, type Protocol, type Reply } from './protocol';
import { UserFacingError } from '../errors';
import type { z } from 'zod';

/** The parts of runtime.MessageSender the background trusts (set by the browser, not the sender). */
export interface MessageSender {
  id?: string;
  /** The sending document's URL. */
  url?: string;
  /** 0 for a tab's top-level document; absent where there is no tab (the toolbar popup). */
  frameId?: number;
  /** The tab the document is in; its URL is the top-level page's. */
  tab?: { id?: number; url?: string };
}

export interface SenderPolicy {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`: where the extension's own pages live. */
  extensionBaseUrl: string;
  /** Whether a content script on this page URL is one of ours (Asset Panda hosts). */
  isContentPage(url: URL): boolean;
}

/** A message's handler gets the checked request, the sender, and who the router found the sender to be. */
export type HandlersFor<T extends MessageType> = {
  [K in T]: (request: z.output<Protocol[K]['request']>, sender: MessageSender, audience: Audience) => Promise<z.input<Protocol[K]['response']>>;
};

export type Handlers = HandlersFor<MessageType>;

/**
 * Who is asking, from what the browser says about the sender (Chromium's shapes, as observed):
 * - an extension page is privileged only when it is top-level: in a tab whose own URL is the
 *   extension's, as its top frame (frameId 0); or with no tab at all, which is the toolbar popup
 *   (Chromium gives it neither tab nor frameId, and only the extension's own pages run there). An
 *   extension page framed by a web page, or by another page, is refused;
 * - a content script counts only on an Asset Panda page, in a tab, in its top frame (where ours runs).
 */
export function classifySender(sender: MessageSender, policy: SenderPolicy): Audience | undefined {
  if (sender.id !== policy.extensionId || !sender.url) return undefined;
  const isExtensionPage = (url: string | undefined) => url?.startsWith(policy.extensionBaseUrl) === true;
  if (isExtensionPage(sender.url)) {
    const topFrame = sender.frameId === 0 || (!sender.tab && sender.frameId === undefined);
    return topFrame && (!sender.tab || isExtensionPage(sender.tab.url)) ? 'page' : undefined;
  }
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return undefined;
  }
  return sender.tab && sender.frameId === 0 && policy.isContentPage(url) ? 'content' : undefined;
}

/**
 * The background's single entry point for messages: checks the sender, the message type for that
 * sender, and the payload; runs the handler; checks its answer; and turns every failure into a
 * reply the UI can show.
 */
export function createMessageRouter(handlers: Handlers, policy: SenderPolicy) {
  return async (raw: unknown, sender: MessageSender): Promise<Reply> => {
    const audience = classifySender(sender, policy);
    if (!audience) return refuse('forbidden-sender', 'This message did not come from one of the extension\'s own pages or an Asset Panda page, so the extension ignored it.');
    const envelope = EnvelopeSchema.safeParse(raw);
    if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) {
      return refuse('unknown-message', 'The extension received a message it does not know.');
    }
    const type = envelope.data.type as MessageType;
    const spec = protocol[type];
    if (!spec.from.includes(audience)) return refuse('forbidden-message', `"${type}" may not be sent from ${audience === 'content' ? 'a web page' : 'this page'}.`);
    const request = spec.request.safeParse(envelope.data.payload);
    if (!request.success) return refuse('invalid-request', `The "${type}" request was malformed: ${request.error.issues[0]?.message ?? 'invalid'}.`);
    try {
      const handler = handlers[type] as (request: unknown, sender: MessageSender, audience: Audience) => Promise<unknown>;
      const value = spec.response.parse(await handler(request.data, sender, audience));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof UserFacingError) return refuse(error.code, error.message);
      const detail = error instanceof Error ? error.message : String(error);
      return refuse('internal', `Something went wrong in the extension: ${detail}`);
    }
  };
}

function refuse(code: string, message: string): Reply {
  return { ok: false, error: { code, message } };
}
