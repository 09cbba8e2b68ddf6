import { z } from 'zod';
import { UserFacingError } from '../errors';
import { confirmationUsed } from './confirmations';
import { purgeExpired, type EphemeralStore } from './ephemeral-store';
import { serialQueue } from '../serial-queue';

/** What a token allows: exactly one action, on one device, with these options, for one confirmation. */
export interface TokenBinding {
  requestId: string;
  action: string;
  deviceId: string;
  options: Readonly<Record<string, unknown>>;
}

const StoredTokenSchema = z.object({ binding: z.string(), expiresAt: z.number(), spent: z.boolean() });
type StoredToken = z.infer<typeof StoredTokenSchema>;

export interface ConfirmationTokenDeps {
  store: EphemeralStore;
  now(): number;
  /** How long a token may wait between the admin's confirmation and the action. */
  ttlMs?: number;
}

const DEFAULT_TTL_MS = 2 * 60_000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const PREFIX = 'confirmation-token:';
const key = (token: string) => `${PREFIX}${token}`;

/** JSON with sorted keys and no undefined values, so equal bindings always compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .toSorted(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

const refuse = (code: string, message: string) => new UserFacingError(code, message);

/**
 * One-time confirmation tokens. The confirmation page gets one when the admin confirms, and spends it
 * at once to run the action; the background refuses any action without a token that it issued, that
 * is unspent and unexpired, and whose binding matches the request exactly.
 */
export function createConfirmationTokens({ store, now, ttlMs = DEFAULT_TTL_MS }: ConfirmationTokenDeps) {
  // Spends run one at a time, so two requests racing with one token cannot both pass the check.
  const serially = serialQueue();

  /** A stored token, or undefined for one never issued, already purged, or stored in a shape this version does not write. */
  async function read(token: string): Promise<StoredToken | undefined> {
    if (!TOKEN_SHAPE.test(token)) return undefined;
    const parsed = StoredTokenSchema.safeParse(await store.get(key(token)));
    return parsed.success ? parsed.data : undefined;
  }

  return {
    async issue(binding: TokenBinding): Promise<{ token: string; expiresAt: number }> {
      // Tokens past their time, spent or not, are of no more use: a replay after that reads as a forgery.
      await purgeExpired(store, PREFIX, StoredTokenSchema, now());
      const token = randomToken();
      const expiresAt = now() + ttlMs;
      await store.set(key(token), { binding: canonical(binding), expiresAt, spent: false } satisfies StoredToken);
      return { token, expiresAt };
    },

    spend(token: string, binding: TokenBinding): Promise<void> {
      return serially(async () => {
        const stored = await read(token);
        if (!stored) {
          throw refuse('confirmation-invalid', 'This action was not confirmed in the extension’s confirmation window, so nothing was done. Start it again from the record page.');
        }
        if (stored.spent) throw confirmationUsed();
        if (stored.expiresAt <= now()) {
          await store.remove(key(token));
          throw refuse('confirmation-expired', 'This confirmation expired before the action was sent, so nothing was done. Start again from the record page.');
        }
        if (stored.binding !== canonical(binding)) {
          throw refuse('confirmation-mismatch', 'This confirmation was given for another device, action or options, so nothing was done. Start again from the record page.');
        }
        // Kept as spent until it would have expired (purged at the next issue after that), so a replay is told apart from a forgery.
        await store.set(key(token), { ...stored, spent: true });
      });
    },
  };
}

export type ConfirmationTokens = ReturnType<typeof createConfirmationTokens>;
