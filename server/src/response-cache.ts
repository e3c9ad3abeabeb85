/**
 * An in-memory cache of successful GET GraphQL responses, keyed by the normalised query, the
 * variables, the operation name and the Accept header. Any write clears it: the database sends a
 * NOTIFY on every committed change (see the notify_data_changed migration), from this or any other
 * server process, and mutations handled here clear it before they answer.
 */
import { parse, print } from 'graphql'
import type { LRUCache } from 'lru-cache'
import { boundedCache, stringBytes } from './bounded-cache.ts'
import type { EncodedBody } from './http/encoding.ts'

export interface CachedResponse {
  status: number
  /** The body in every coding it is offered in, compressed once when stored (see EncodedBody.prepare). */
  body: EncodedBody
  /** Strong ETag of the identity bytes. */
  etag: string
}

/** Raw query text → normalised text, so that a repeated GET skips parsing and printing. */
const normalisedQueries = boundedCache<string, string>('normalised GraphQL queries', 8 * 1024 * 1024, (v, k) => stringBytes(k) + stringBytes(v))

export class ResponseCache {
  readonly #entries: LRUCache<string, CachedResponse>
  /** Bumped on every clear: a response computed before a clear must not be stored after it. */
  #generation = 0
  hits = 0
  misses = 0

  constructor(readonly maxBytes = 64 * 1024 * 1024) {
    this.#entries = boundedCache<string, CachedResponse>('GraphQL GET responses', maxBytes, (v, k) => v.body.byteLength + stringBytes(k))
  }

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
          normalisedQueries.set(query, known)
        }
        normalised = known
      } else {
        const parsed: unknown = JSON.parse(extensions ?? 'null')
        const persisted = typeof parsed === 'object' && parsed !== null && 'persistedQuery' in parsed ? parsed.persistedQuery : undefined
        normalised = `persisted:${JSON.stringify(persisted ?? null)}`
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
    if (entry) this.hits++
    else this.misses++
    return entry
  }

  /** Stores a response computed while the cache was at `generation`; ignored if it has been cleared since (or it is too large). */
  set(key: string, value: CachedResponse, generation: number): void {
    if (generation === this.#generation) this.#entries.set(key, value)
  }

  clear(): void {
    this.#generation++
    this.#entries.clear()
  }

  get size(): number {
    return this.#entries.size
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}
