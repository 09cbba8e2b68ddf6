import { createAssetPandaClient, type AssetPandaClient } from '../../lib/assetpanda/client.ts';
import type { CollectionRef, Field } from '../../lib/assetpanda/types.ts';
import { SignInError } from '../../lib/auth/errors.ts';
import { createGraphClient } from '../../lib/graph/client.ts';
import type { Mapping, MappingInput } from '../../lib/mapping/schema.ts';
import { assetPandaRecords } from '../../lib/sync/assetpanda-records.ts';
import { createSyncEngine, type SyncEngine, type SyncEngineDeps } from '../../lib/sync/engine.ts';
import { graphDeviceSource } from '../../lib/sync/graph-devices.ts';
import { createMemoryRunStore } from '../../lib/sync/memory-run-store.ts';
import { createRetryAfterGate } from '../../lib/sync/retry-after-gate.ts';
import type { RunStore } from '../../lib/sync/run-store.ts';
import { devicesTarget } from '../sandbox/assetpanda-api/test-client.ts';
import { SANDBOX_API_KEYS } from '../sandbox/assetpanda-api/unpublished-shapes.ts';
import { SANDBOX_ADMIN } from '../sandbox/directory.ts';
import { graphTokenFor } from '../sandbox/entra/access-token.ts';
import { collectionNamed, columnNamed } from '../sandbox/assetpanda-api/tenant.ts';
import type { RecordedRequest, Sandbox } from '../sandbox/server.ts';
import type { World } from '../sandbox/world.ts';
import { devicesMapping } from './devices-mapping.ts';

// The sync tests and the benchmark take these from here with the harness.

const SCOPES = ['DeviceManagementManagedDevices.Read.All', 'DeviceManagementManagedDevices.ReadWrite.All'];
const TOKEN_LIFETIME_S = 3600;

/** One request as the client sent it (after the Retry-After gate), and what came back. */
export interface SentRequest {
  id: number;
  host: string;
  method: string;
  path: string;
  status: number | 'no answer';
  retryAfter: string | null;
}

/**
 * What the Node side of a sync test needs against the sandbox: the Graph and Asset Panda clients
 * built as the extension builds them (one Retry-After gate under both), the engine's ports, a run
 * store, waits that move the sandbox clock instead of sleeping, a Graph sign-in that renews its
 * token, and a network that logs what it sends and can be "killed" like a worker that dies.
 */
export function createSyncHarness(sandbox: Sandbox & { fetch: typeof fetch }, options: { store?: RunStore } = {}) {
  const world = sandbox.world;
  const now = () => world.now();
  const sleep = async (ms: number) => world.advanceClock(ms);
  const sent: SentRequest[] = [];
  /** Per host: the ids of the requests the client saw throttled (429 or 503 with Retry-After), in order. */
  const throttlesSeen = new Map<string, number[]>();
  /** Once set, requests hang for ever: the worker is dead. `after`: the request still reaches the service. */
  /** Something the world does as a request goes out (a clock jump, a field deleted by someone). */
  let onSend: ((request: SentRequest) => void) | undefined;
  let onAnswer: ((request: SentRequest) => void) | undefined;
  let death:
    | { when: (request: SentRequest) => boolean; after: boolean; dead: boolean; atSave?: (changes: Parameters<RunStore['saveStates']>[1]) => boolean }
    | undefined;

  let died!: () => void;
  const dead = new Promise<void>((resolve) => {
    died = resolve;
  });
  const die = (): Promise<never> => {
    if (death) death.dead = true;
    died();
    return hang();
  };

  const network: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const request: SentRequest = { id: sent.length, host: url.host, method: init?.method ?? 'GET', path: url.pathname, status: 'no answer', retryAfter: null };
    if (death?.dead) return hang();
    onSend?.(request);
    const dies = death?.when(request) === true;
    if (death && dies && !death.after) return die();
    sent.push(request);
    const headers = new Headers(init?.headers);
    headers.set('x-test-id', String(request.id));
    headers.set('x-test-throttles-seen', String(throttlesSeen.get(url.host)?.length ?? 0));
    const response = await sandbox.fetch(input, { ...init, headers });
    request.status = response.status;
    request.retryAfter = response.headers.get('retry-after');
    if (request.retryAfter !== null && (response.status === 429 || response.status === 503)) {
      throttlesSeen.set(url.host, [...(throttlesSeen.get(url.host) ?? []), request.id]);
    }
    onAnswer?.(request);
    if (death && (death.dead || dies)) return die();
    return response;
  };

  const gate = createRetryAfterGate({ now, sleep });
  const fetch = gate.wrap(network);

  let signedIn = true;
  let token: { value: string; expiresAt: number } | undefined;
  let tokensIssued = 0;
  const getAccessToken = async (): Promise<string> => {
    if (!signedIn) throw new SignInError('session-expired', 'Your Microsoft sign-in has expired or was revoked. Sign in again to continue.');
    // As the Intune session does: a token about to expire is renewed silently.
    if (!token || token.expiresAt - now() < 60_000) {
      token = { value: graphTokenFor(world, SANDBOX_ADMIN, SCOPES, 'sync-test', TOKEN_LIFETIME_S), expiresAt: now() + TOKEN_LIFETIME_S * 1000 };
      tokensIssued += 1;
    }
    return token.value;
  };

  const graph = createGraphClient({ cloud: 'global', getAccessToken, grantedScopes: async () => SCOPES, fetch, sleep, now });
  const assetPanda: AssetPandaClient = createAssetPandaClient({
    baseUrl: 'https://api.assetpanda.app',
    accessKeyId: SANDBOX_API_KEYS.readWrite.keyId,
    accessKeySecret: SANDBOX_API_KEYS.readWrite.secret,
    fetch,
    sleep,
    now,
  });
  const target = devicesTarget(world.assetPanda);
  const collection: CollectionRef = { ...target.tenant, collectionId: target.collectionId };
  const { reader, writer } = assetPandaRecords(assetPanda, target.tenant);
  const devices = graphDeviceSource(graph);
  const savedStore = options.store ?? createMemoryRunStore();
  const store: RunStore = {
    ...savedStore,
    saveStates: (runId, changes) => {
      if (death?.dead || death?.atSave?.(changes)) return die();
      return savedStore.saveStates(runId, changes);
    },
  };

  return {
    world,
    /** The store as saved: what a new worker finds after this one died. */
    store: savedStore,
    sent,
    throttlesSeen,
    assetPanda,
    tenant: target.tenant,
    /** The engine's device source over the Graph client, for tests that wrap it. */
    devices,
    reader,
    writer,
    collection,
    get tokensIssued() {
      return tokensIssued;
    },
    signOut: () => {
      signedIn = false;
    },
    signIn: () => {
      signedIn = true;
    },
    /** Calls `hook` with every request as it goes out. */
    onSend(hook: (request: SentRequest) => void) {
      onSend = hook;
    },
    /** Calls `hook` with every request once its answer is in. */
    onAnswer(hook: (request: SentRequest) => void) {
      onAnswer = hook;
    },
    /** From the first request `when` picks, nothing more is sent or answered (`after`: that request still reaches the service). */
    dieAt(when: (request: SentRequest) => boolean, after = false) {
      death = { when, after, dead: false };
    },
    /** Settles when the worker died. */
    dead,
    /** The worker dies when the engine is about to store these write states (the answer came; the checkpoint never lands). */
    dieAtSave(atSave: (changes: Parameters<RunStore['saveStates']>[1]) => boolean) {
      death = { when: () => false, after: false, dead: false, atSave };
    },
    engine: (deps: Partial<SyncEngineDeps> = {}): SyncEngine =>
      createSyncEngine({ devices, records: reader, writer, store, now, sleep, ...deps }),
    /** The caller's part before every run: the column listing for the mapping check. */
    async mapping(changes: Partial<MappingInput> = {}): Promise<{ mapping: Mapping; fields: Field[] }> {
      const fields = await assetPanda.listFields(collection);
      return { mapping: devicesMapping(fields, { id: collection.collectionId, name: 'Devices' }, changes), fields };
    },
  };
}

export type SyncHarness = ReturnType<typeof createSyncHarness>;

function hang(): Promise<never> {
  return new Promise<never>(() => {});
}

/** How many records of the Devices collection hold each Intune Device ID (case aside). */
export function recordsPerDeviceId(world: World): Map<string, number> {
  const devices = collectionNamed(world.assetPanda, 'Devices');
  const column = columnNamed(devices, 'Intune Device ID').id;
  const counts = new Map<string, number>();
  for (const record of devices.records.values()) {
    const id = String(record.values[column] ?? '').toLowerCase();
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The devices a run's plan puts in a conflict (never written). */
export async function conflictedDevices(store: RunStore, runId: string): Promise<Set<string>> {
  const plan = await store.loadPlan(runId);
  return new Set((plan?.entries ?? []).flatMap((entry) => (entry.kind === 'conflict' ? entry.devices.map((device) => device.id.toLowerCase()) : [])));
}

/**
 * Every device Intune holds is in the collection exactly once, apart from the devices a conflict
 * holds back; no Intune Device ID is held twice. Returns what does not hold, to compare with [].
 */
export function devicesNotExactlyOnce(world: World, conflicted: ReadonlySet<string>): string[] {
  const held = recordsPerDeviceId(world);
  const wrong = world.graph.devices.flatMap((device) => {
    const count = held.get(device.id.toLowerCase()) ?? 0;
    return count === 1 || (count === 0 && conflicted.has(device.id.toLowerCase())) ? [] : [`${device.id} held by ${count} records`];
  });
  return [...wrong, ...[...held].filter(([, count]) => count > 1).map(([id, count]) => `${id} held by ${count} records`)];
}

/**
 * Requests that reached the sandbox while a Retry-After was running that the client had already
 * received from that host. The window is the sandbox's own: when it answered, plus Retry-After.
 * (A request already on its way when the throttling answer arrived cannot have known of it.)
 */
export function sentInsideRetryAfter(requests: readonly RecordedRequest[], throttlesSeen: ReadonlyMap<string, readonly number[]>): string[] {
  const byTestId = new Map(requests.map((request) => [request.headers['x-test-id'], request]));
  const windowEnds = new Map(
    [...throttlesSeen].map(([host, ids]) => {
      let end = 0;
      return [host, ids.map((id) => (end = Math.max(end, windowEnd(byTestId.get(String(id))))))] as const;
    }),
  );
  return requests.flatMap((request) => {
    const seen = Number(request.headers['x-test-throttles-seen'] ?? 0);
    const end = seen > 0 ? (windowEnds.get(request.host)?.[seen - 1] ?? 0) : 0;
    return request.at < end ? [`${request.method} ${request.host}${request.path} at ${request.at}, ${end - request.at} ms before the window closed`] : [];
  });
}

function windowEnd(throttled: RecordedRequest | undefined): number {
  const seconds = Number(throttled?.responseHeaders['retry-after']);
  return throttled && Number.isFinite(seconds) ? throttled.at + seconds * 1000 : 0;
}

/**
 * Unmarks the Devices collection's unique fields. Asset Panda only refuses a second record with the
 * same Intune Device ID when the admin marked the field unique (the mapping check only advises it),
 * so the tests of "no duplicates" run without that safety net.
 */
export function withoutUniqueFields(world: World): void {
  for (const column of collectionNamed(world.assetPanda, 'Devices').columns) column.unique = false;
}
