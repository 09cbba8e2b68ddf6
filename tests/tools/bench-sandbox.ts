// The benchmark's sandbox, in a worker thread of its own so that its heap (the imitated tenant:
// up to 100 000 devices and records) does not count against the engine's. The main thread sends
// { size, overlap } and gets back the port, a Graph token and how many records the collection holds.
import { parentPort } from 'node:worker_threads';
import { collectionNamed, columnNamed } from '../sandbox/assetpanda-api/tenant.ts';
import { SANDBOX_ADMIN } from '../sandbox/directory.ts';
import { graphTokenFor } from '../sandbox/entra/access-token.ts';
import { startSandbox } from '../sandbox/server.ts';
import { withoutUniqueFields } from '../support/sync-harness.ts';

export interface BenchWorld {
  /** Devices in Intune. */
  size: number;
  /** Share of them (0 to 1) the collection already holds, by Intune Device ID, with only their identifying fields. */
  overlap: number;
  /** Keep the collection as the last run left it (a re-run). */
  keep?: boolean;
}

export interface BenchWorldReady {
  port: number;
  token: string;
  records: number;
}

const sandbox = await startSandbox({ fleetSize: 10 });

parentPort?.on('message', (world: BenchWorld | 'close') => {
  if (world === 'close') {
    void sandbox.close().then(() => parentPort?.close());
    return;
  }
  if (!world.keep) prepare(world);
  const devices = collectionNamed(sandbox.world.assetPanda, 'Devices');
  parentPort?.postMessage({ port: sandbox.port, token: token(), records: devices.records.size } satisfies BenchWorldReady, []);
});

function prepare({ size, overlap }: BenchWorld): void {
  sandbox.reset({ fleetSize: size, seed: 1 });
  const { world } = sandbox;
  // Limits that would measure the imitation rather than the engine (each is said in the README):
  // Asset Panda's rate limit (400 requests per 3 minutes) would make 100 000 devices take an hour;
  // Graph throttling never bites at 100 pages; the search window (10 000) would stop reading a
  // larger collection; and the sandbox checks unique fields by scanning the whole collection.
  world.graph.throttling.enabled = false;
  world.assetPanda.rateLimit = { limit: Number.MAX_SAFE_INTEGER, windowMs: 180_000 };
  world.assetPanda.searchLimits = { ...world.assetPanda.searchLimits, maxResultWindow: Number.MAX_SAFE_INTEGER };
  withoutUniqueFields(world);
  const devices = collectionNamed(world.assetPanda, 'Devices');
  devices.records.clear();
  const columnId = (name: string) => columnNamed(devices, name).id;
  const at = new Date(world.now()).toISOString();
  world.graph.devices.forEach((device, index) => {
    // At 80 %, 80 devices of every hundred are held, with their identifying fields only.
    if (index % 100 >= overlap * 100) return;
    const id = `REC${String(index).padStart(23, '0')}`;
    const values = { [columnId('Name')]: device.deviceName, [columnId('Intune Device ID')]: device.id, [columnId('Serial Number')]: device.serialNumber };
    devices.records.set(id, { id, createdAt: at, updatedAt: at, values });
  });
}

function token(): string {
  return graphTokenFor(sandbox.world, SANDBOX_ADMIN, ['DeviceManagementManagedDevices.Read.All'], 'bench', 24 * 3600);
}
