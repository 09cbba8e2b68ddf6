import type { World } from '../sandbox/world.ts';

/** A record page of the Asset Panda web apps that the sandbox world holds. */
export interface RecordPage {
  url: string;
  /** What the panel names the record by: the Pro record id or the Classic object id. */
  recordId: string;
}

/** The Pro record page at `index` in the largest collection (the devices, once the fleet is synced). */
export function proRecordPage(world: World, index = 0): RecordPage {
  const [largest] = world.assetPanda.collections.toSorted((a, b) => b.records.size - a.records.size);
  const record = largest && [...largest.records.values()][index];
  if (!largest || !record) throw new Error(`The sandbox world has no Asset Panda Pro collection with ${index + 1} record(s).`);
  return { url: `https://assetpanda.app/collections/${largest.id}/records/${record.id}`, recordId: record.id };
}

export function classicRecordPage(world: World): RecordPage {
  for (const entity of world.assetPanda.classic.entities) {
    const object = entity.objects.values().next().value;
    if (object) return { url: `https://login.assetpanda.com/${entity.key}/${object.id}`, recordId: object.id };
  }
  throw new Error('The sandbox world has no Asset Panda Classic object.');
}

/** The list of a Pro collection: an Asset Panda page that is not a record page. */
export function proCollectionPage(world: World): string {
  const collection = world.assetPanda.collections[0];
  if (!collection) throw new Error('The sandbox world has no Asset Panda Pro collection.');
  return `https://assetpanda.app/collections/${collection.id}`;
}
