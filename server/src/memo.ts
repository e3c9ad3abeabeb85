/**
 * Results of costly computations shared across requests (e.g. coverage shares), cleared with the
 * response cache on every write. A failed computation is not kept.
 */
export class Memo {
  readonly #entries = new Map<string, Promise<unknown>>()
  /** Values of the entries whose computation has finished, for synchronous reads (see `peek`). */
  readonly #settled = new Map<string, unknown>()

  constructor(readonly maxEntries = 500) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let entry = this.#entries.get(key) as Promise<T> | undefined
    if (!entry) {
      if (this.#entries.size >= this.maxEntries) this.#delete(this.#entries.keys().next().value!)
      const computed = compute()
      entry = computed
      this.#entries.set(key, computed)
      computed.then(
        (value) => {
          // Not if the entry was cleared (or replaced) meanwhile.
          if (this.#entries.get(key) === computed) this.#settled.set(key, value)
        },
        () => {
          if (this.#entries.get(key) === computed) this.#delete(key)
        },
      )
    }
    return entry
  }

  /** The value of a finished entry as `{ value }`, or undefined when there is none (yet). */
  peek<T>(key: string): { value: T } | undefined {
    return this.#settled.has(key) ? { value: this.#settled.get(key) as T } : undefined
  }

  clear(): void {
    this.#entries.clear()
    this.#settled.clear()
  }

  #delete(key: string): void {
    this.#entries.delete(key)
    this.#settled.delete(key)
  }
}
