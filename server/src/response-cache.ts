/**
 * An in-memory cache of successful GET GraphQL responses, keyed by the normalised query, the
 * variables, the operation name and the Accept header. Any write clears it: the database sends a
 * NOTIFY on every committed change (see the notify_data_changed migration), from this or any other
 * server process, and mutations handled here clear it before they answer.
 */
import { parse, print } from 'graphql'

export interface CachedResponse {
  status: number
  contentType: string
  body: string
}

/** Raw query text → normalised text, so that a repeated GET skips parsing and printing. */
const normalisedQueries = new Map<string, string>()

export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>()
  #bytes = 0
  /** Bumped on every clear: a response computed before a clear must not be stored after it. */
  #generation = 0
  hits = 0
  misses = 0

  constructor(
    readonly maxEntries = 1000,
    readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get generation(): number {
    return this.#generation
  }

  /** The key of a GET request, or undefined when its query cannot be parsed (it is not cached). */
  static keyOf(search: URLSearchParams, accept: string | undefined): string | undefined {
    const query = search.get('query')
    const extensions = search.get('extensions')
    let normalised: string
    try {
      if (query) {
        let known = normalisedQueries.get(query)
        if (known === undefined) {
          known = print(parse(query))
          if (normalisedQueries.size > 5000) normalisedQueries.clear()
          normalisedQueries.set(query, known)
        }
        normalised = known
      } else {
        normalised = `persisted:${JSON.stringify(JSON.parse(extensions ?? 'null')?.persistedQuery ?? null)}`
      }
    } catch {
      return undefined
    }
    let variables: unknown = null
    try {
      variables = sortKeys(JSON.parse(search.get('variables') ?? 'null'))
    } catch {
      return undefined
    }
    return JSON.stringify([normalised, variables, search.get('operationName') ?? null, accept ?? ''])
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key)
    if (entry) {
      // Most recently used last.
      this.#entries.delete(key)
      this.#entries.set(key, entry)
      this.hits++
    } else {
      this.misses++
    }
    return entry
  }

  /** Stores a response computed while the cache was at `generation`; ignored if it has been cleared since. */
  set(key: string, value: CachedResponse, generation: number): void {
    if (generation !== this.#generation || value.body.length > this.maxBytes / 4) return
    const old = this.#entries.get(key)
    if (old) this.#bytes -= old.body.length
    this.#entries.set(key, value)
    this.#bytes += value.body.length
    for (const [k, v] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break
      this.#entries.delete(k)
      this.#bytes -= v.body.length
    }
  }

  clear(): void {
    this.#generation++
    this.#entries.clear()
    this.#bytes = 0
  }

  get size(): number {
    return this.#entries.size
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]))
  }
  return value
}
