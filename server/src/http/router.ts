/**
 * Routes as data: each row says its methods, its path pattern and what the shared rules do for it
 * (rate limit, expensive-operation gate, CORS, caching, database readiness). The router applies the
 * rules once for every row: security headers, query-parameter checks, 405 with `Allow`, HEAD wherever
 * GET is served, CORS preflights, and the one error body shape.
 *
 * Path patterns: literal segments, `:name` for one segment (also inside one: `:y.pbf`), and a final
 * `*` for the rest of the path, e.g. `/tiles/:layer/:z/:x/:y.pbf`, `/graphiql/*`, and later
 * `/ogc/collections/:collection/items/:id` or `/counties/:county/tiles/:layer/:z/:x/:y.pbf` (the
 * county as a path parameter, read through `countyOf`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import { isDatabaseUnavailable } from '../../../db/connection-errors.ts'
import { DATABASE_UNAVAILABLE_MESSAGE } from '../errors.ts'
import { ClientBusy } from '../gate.ts'
import { isClientGone } from '../security/client-errors.ts'
import { HttpError, sendError, sendReply, type Reply } from './send.ts'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What a handler gets: the request, its URL, the path's parameters and the checked query parameters. */
export interface RouteContext {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  params: Record<string, string>
  query: URLSearchParams
}

export interface Route {
  /** Methods served; HEAD comes with GET, OPTIONS with `cors`. Any other method gets 405 with `Allow`. */
  methods: readonly Method[]
  path: string
  /** Answers with a Reply (sent by the shared helpers), or writes the response itself and returns nothing. */
  handler: (ctx: RouteContext) => Promise<Reply | void> | Reply | void
  /** Counts against the client's rate limit (not for OPTIONS). */
  rateLimited?: boolean
  /** Runs through the expensive-operation gate (503 when it is full). */
  gated?: boolean
  /** Successful GET answers may be kept by clients and revalidated (ETag, 304); otherwise `no-store`. */
  cacheable?: boolean
  /** Readable from any origin; preflights are answered. */
  cors?: boolean
  /** Needs the database: 503 with Retry-After while the service is starting. */
  needsDatabase?: boolean
}

/** The shared pieces the router calls for the rows that ask for them. */
export interface RouterServices {
  logger: Logger
  setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void
  /** Takes one token for the client; answers 429 itself and returns false when none is left. */
  admit(req: IncomingMessage, res: ServerResponse): boolean
  /** Runs expensive work through the gate; rejects with an error whose `extensions.code` is SERVICE_UNAVAILABLE when full. */
  gate<T>(req: IncomingMessage, work: () => Promise<T>): Promise<T>
  ready(): boolean
}

interface CompiledRoute extends Route {
  pattern: RegExp
}

/** Compiles a path pattern (see the module comment) to a regular expression with named groups. */
export function compilePath(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '(?<rest>.*)'
      return segment.replace(/:([A-Za-z]\w*)|([^:]+)/g, (_, name: string | undefined, literal: string | undefined) =>
        name ? `(?<${name}>[^/]+?)` : literal!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
    })
    .join('/')
  return new RegExp(`^${source}$`)
}

/** Characters PostgreSQL text cannot hold (NUL) or that no parameter of ours has a use for (other C0 controls). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused in parameters
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/

/** Refuses a query or path parameter that could not reach the database as text, before any SQL runs. */
export function checkParameters(query: URLSearchParams, params: Record<string, string>): void {
  for (const [name, value] of [...query, ...Object.entries(params)]) {
    if (UNSTORABLE.test(value)) {
      throw new HttpError(
        400,
        'BAD_USER_INPUT',
        `参数 ${name} 含有控制字符（如 NUL）· The parameter ${name} contains a control character (e.g. NUL, U+0000) that cannot be stored`,
        {},
        { parameter: name },
      )
    }
  }
}

const CORS_ALLOW_HEADERS = 'content-type, authorization, accept, if-none-match, if-modified-since, apollo-require-preflight, x-apollo-operation-name'

/** Builds the request handler of a route table; the first row whose path matches answers. */
export function createRouter(routes: readonly Route[], services: RouterServices): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const table: CompiledRoute[] = routes.map((r) => ({ ...r, pattern: compilePath(r.path) }))

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    services.setSecurityHeaders(req, res)
    const url = new URL(req.url ?? '/', 'http://localhost')
    let match: RegExpExecArray | null = null
    let pathname: string
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      throw new HttpError(400, 'BAD_REQUEST', `路径不是有效的 URL 编码 · The path ${url.pathname} is not valid percent-encoding`)
    }
    const route = table.find((r) => (match = r.pattern.exec(pathname)))
    if (!route || !match) throw new HttpError(404, 'NOT_FOUND', `此处没有内容 · Nothing at ${url.pathname}`)
    const params = { ...(match as RegExpExecArray).groups }
    const method = (req.method ?? 'GET').toUpperCase()
    const allowed = [...route.methods, ...(route.methods.includes('GET') ? ['HEAD'] : []), ...(route.cors ? ['OPTIONS'] : [])]
    if (route.cors) {
      res.setHeader('access-control-allow-origin', '*')
      res.setHeader('access-control-expose-headers', 'etag, retry-after, content-encoding, ratelimit-limit, ratelimit-remaining, ratelimit-reset')
    }
    if (method === 'OPTIONS' && route.cors) {
      res.writeHead(204, {
        'access-control-allow-methods': allowed.join(', '),
        'access-control-allow-headers': CORS_ALLOW_HEADERS,
        'access-control-max-age': '86400',
      })
      return void res.end()
    }
    if (!allowed.includes(method)) {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `此地址不接受 ${method} · ${method} is not allowed at ${url.pathname}: use ${allowed.join(', ')}`, {
        allow: allowed.join(', '),
      })
    }
    checkParameters(url.searchParams, params)
    if (route.rateLimited && !services.admit(req, res)) return
    if (route.needsDatabase && !services.ready()) {
      throw new HttpError(503, 'SERVICE_UNAVAILABLE', '服务正在启动或暂不可用 · The service is starting or unavailable', { 'retry-after': '2' })
    }
    const run = async () => {
      const reply = await route.handler({ req, res, url, params, query: url.searchParams })
      if (!reply) return
      if (!route.cacheable) reply.headers = { 'cache-control': 'no-store', ...reply.headers }
      await sendReply(req, res, route.cacheable ? reply : { ...reply, etag: undefined, lastModified: undefined })
    }
    if (route.gated) await services.gate(req, run)
    else await run()
  }

  return async (req, res) => {
    try {
      await answer(req, res)
    } catch (error) {
      // A client that went away (aborted, or too slow: the 408) is the client's business: info, no stack.
      if (isClientGone(req, error)) return void services.logger.info({ url: req.url, reason: (error as Error).message }, 'client went away')
      const known = asHttpError(error)
      if (!known) services.logger.error({ err: error, url: req.url }, 'request failed')
      if (res.headersSent) return void res.destroy()
      await sendError(req, res, known ?? new HttpError(500, 'INTERNAL_SERVER_ERROR', '服务器内部错误 · Internal server error')).catch(() => res.destroy())
    }
  }
}

/** An HttpError, or one made from an error carrying `extensions.code` SERVICE_UNAVAILABLE (the gate's Busy). */
function asHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error
  // A tile or a download whose database connection is lost: the service's state, not a bug.
  if (isDatabaseUnavailable(error)) return new HttpError(503, 'SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE, { 'retry-after': '2' })
  const e = error as { extensions?: { code?: unknown }; message?: string } | undefined
  if (error instanceof ClientBusy) return new HttpError(429, 'RATE_LIMITED', error.message, { 'retry-after': String(error.retryAfterSeconds) })
  if (e?.extensions?.code === 'SERVICE_UNAVAILABLE')
    return new HttpError(503, 'SERVICE_UNAVAILABLE', e.message ?? 'Service unavailable', { 'retry-after': '1' })
  return undefined
}
