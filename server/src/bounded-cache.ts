/**
 * The one cache implementation of the server: a named LRU (lru-cache) bounded by bytes. Every
 * in-memory cache (GET responses, tiles, memoised figures, normalised queries) is one of these, so
 * they share one eviction policy (least recently used) and say what they hold (`cacheStats`).
 */
import { LRUCache } from 'lru-cache'

/** Weakly held: a cache dropped with its owner (a stopped app in tests) is not kept alive by the list. */
const caches = new Set<{ name: string; ref: WeakRef<Pick<LRUCache<NonNullable<unknown>, NonNullable<unknown>>, 'size' | 'calculatedSize' | 'maxSize'>> }>()

/**
 * A cache holding at most `maxBytes` by `sizeOf` (an estimate in bytes of one entry, at least 1);
 * an entry larger than a quarter of it is not kept.
 */
export function boundedCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(
  name: string,
  maxBytes: number,
  sizeOf: (value: V, key: K) => number,
): LRUCache<K, V> {
  const cache = new LRUCache<K, V>({
    maxSize: maxBytes,
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
    sizeCalculation: (value, key) => Math.max(1, Math.ceil(sizeOf(value, key))),
  })
  caches.add({ name, ref: new WeakRef(cache) })
  return cache
}

/** Bytes of a string as a JavaScript string in memory (UTF-16). */
export const stringBytes = (s: string): number => s.length * 2

/** Name, entries and bytes of every live cache (for logs and benchmarks). */
export function cacheStats(): { name: string; entries: number; bytes: number; maxBytes: number }[] {
  const stats = []
  for (const entry of caches) {
    const cache = entry.ref.deref()
    if (!cache) caches.delete(entry)
    else stats.push({ name: entry.name, entries: cache.size, bytes: cache.calculatedSize, maxBytes: cache.maxSize })
  }
  return stats
}
