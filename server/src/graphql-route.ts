/**
 * The /graphql route: a GraphQL-over-HTTP request handed to Apollo Server, its answer given back to
 * the shared HTTP rules. A successful GET (status 200, no errors) is cacheable: `Cache-Control:
 * public, max-age`, a strong ETag of the body (one per coding), 304 when `If-None-Match` matches, and
 * kept compressed in the response cache. Everything else is `no-store`. Concurrent misses of one cacheable
 * GET are answered by one execution: the others wait for it and are served from the cache it fills (after
 * each write clears the cache, a crowd asking for the same map layer costs one layer, not one per request).
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { HeaderMap, type ApolloServer } from '@apollo/server'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.ts'
import { refuseCrossSite } from './auth/auth.http.ts'
import { CSRF_HEADER, sessionIdFromCookie } from './auth/session.ts'
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
  /** Cacheable GETs being executed now, by cache key: settled when the execution has answered. */
  const inFlight = new Map<string, Promise<void>>()
  const fromCache = (cacheKey: string): Reply | undefined => {
    const hit = options.cache.get(cacheKey)
    return hit && { status: hit.status, body: hit.body, etag: hit.etag, headers: cacheHeaders('hit') }
  }
  return async (ctx) => {
    const { req, url } = ctx
    // HEAD is a GET without the body (the shared rules leave it out).
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET').toUpperCase()
    // A signed-in browser's POST from another site is refused; a credentialed answer is never shared (it may hold what only they may see).
    const session = sessionIdFromCookie(req.headers.cookie)
    if (session && method === 'POST') refuseCrossSite(req)
    const personal = !!session || !!req.headers.authorization
    const cacheKey = method === 'GET' && !personal ? ResponseCache.keyOf(url.searchParams, req.headers.accept) : undefined
    if (!cacheKey) return execute(ctx, method, undefined)
    const hit = fromCache(cacheKey)
    if (hit) return hit
    const running = inFlight.get(cacheKey)
    if (running) {
      await running
      // Served from what the other execution kept; when it kept nothing (an error, a write meanwhile), run it here.
      return fromCache(cacheKey) ?? execute(ctx, method, cacheKey)
    }
    let settle = () => {}
    inFlight.set(cacheKey, new Promise<void>((resolve) => (settle = resolve)))
    try {
      return await execute(ctx, method, cacheKey)
    } finally {
      inFlight.delete(cacheKey)
      settle()
    }
  }

  async function execute({ req, res, url }: RouteContext, method: string, cacheKey: string | undefined): Promise<Reply | void> {
    const { apollo, db, defaultCounty } = options.ready()
    const generation = options.cache.generation
    const headers = new HeaderMap()
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value)
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body: method === 'POST' ? await readJsonBody(req) : undefined },
      context: () =>
        Promise.resolve(
          createContext(
            db,
            defaultCounty,
            { authorization: req.headers.authorization, cookie: req.headers.cookie, csrfToken: String(req.headers[CSRF_HEADER] ?? '') || undefined, method },
            { ...options.shared, ...options.requestShared?.(req) },
          ),
        ),
    })
    const status = response.status ?? 200
    const answered: Record<string, string> = {}
    for (const [key, value] of response.headers) answered[key] = value
    if (response.body.kind === 'complete') {
      const text = response.body.string
      const body = EncodedBody.of(response.headers.get('content-type') ?? 'application/json', text)
      // Only a GET with a cache key (no credentials: see above) is cacheable.
      if (!cacheKey || status !== 200 || text.includes('"errors":')) return { status, body, headers: { ...answered, 'cache-control': 'no-store' } }
      const etag = etagOf(text)
      // Compressed once here, then every hit is sent as it is kept.
      options.cache.set(cacheKey, { status, body: await body.prepare(), etag }, generation)
      return { status, body, etag, headers: { ...answered, ...cacheHeaders('miss') } }
    }
    // Incremental delivery (@defer/@stream): written as it comes, never cached.
    res.writeHead(status, { ...answered, 'cache-control': 'no-store' })
    for await (const chunk of response.body.asyncIterator) res.write(chunk)
    res.end()
  }
}
