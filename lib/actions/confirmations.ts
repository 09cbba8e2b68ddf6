import { z } from 'zod';
import { UserFacingError } from '../errors';
import { ACTION_NAMES } from './catalog';
import { purgeExpired, type EphemeralStore } from './ephemeral-store';
import { serialQueue } from '../serial-queue';
import { Text } from '../panel/status';

/** The device as the confirmation names it: read from Intune by the background, never from the page. */
export const ConfirmedDeviceSchema = z.object({
  id: Text,
  name: Text,
  serialNumber: Text.nullable(),
  operatingSystem: Text.nullable(),
  osVersion: Text.nullable(),
  primaryUser: Text.nullable(),
  lastCheckIn: Text.nullable(),
});

export const ConfirmedRecordSchema = z.object({ collectionId: Text, collectionName: Text, recordId: Text, title: Text });

/**
 * An action the admin asked for on a record page, waiting for their decision in the confirmation
 * window; `finishDelete` finishes a delete whose Asset Panda part failed (`auditId` names it).
 */
const ConfirmationRequestSchema = z.object({
  id: z.string(),
  kind: z.enum(['action', 'finishDelete']),
  action: z.enum(ACTION_NAMES),
  device: ConfirmedDeviceSchema,
  record: ConfirmedRecordSchema,
  mappingId: z.string(),
  auditId: z.string().optional(),
  /** The tab whose panel asked, told to refresh once the action is sent. */
  tabId: z.number().optional(),
  expiresAt: z.number(),
  /** Set once a run took it: a confirmation runs its action once, whatever tokens were issued for it. */
  claimed: z.boolean().optional(),
});
export type ConfirmationRequest = z.infer<typeof ConfirmationRequestSchema>;

export interface ConfirmationRequestDeps {
  store: EphemeralStore;
  now(): number;
  newId(): string;
  ttlMs?: number;
}

/** Long enough to read the window and type a device name; short enough that a forgotten window lapses. */
const DEFAULT_TTL_MS = 10 * 60_000;
const PREFIX = 'confirmation-request:';
const key = (id: string) => `${PREFIX}${id}`;

const unknown = () =>
  new UserFacingError('confirmation-unknown', 'This confirmation is closed or was never opened by the extension. Start the action again from the record page.');
/** A confirmation, or its token, that already ran its action. */
export const confirmationUsed = () =>
  new UserFacingError('confirmation-used', 'This confirmation was already used: each one runs its action once. Nothing more was done. Start again from the record page.');

/** The confirmations waiting for the admin, kept across service-worker restarts (storage.session). */
export function confirmationRequests({ store, now, newId, ttlMs = DEFAULT_TTL_MS }: ConfirmationRequestDeps) {
  // Opening (which replaces a tab's earlier request) and claiming run one at a time.
  const serially = serialQueue();

  /** A request that is open: neither expired, nor claimed by a run (a request that does not read is unknown). */
  async function open(id: string): Promise<ConfirmationRequest> {
    const request = ConfirmationRequestSchema.safeParse(await store.get(key(id))).data;
    if (!request) throw unknown();
    if (request.expiresAt <= now()) {
      await store.remove(key(id));
      throw new UserFacingError('confirmation-expired', 'This confirmation window was open too long and has expired. Start the action again from the record page.');
    }
    if (request.claimed) throw confirmationUsed();
    return request;
  }

  return {
    /**
     * Opens a confirmation. A tab has one at a time: the requests its panel opened before are closed
     * (their window shows them closed). Expired requests, and any that no longer read, are purged.
     */
    open: (request: Omit<ConfirmationRequest, 'id' | 'expiresAt' | 'claimed'>): Promise<ConfirmationRequest> =>
      serially(async () => {
        for (const [entry, value] of await purgeExpired(store, PREFIX, ConfirmationRequestSchema, now())) {
          if (request.tabId !== undefined && value.tabId === request.tabId) await store.remove(entry);
        }
        const opened: ConfirmationRequest = { ...request, id: newId(), expiresAt: now() + ttlMs };
        await store.set(key(opened.id), opened);
        return opened;
      }),

    get: open,

    /**
     * Takes the request for a run, once: `check` (the token's spend) runs inside the same serialised
     * step, so two runs of one request, even with two tokens, cannot both pass.
     */
    claim: (id: string, check: (request: ConfirmationRequest) => Promise<void>): Promise<ConfirmationRequest> =>
      serially(async () => {
        const request = await open(id);
        await check(request);
        await store.set(key(id), { ...request, claimed: true });
        return request;
      }),

    close: (id: string) => store.remove(key(id)),
  };
}

export type ConfirmationRequests = ReturnType<typeof confirmationRequests>;
