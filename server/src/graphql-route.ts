/**
 * The /graphql route: a GraphQL-over-HTTP request handed to Apollo Server, its answer given back to
 * the shared HTTP rules. A successful GET (status 200, no errors) is cacheable: `Cache-Control:
 * public, max-age`, a strong ETag of the body (one per coding), 304 when `If-None-Match` matches, and
 * kept compressed in the response cache. Everything else is `no-store`.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { HeaderMap, type ApolloServer } from '@apollo/server'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { createContext, type Context, type Shared } from './context.ts'
import { readJsonBody } from './http/body.ts'
import { EncodedBody } from './http/encoding.ts'
import type { RouteContext } from './http/router.ts'
import type { Reply } from './http/send.ts'
import { ResponseCache } from './response-cache.ts'

export interface GraphQLRouteOptions {
  /** The server once ready (the route is declared `needsDatabase`, so it is there when called). */
  ready(): { apollo: ApolloServer<Context>; db: Kysely<Database>; defaultCounty: string }
  cache: ResponseCache
  shared: Shared
  requestShared?(req: IncomingMessage): Partial<Shared>
  cacheMaxAgeSeconds: number
}

/** A strong ETag of a response body. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

export function graphqlRoute(options: GraphQLRouteOptions): (ctx: RouteContext) => Promise<Reply | void> {
  const cacheHeaders = (state: 'hit' | 'miss' | undefined) => ({
    'cache-control': `public, max-age=${options.cacheMaxAgeSeconds}`,
    vary: 'accept',
    ...(state ? { 'x-cache': state } : {}),
  })
  return async ({ req, res, url }) => {
    const { apollo, db, defaultCounty } = options.ready()
    // HEAD is a GET without the body (the shared rules leave it out).
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET').toUpperCase()
    // An answer may depend on who asks (`viewer`): a request with credentials is never cached, nor answered from the cache.
    const personal = req.headers.authorization !== undefined
    const cacheKey = method === 'GET' && !personal ? ResponseCache.keyOf(url.searchParams, req.headers.accept) : undefined
    if (cacheKey) {
      const hit = options.cache.get(cacheKey)
      if (hit) return { status: hit.status, body: hit.body, etag: hit.etag, headers: cacheHeaders('hit') }
    }
    const generation = options.cache.generation
    const headers = new HeaderMap()
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value)
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body: method === 'POST' ? await readJsonBody(req) : undefined },
      context: () => Promise.resolve(createContext(db, defaultCounty, req.headers.authorization, { ...options.shared, ...options.requestShared?.(req) })),
    })
    const status = response.status ?? 200
    const answered: Record<string, string> = {}
    for (const [key, value] of response.headers) answered[key] = value
    if (response.body.kind === 'complete') {
      const text = response.body.string
      const body = EncodedBody.of(response.headers.get('content-type') ?? 'application/json', text)
      if (method !== 'GET' || personal || status !== 200 || text.includes('"errors":'))
        return { status, body, headers: { ...answered, 'cache-control': 'no-store' } }
      const etag = etagOf(text)
      if (cacheKey) {
        // Compressed once here, then every hit is sent as it is kept.
        options.cache.set(cacheKey, { status, body: await body.prepare(), etag }, generation)
      }
      return { status, body, etag, headers: { ...answered, ...cacheHeaders(cacheKey ? 'miss' : undefined) } }
    }
    // Incremental delivery (@defer/@stream): written as it comes, never cached.
    res.writeHead(status, { ...answered, 'cache-control': 'no-store' })
    for await (const chunk of response.body.asyncIterator) res.write(chunk)
    res.end()
  }
}
