import type { GraphClient } from '../graph/client';
import { deviceQuery } from './device-query';
import type { Filters } from './schema';

/** How far a count that pages through the devices has got. */
export interface CountProgress {
  /** Devices read so far. */
  seen: number;
  /** Devices Graph will return for the server-side part of the filters; null until it says. */
  total: number | null;
}

export interface DeviceCount {
  count: number;
  /** "server": Graph counted (`$count`); "client": the extension read the devices and checked each. */
  method: 'server' | 'client';
}

export class CountCancelledError extends Error {
  constructor() {
    super('The count was replaced by a newer one.');
    this.name = 'CountCancelledError';
  }
}

/**
 * How many Intune devices a mapping's filters select right now. When Graph can apply every active
 * filter, Graph counts; otherwise the devices are read with only the properties the filters need
 * and checked by the same `matches` the sync uses, so the number is the one a sync would see.
 */
export async function countMatchingDevices(
  graph: Pick<GraphClient, 'countDevices' | 'listDevices'>,
  filters: Filters,
  options: { now: number; onProgress?: (progress: CountProgress) => void; signal?: AbortSignal },
): Promise<DeviceCount> {
  const query = deviceQuery(filters, options.now);
  if (query.serverOnly) {
    return { count: await graph.countDevices(query.server ? { filter: query.server } : {}), method: 'server' };
  }
  let count = 0;
  let seen = 0;
  let total: number | null = null;
  const pages = graph.listDevices({ select: query.properties, count: true, ...(query.server ? { filter: query.server } : {}) });
  for await (const page of pages) {
    total ??= page.totalCount;
    seen += page.items.length;
    count += page.items.filter(query.matches).length;
    options.onProgress?.({ seen, total });
    // Before asking Graph for the next page.
    if (options.signal?.aborted) throw new CountCancelledError();
  }
  return { count, method: 'client' };
}
