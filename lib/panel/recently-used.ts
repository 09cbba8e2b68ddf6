/**
 * Sets `key` in `map` as its most recently used entry, and forgets the least recently used one once
 * the map holds more than `max`: what a hostile page can make the background remember stays bounded.
 * A Map keeps insertion order, so a key deleted and set again moves to the end, and the first key is
 * the least recently used.
 */
export function setRecentlyUsed<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  const oldest = map.keys().next();
  if (map.size > max && !oldest.done) map.delete(oldest.value);
}
