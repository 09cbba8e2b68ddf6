import { UserFacingError } from '../errors';
import type { ActionName } from './catalog';
import type { EphemeralStore } from './ephemeral-store';

/** The device as the confirmation names it: read from Intune by the background, never from the page. */
export interface ConfirmedDevice {
  id: string;
  name: string;
  serialNumber: string | null;
  operatingSystem: string | null;
  osVersion: string | null;
  primaryUser: string | null;
  lastCheckIn: string | null;
}

export interface ConfirmedRecord {
  collectionId: string;
  collectionName: string;
  recordId: string;
  title: string;
}

/**
 * An action the admin asked for on a record page, waiting for their decision in the confirmation
 * window. `finishDelete` finishes a delete whose Asset Panda part failed (`auditId` names it).
 */
export interface ConfirmationRequest {
  id: string;
  kind: 'action' | 'finishDelete';
  action: ActionName;
  device: ConfirmedDevice;
  record: ConfirmedRecord;
  mappingId: string;
  auditId?: string;
  /** The tab whose panel asked, told to refresh once the action is sent. */
  tabId?: number;
  expiresAt: number;
}

export interface ConfirmationRequestDeps {
  store: EphemeralStore;
  now(): number;
  newId(): string;
  ttlMs?: number;
}

/** Long enough to read the window and type a device name; short enough that a forgotten window lapses. */
const DEFAULT_TTL_MS = 10 * 60_000;
const key = (id: string) => `confirmation-request:${id}`;

/** The confirmations waiting for the admin, kept across service-worker restarts (storage.session). */
export function confirmationRequests({ store, now, newId, ttlMs = DEFAULT_TTL_MS }: ConfirmationRequestDeps) {
  return {
    async open(request: Omit<ConfirmationRequest, 'id' | 'expiresAt'>): Promise<ConfirmationRequest> {
      const opened: ConfirmationRequest = { ...request, id: newId(), expiresAt: now() + ttlMs };
      await store.set(key(opened.id), opened);
      return opened;
    },

    async get(id: string): Promise<ConfirmationRequest> {
      const request = (await store.get(key(id))) as ConfirmationRequest | undefined;
      if (!request) {
        throw new UserFacingError('confirmation-unknown', 'This confirmation is closed or was never opened by the extension. Start the action again from the record page.');
      }
      if (request.expiresAt <= now()) {
        await store.remove(key(id));
        throw new UserFacingError('confirmation-expired', 'This confirmation window was open too long and has expired. Start the action again from the record page.');
      }
      return request;
    },

    close: (id: string) => store.remove(key(id)),
  };
}

export type ConfirmationRequests = ReturnType<typeof confirmationRequests>;
