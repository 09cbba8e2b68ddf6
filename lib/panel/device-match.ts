import type { AssetRecord } from '../assetpanda/types';
import type { GraphClient } from '../graph/client';
import { DEVICE_FIELDS, isDeviceFieldKey } from '../graph/device-fields';
import type { ManagedDevice } from '../graph/device-schema';
import { isGraphError } from '../graph/errors';
import { deviceFilter, type DeviceFilter } from '../graph/filter';
import { sourceField } from '../mapping/entities';
import { matchKeyTarget } from '../mapping/match-key-target';
import type { Mapping } from '../mapping/schema';
import { matchKeyValue } from '../sync/match-key';

/** A match key the record holds a usable value for, and what it found. */
export interface MatchAttempt {
  label: string;
  value: string;
}

export interface RecordMatch {
  devices: ManagedDevice[];
  /** The key that found them (the label of the last one tried when none did). */
  matchedBy: string | undefined;
  tried: MatchAttempt[];
}

/** A single lookup never needs more: a match key shared by more devices than this is not one. */
const MAX_MATCHES = 20;

/**
 * The Intune devices a record points at, through the mapping's Unique Identifier: each match key in
 * the mapping's order, using the value of the field it is mapped onto. The first key that finds a
 * device decides. Junk values ("To be filled by O.E.M.", "0") never match (lib/sync/match-key.ts),
 * and every device Graph returns is checked again here, because Intune is known to ignore filters.
 */
export async function devicesForRecord(graph: GraphClient, mapping: Mapping, record: AssetRecord): Promise<RecordMatch> {
  const tried: MatchAttempt[] = [];
  for (const key of mapping.matchKeys) {
    const source = sourceField(mapping.entity, key);
    const entry = matchKeyTarget(mapping, key);
    const raw = entry ? record.values[entry.target.id] : undefined;
    const wanted = matchKeyValue(raw);
    const value = String(raw).trim();
    const lookUp = source && wanted !== undefined ? lookUpBy(key, value) : undefined;
    if (!source || !lookUp) continue;
    tried.push({ label: source.label, value });
    const found = (await lookUp(graph)).filter((device) => matchKeyValue(source.read(device)) === wanted);
    const devices = [...new Map(found.map((device) => [device.id, device])).values()];
    if (devices.length > 0) return { devices, matchedBy: source.label, tried };
  }
  return { devices: [], matchedBy: undefined, tried };
}

/** How to find the devices holding `value` in `key` one record at a time; undefined where Graph cannot filter on it. */
function lookUpBy(key: string, value: string): ((graph: GraphClient) => Promise<ManagedDevice[]>) | undefined {
  if (key === 'id') {
    return async (graph) => {
      try {
        return [await graph.getDevice(value)];
      } catch (error) {
        // An id Intune does not know (deleted, or not an id at all): no device by this key.
        if (isGraphError(error, 'notFound') || isGraphError(error, 'badRequest')) return [];
        throw error;
      }
    };
  }
  const filter = filterFor(key, value);
  if (!filter) return undefined;
  return async (graph) => {
    for await (const page of graph.listDevices({ filter, top: MAX_MATCHES })) return page.items;
    return [];
  };
}

/**
 * `key eq 'value'`, or with the upper-cased value too where the property allows `or`: serials typed
 * by hand are often lower case, and Microsoft does not document whether `eq` ignores case.
 */
function filterFor(key: string, value: string): DeviceFilter | undefined {
  if (!isDeviceFieldKey(key)) return undefined;
  const operators: readonly string[] = DEVICE_FIELDS[key].filterOperators;
  const variants = [...new Set([value, value.toUpperCase()])];
  if (operators.includes('or')) return deviceFilter.anyOf(key as Parameters<typeof deviceFilter.anyOf>[0], variants);
  if (operators.includes('eq')) return deviceFilter.eq(key as Parameters<typeof deviceFilter.eq>[0], value as never);
  return undefined;
}
