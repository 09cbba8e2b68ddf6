// `npm run bench`: the sync engine against the sandbox, one JSON line per scenario on stdout, then
// the other parts that grow with the fleet (bench-parts.ts) and notes on stderr. Figures, never
// asserted: tests stay free of timing. BENCH_SIZES=1000,10000 picks the sync scenarios' sizes.
import { once } from 'node:events';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { createAssetPandaClient } from '../../lib/assetpanda/client.ts';
import { SEARCH_PAGE_SIZE, CREATE_LIMIT } from '../../lib/assetpanda/unpublished.ts';
import { UPDATE_LIMIT } from '../../lib/assetpanda/published.ts';
import { createGraphClient } from '../../lib/graph/client.ts';
import { assetPandaRecords } from '../../lib/sync/assetpanda-records.ts';
import { createSyncEngine } from '../../lib/sync/engine.ts';
import { graphDeviceSource } from '../../lib/sync/graph-devices.ts';
import { createMemoryRunStore } from '../../lib/sync/memory-run-store.ts';
import type { SyncProgress } from '../../lib/sync/progress.ts';
import { createRetryAfterGate } from '../../lib/sync/retry-after-gate.ts';
import { SANDBOX_API_KEYS } from '../sandbox/assetpanda-api/unpublished-shapes.ts';
import { sandboxFetch } from '../sandbox/fetch.ts';
import { devicesMapping } from '../support/devices-mapping.ts';
import { benchParts } from './bench-parts.ts';
import type { BenchWorld, BenchWorldReady } from './bench-sandbox.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const GRAPH_PAGE = 1000;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// A worker does not inherit tsx's loader: the sandbox's TypeScript is loaded through tsx's API.
const workerUrl = new URL('./bench-sandbox.ts', import.meta.url).href;
const sandbox = new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(workerUrl)}, ${JSON.stringify(import.meta.url)}));`, { eval: true });
async function world(request: BenchWorld): Promise<BenchWorldReady> {
  sandbox.postMessage(request, []);
  const [ready] = (await once(sandbox, 'message')) as [BenchWorldReady];
  return ready;
}

/** The requests the engine sends, by what they are. */
function countingFetch(inner: typeof fetch) {
  const counts = { graph: 0, apRead: 0, apWrite: 0 };
  const fetchImpl: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    if (url.host === 'graph.microsoft.com') counts.graph += 1;
    else if (url.pathname === '/collection-records' && init?.method !== 'GET') counts.apWrite += 1;
    else counts.apRead += 1;
    return inner(input, init);
  };
  return { counts, fetch: fetchImpl };
}

/**
 * CPU time of the process, for the engine's own steps: between two reads nothing else runs (the
 * engine reads one page at a time, so the sandbox's worker is idle), so this is the engine's CPU
 * time, V8's garbage-collection threads included.
 */
function cpuClock(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The engine thread's live heap at its highest: V8's heap in use right after a full garbage
 * collection, taken at every phase change and every tenth of the writes (between the engine's
 * steps, so its CPU time is not touched). Garbage V8 has not collected yet is not counted: how
 * much of it piles up depends on V8's schedule, not on what the engine keeps.
 */
function liveHeapWatch() {
  let peak = 0;
  let phase = '';
  let tenth = -1;
  const sample = () => {
    collectGarbage();
    peak = Math.max(peak, getHeapStatistics().used_heap_size);
  };
  const onProgress = (progress: SyncProgress) => {
    const step = progress.total ? Math.floor((progress.done * 10) / progress.total) : 0;
    if (progress.phase === phase && step === tenth) return;
    phase = progress.phase;
    tenth = step;
    sample();
  };
  return { onProgress, peak: () => (sample(), peak) };
}

async function scenario(name: string, request: BenchWorld): Promise<void> {
  const ready = await world(request);
  const { counts, fetch } = countingFetch(createRetryAfterGate().wrap(sandboxFetch(ready.port)));
  const graph = createGraphClient({ cloud: 'global', getAccessToken: async () => ready.token, fetch });
  const assetPanda = createAssetPandaClient({ baseUrl: 'https://api.assetpanda.app', accessKeyId: SANDBOX_API_KEYS.readWrite.keyId, accessKeySecret: SANDBOX_API_KEYS.readWrite.secret, fetch });
  const tenant = (await assetPanda.listAccounts().then(async ([account]) => ({ accountId: account!.id, moduleId: (await assetPanda.listModules(account!.id))[0]!.id })));
  const collection = (await assetPanda.listCollections(tenant)).find((candidate) => candidate.name === 'Devices')!;
  // The caller's part, before the engine: the column listing of the mapping check.
  const fields = await assetPanda.listFields({ ...tenant, collectionId: collection.id });
  const mapping = devicesMapping(fields, collection);
  const { reader, writer } = assetPandaRecords(assetPanda, tenant);
  const engine = createSyncEngine({ devices: graphDeviceSource(graph), records: reader, writer, store: createMemoryRunStore(), clock: cpuClock });
  Object.assign(counts, { graph: 0, apRead: 0, apWrite: 0 });

  const heap = liveHeapWatch();
  const started = performance.now();
  const run = await engine.sync({ mapping, fields }, { onProgress: heap.onProgress });
  const wallMs = performance.now() - started;
  const peakHeap = heap.peak();
  if (run.status !== 'done') throw new Error(`${name}: the run ended ${run.status}: ${run.pause?.message ?? ''}`);

  const { creates, updates } = run.plan!.counts;
  const minRequests =
    Math.max(1, Math.ceil(request.size / GRAPH_PAGE)) + Math.max(1, Math.ceil(ready.records / SEARCH_PAGE_SIZE)) + Math.ceil(creates / CREATE_LIMIT) + Math.ceil(updates / UPDATE_LIMIT);
  console.log(
    JSON.stringify({
      scenario: name,
      devices: request.size,
      records: ready.records,
      wallMs: Math.round(wallMs),
      engineCpuMs: Math.round(run.computeMs),
      graphRequests: counts.graph,
      apReadRequests: counts.apRead,
      apWriteRequests: counts.apWrite,
      minRequests,
      peakHeapMB: Math.round(peakHeap / 2 ** 20),
    }),
  );
}

console.error(`Sync benchmark · Node ${process.version} · the sandbox in a worker thread, Asset Panda's rate limit off`);
for (const size of SIZES) {
  const label = size >= 1000 ? `${size / 1000}k` : String(size);
  await scenario(`${label} devices, empty collection`, { size, overlap: 0 });
  await scenario(`${label} devices, 80% already in the collection`, { size, overlap: 0.8 });
  await scenario(`${label} devices, no-change re-run`, { size, overlap: 0.8, keep: true });
}
sandbox.postMessage('close', []);
await benchParts();
