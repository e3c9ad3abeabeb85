/**
 * Results of costly computations shared across requests (e.g. coverage shares), cleared with the
 * response cache on every write. A failed computation is not kept.
 */
export class Memo {
  readonly #entries = new Map<string, Promise<unknown>>()

  constructor(readonly maxEntries = 500) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let entry = this.#entries.get(key) as Promise<T> | undefined
    if (!entry) {
      if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!)
      entry = compute()
      this.#entries.set(key, entry)
      entry.catch(() => this.#entries.delete(key))
    }
    return entry
  }

  clear(): void {
    this.#entries.clear()
  }
}
