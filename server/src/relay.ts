/** Relay-style pagination shared by the connections: opaque cursors, page-size checks and page info. */
import { BadUserInputError } from './errors.ts'

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 500

/** Cursors of one connection: base64url of `prefix + key`; `valid` says which keys can be real. */
export function cursors(prefix: string, valid: (key: string) => boolean = (k) => k.length > 0) {
  return {
    encode: (key: string) => Buffer.from(prefix + key, 'utf8').toString('base64url'),
    decode(cursor: string): string {
      const text = Buffer.from(cursor, 'base64url').toString('utf8')
      const key = text.slice(prefix.length)
      if (!text.startsWith(prefix) || !valid(key)) throw new BadUserInputError('after', 'is not a cursor returned by this API')
      return key
    },
  }
}

export function checkPageSize(first: number): void {
  if (!(first >= 1 && first <= MAX_PAGE_SIZE)) throw new BadUserInputError('first', `must be between 1 and ${MAX_PAGE_SIZE}`)
}

/** An edge whose cursor is encoded only when a query asks for it. */
class Edge<T> {
  constructor(
    readonly node: T,
    readonly key: string,
    readonly encode: (key: string) => string,
  ) {}

  get cursor(): string {
    return this.encode(this.key)
  }
}

/**
 * A connection from a page of nodes, their cursor keys, and whether more follow. `totalCount` may
 * be left out when the query does not select it.
 */
export function connection<T>(
  nodes: T[],
  keyOf: (node: T) => string,
  encode: (key: string) => string,
  page: { hasNextPage: boolean; totalCount?: number; after: boolean },
) {
  const edges = nodes.map((node) => new Edge(node, keyOf(node), encode))
  return {
    edges,
    totalCount: page.totalCount as number,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  }
}
