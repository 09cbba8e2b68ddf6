import type { z } from 'zod';

/**
 * Who may send a message. Extension pages (popup, options) are privileged; content scripts run
 * inside Asset Panda's pages and are treated as untrusted input: they only get what a record page
 * needs, never tokens, keys or connection settings.
 */
export type Audience = 'page' | 'content';

export interface MessageSpec<Request extends z.ZodType, Response extends z.ZodType> {
  from: readonly Audience[];
  request: Request;
  response: Response;
}

export function message<Request extends z.ZodType, Response extends z.ZodType>(
  spec: MessageSpec<Request, Response>,
): MessageSpec<Request, Response> {
  return spec;
}
