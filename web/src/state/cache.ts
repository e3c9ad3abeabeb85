/**
 * The app's one data cache: every page's data by key (`county`, `town:410184109`, `compare:…@5`, …),
 * loaded once and read synchronously while drawing. A failed load is forgotten once it has been
 * shown, so the next draw asks again.
 */

/** A cache entry: loading, loaded or failed. */
export type Entry<T> = { status: 'loading'; promise: Promise<T> } | { status: 'done'; value: T } | { status: 'error'; error: unknown }

/** The data by key; `onSettle` runs when a load ends (the shell redraws). */
export class Cache {
  private readonly entries = new Map<string, Entry<unknown>>()
  /** Counts the changes: what is drawn from the cache is drawn again when it changes. */
  version = 0

  constructor(
    private readonly onSettle: () => void = () => {},
    /** Entries kept at most; the oldest are dropped first (a long session keeps many comparisons). */
    private readonly max = 200,
  ) {}

  /** The entry for a key, undefined when never asked for. */
  peek<T>(key: string): Entry<T> | undefined {
    return this.entries.get(key) as Entry<T> | undefined
  }

  /** The value when loaded, else undefined. */
  value<T>(key: string): T | undefined {
    const entry = this.peek<T>(key)
    return entry?.status === 'done' ? entry.value : undefined
  }

  /** The value of a key, loading it with `load` when the cache has none (or only a failure). */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.peek<T>(key)
    if (entry?.status === 'done') return Promise.resolve(entry.value)
    if (entry?.status === 'loading') return entry.promise
    const promise = load()
    this.set(key, { status: 'loading', promise })
    promise.then(
      (value) => {
        if (this.peek(key)?.status === 'loading') this.set(key, { status: 'done', value })
        this.onSettle()
      },
      (error: unknown) => {
        if (this.peek(key)?.status === 'loading') this.set(key, { status: 'error', error })
        this.onSettle()
      },
    )
    return promise
  }

  /** Stores a value (e.g. a page of history appended by "more"). */
  put<T>(key: string, value: T): void {
    this.set(key, { status: 'done', value })
  }

  /** Forgets a key (a failure that was shown, or data that must be asked again). */
  forget(key: string): void {
    if (this.entries.delete(key)) this.version++
  }

  /** Forgets every key with a prefix (e.g. after an edit: `town:`). */
  forgetPrefix(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.forget(key)
  }

  private set(key: string, entry: Entry<unknown>): void {
    this.version++
    this.entries.delete(key)
    this.entries.set(key, entry)
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string)
  }
}
