import { z } from 'zod';
import { parseJsonOrUndefined } from './json';

/** What Intune says inside a Graph error, once unwrapped. */
export interface IntuneErrorDetails {
  /** Intune's own code (e.g. "Forbidden"), when the wrapper carries one. */
  errorCode: string | null;
  /** The message without the support identifiers and the internal URL. */
  message: string;
  activityId: string | null;
  operationId: string | null;
}

// Intune's service error, at either level of nesting: { "ErrorCode": …, "Message": "<text or JSON>" }
// or { "_version": 3, "Message": "…", "HttpHeaders": … }.
const IntuneEnvelopeSchema = z.object({
  ErrorCode: z.string().optional(),
  Message: z.string().optional(),
});

const GUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const OPERATION_ID = new RegExp(`Operation ID \\(for customer support\\): ${GUID}`, 'i');
const ACTIVITY_ID = new RegExp(`Activity ID: ${GUID}`, 'i');
const MAX_NESTING = 3;

/**
 * Intune-backed Graph endpoints put Intune's error, serialized as JSON, in `error.message`, sometimes
 * twice (a Forbidden wrapper around the versioned error). Returns null when the message is plain text.
 */
export function parseIntuneMessage(message: string): IntuneErrorDetails | null {
  let errorCode: string | null = null;
  let text = message;
  let unwrapped = false;
  for (let depth = 0; depth < MAX_NESTING; depth += 1) {
    const envelope = IntuneEnvelopeSchema.safeParse(parseJsonOrUndefined(text));
    if (!envelope.success) break;
    unwrapped = true;
    errorCode ??= envelope.data.ErrorCode ?? null;
    if (envelope.data.Message === undefined) break;
    text = envelope.data.Message;
  }
  if (!unwrapped) return null;
  return {
    errorCode,
    message: readable(text),
    activityId: ACTIVITY_ID.exec(text)?.[1] ?? null,
    operationId: OPERATION_ID.exec(text)?.[1] ?? null,
  };
}

/** "X - Operation ID (for customer support): … - Activity ID: … - Url: …" → "X". */
function readable(text: string): string {
  const cut = text.search(/ - Operation ID \(for customer support\)| - Activity ID:/i);
  return (cut >= 0 ? text.slice(0, cut) : text).trim();
}

const SCOPES_SENTENCE = /must have one of the following scopes:\s*([^\n]+)/i;

/** The scopes Intune names when the token lacks them ("Application must have one of the following scopes: A, B"). */
export function requiredScopesIn(message: string): string[] {
  const list = SCOPES_SENTENCE.exec(message)?.[1];
  if (!list) return [];
  return list
    .split(/[,\s]+/)
    .map((scope) => scope.replace(/[.)]+$/, ''))
    .filter((scope) => /^[A-Za-z]+\.[A-Za-z.]+$/.test(scope));
}
