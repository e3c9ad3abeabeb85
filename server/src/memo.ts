/**
 * Results of costly computations shared across requests (e.g. coverage shares), cleared with the
 * response cache on every write. A failed computation is not kept. Bounded by bytes (an estimate
 * from the value's JSON once it has settled), least recently used first out.
 */
import type { LRUCache } from 'lru-cache'
import { boundedCache, stringBytes } from './bounded-cache.ts'

interface Entry {
  promise: Promise<unknown>
  /** Set once the computation has finished, for synchronous reads (see `peek`). */
  settled?: { value: unknown }
  /** Estimated bytes (a placeholder until settled). */
  bytes: number
}

/** What an entry is counted as while its computation runs. */
const PENDING_BYTES = 256

export class Memo {
  readonly #entries: LRUCache<string, Entry>

  constructor(readonly maxBytes = 32 * 1024 * 1024) {
    this.#entries = boundedCache<string, Entry>('memoised figures', maxBytes, (e, k) => e.bytes + stringBytes(k))
  }

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const known = this.#entries.get(key)
    if (known) return known.promise as Promise<T>
    const computed = compute()
    const entry: Entry = { promise: computed, bytes: PENDING_BYTES }
    this.#entries.set(key, entry)
    computed.then(
      (value) => {
        // Not if the entry was cleared (or replaced) meanwhile; stored again with its real size.
        if (this.#entries.peek(key) !== entry) return
        entry.settled = { value }
        entry.bytes = estimateBytes(value)
        this.#entries.set(key, entry)
      },
      () => {
        if (this.#entries.peek(key) === entry) this.#entries.delete(key)
      },
    )
    return computed
  }

  /** The value of a finished entry as `{ value }`, or undefined when there is none (yet). */
  peek<T>(key: string): { value: T } | undefined {
    return this.#entries.get(key)?.settled as { value: T } | undefined
  }

  clear(): void {
    this.#entries.clear()
  }
}

function estimateBytes(value: unknown): number {
  try {
    return stringBytes(JSON.stringify(value) ?? '')
  } catch {
    return PENDING_BYTES // not JSON (a cycle, a BigInt): count it as small
  }
}
