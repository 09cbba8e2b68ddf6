import { UserFacingError } from '../errors';
import type { EphemeralStore } from './ephemeral-store';

/** What a token allows: exactly one action, on one device, with these options, for one confirmation. */
export interface TokenBinding {
  requestId: string;
  action: string;
  deviceId: string;
  options: Readonly<Record<string, unknown>>;
}

interface StoredToken {
  binding: string;
  expiresAt: number;
  spent: boolean;
}

export interface ConfirmationTokenDeps {
  store: EphemeralStore;
  now(): number;
  /** How long a token may wait between the admin's confirmation and the action. */
  ttlMs?: number;
}

const DEFAULT_TTL_MS = 2 * 60_000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const key = (token: string) => `confirmation-token:${token}`;

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
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    async issue(binding: TokenBinding): Promise<{ token: string; expiresAt: number }> {
      const token = randomToken();
      const expiresAt = now() + ttlMs;
      await store.set(key(token), { binding: canonical(binding), expiresAt, spent: false } satisfies StoredToken);
      return { token, expiresAt };
    },

    spend(token: string, binding: TokenBinding): Promise<void> {
      return serially(async () => {
        const stored = TOKEN_SHAPE.test(token) ? ((await store.get(key(token))) as StoredToken | undefined) : undefined;
        if (!stored) {
          throw refuse('confirmation-invalid', 'This action was not confirmed in the extension’s confirmation window, so nothing was done. Start it again from the record page.');
        }
        if (stored.spent) {
          throw refuse('confirmation-used', 'This confirmation was already used: each one runs its action once. Nothing more was done. Start again from the record page.');
        }
        if (stored.expiresAt <= now()) {
          await store.remove(key(token));
          throw refuse('confirmation-expired', 'This confirmation expired before the action was sent, so nothing was done. Start again from the record page.');
        }
        if (stored.binding !== canonical(binding)) {
          throw refuse('confirmation-mismatch', 'This confirmation was given for another device, action or options, so nothing was done. Start again from the record page.');
        }
        // Kept as spent until it would have expired, so a replay is told apart from a forgery.
        await store.set(key(token), { ...stored, spent: true });
      });
    },
  };
}

export type ConfirmationTokens = ReturnType<typeof createConfirmationTokens>;
