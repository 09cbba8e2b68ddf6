// Part of `npm run bench` (after the sync scenarios): speed and memory of the other parts that grow
// with the fleet, as a table on stderr. Numbers are printed, never asserted: tests stay free of timing.
import { SANDBOX_ADMIN, SANDBOX_TENANT_DOMAIN } from '../sandbox/directory.ts';
import { graphTokenFor } from '../sandbox/entra/access-token.ts';
import { sandboxFetch } from '../sandbox/fetch.ts';
import { generateFleet } from '../sandbox/fleet/generate.ts';
import { startSandbox } from '../sandbox/server.ts';
import { createGraphClient } from '../../lib/graph/client.ts';
import { countMatchingDevices } from '../../lib/mapping/device-count.ts';
import { FiltersSchema } from '../../lib/mapping/schema.ts';

const FLEET = Number(process.env.BENCH_FLEET_SIZE ?? 100_000);

export async function benchParts(): Promise<void> {
  const rows: Array<[string, string, string]> = [];

  async function measure<T>(name: string, work: () => Promise<T> | T, detail: (result: T) => string = () => ''): Promise<T> {
    const started = performance.now();
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    const { heapUsed, rss } = process.memoryUsage();
    const memory = `heap ${(heapUsed / 2 ** 20).toFixed(0)} MiB, RSS ${(rss / 2 ** 20).toFixed(0)} MiB after`;
    rows.push([name, `${seconds.toFixed(2)} s`, `${memory}${detail(result) ? `; ${detail(result)}` : ''}`]);
    return result;
  }

  await measure(`generate a ${FLEET.toLocaleString('en')}-device fleet`, () =>
    generateFleet({ size: FLEET, seed: 1, tenantDomain: SANDBOX_TENANT_DOMAIN }),
  );

  const sandbox = await measure(`start the sandbox with ${FLEET.toLocaleString('en')} devices`, () => startSandbox({ fleetSize: FLEET }));
  sandbox.world.graph.throttling.enabled = false;
  const token = graphTokenFor(sandbox.world, SANDBOX_ADMIN, ['DeviceManagementManagedDevices.Read.All'], 'bench');
  const graph = createGraphClient({ cloud: 'global', fetch: sandboxFetch(sandbox.port), getAccessToken: async () => token });

  await measure(
    'list every device through the Graph client (zod-checked pages)',
    async () => {
      let devices = 0;
      let pages = 0;
      for await (const page of graph.listDevices()) {
        devices += page.items.length;
        pages += 1;
      }
      return { devices, pages };
    },
    ({ devices, pages }) => `${devices.toLocaleString('en')} devices in ${pages} pages`,
  );
  await measure(
    '"N devices match" for Company Owned Windows (read and checked here)',
    () => countMatchingDevices(graph, FiltersSchema.parse({ deviceTypes: ['windows'], configuration: 'companyOwned' }), { now: sandbox.world.now() }),
    ({ count, method }) => `${count.toLocaleString('en')} devices, counted by the ${method}`,
  );
  await sandbox.close();

  console.error(`\nOther parts · Node ${process.version} · ${new Date().toISOString()}\n`);
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, time, detail] of rows) console.error(`${name.padEnd(width)}  ${time.padStart(8)}  ${detail}`);
  console.error(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (the sync scenarios' worker included)`);
}
