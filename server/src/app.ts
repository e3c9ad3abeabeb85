/**
 * The platform's HTTP server: GraphQL at /graphql (Apollo Server 5 over node:http),
 * /healthz, and the built web app at /. It listens at once and answers /healthz 503
 * until migrations and data loading are done.
 */
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server'
import type { Kysely } from 'kysely'
import { pino, type Logger } from 'pino'
import { bootstrapDatabase, type BootstrapResult } from '../../db/bootstrap.ts'
import { isReachable, openDatabase, type OpenDatabase } from '../../db/connect.ts'
import type { Database } from '../../db/database.ts'
import { DEFAULT_LIMITS, type AppConfig } from './config.ts'
import { createContext, type Context } from './context.ts'
import { answerPreflight, createApolloServer, sendGraphQLResponse, setCorsHeaders } from './graphql-http.ts'
import { Busy, ClientBusy, Gate } from './gate.ts'
import { isClientGone } from './security/client-errors.ts'
import { Memo } from './memo.ts'
import { ResponseCache } from './response-cache.ts'
import { serveData } from './data/download.ts'
import { buildAppSchema } from './schema.ts'
import { contentSecurityPolicy, DEFAULT_HEADERS, setSecurityHeaders } from './security/headers.ts'
import { RateLimiter } from './security/rate-limit.ts'
import { serveClientConfig } from './client-config.ts'
import { serveStatic } from './static.ts'
import { TileServer } from './tiles/tiles.http.ts'

/** How long SIGTERM waits for requests in flight before cutting their connections. */
export const DRAIN_MS = 10_000

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024

export interface App {
  server: Server
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string
  /** Resolves when the database is migrated and loaded and GraphQL is served; rejects on a start-up failure. */
  ready: Promise<BootstrapResult>
  db(): Kysely<Database> | undefined
  /** SQL statements run so far (tests and benchmarks count them per request). */
  sqlStatements(): number
  /** The cache of GET responses (cleared on every write). */
  cache: ResponseCache
  /** Figures and look-ups memoised across requests (cleared on every write). */
  memo: Memo
  logger: Logger
  close(): Promise<void>
}

type State =
  | { phase: 'starting' }
  | { phase: 'ready'; database: OpenDatabase; apollo: ApolloServer<Context>; defaultCounty: string; tiles: TileServer }
  | { phase: 'failed'; reason: string }
  | { phase: 'closed' }

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** Starts listening, then prepares the database in the background (see `ready`). */
export async function startApp(config: AppConfig, options: { logger?: Logger } = {}): Promise<App> {
  const logger = options.logger ?? pino({ level: config.logLevel })
  let state: State = { phase: 'starting' }
  let database: OpenDatabase | undefined
  let statements = 0
  const limiter = new RateLimiter(config.rateLimit)
  const headerOptions = config.headers ?? DEFAULT_HEADERS
  const csp = contentSecurityPolicy(headerOptions)
  const cache = new ResponseCache()
  const memo = new Memo()
  const gate = new Gate(config.expensiveConcurrency ?? 4)
  let stopListening: (() => Promise<void>) | undefined

  const server = createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    handle(req, res).catch((error) => {
      // A client that went away (aborted, or too slow: the 408) is the client's business: info, no stack.
      if (isClientGone(req, error)) return void logger.info({ url: req.url, reason: (error as Error).message }, 'client went away')
      const status = error instanceof HttpError ? error.status : 500
      if (status === 500) logger.error({ err: error, url: req.url }, 'request failed')
      if (!res.headersSent) sendJson(res, status, { errors: [{ message: status === 500 ? 'Internal server error' : error.message }] })
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    setSecurityHeaders(req, res, headerOptions, csp)
    if (url.pathname === '/healthz') return health(res)
    const limited = url.pathname === '/graphql' || url.pathname.startsWith('/data/') || url.pathname.startsWith('/tiles/')
    if (limited && req.method !== 'OPTIONS' && !limiter.admit(req, res)) return
    if (url.pathname === '/graphql') return graphql(req, res, url)
    if (url.pathname.startsWith('/tiles/') && state.phase === 'ready') {
      const { tiles, database: db, defaultCounty } = state
      const county = url.searchParams.get('county') ?? defaultCounty
      // Tiles come in parallel batches from one map view: the shared cap applies, not the per-client one.
      if (await gate.run(() => tiles.handle(req, res, url.pathname, db.db, county)).catch((e) => (e instanceof Busy || e instanceof ClientBusy ? busy(res, e) : Promise.reject(e)))) return
    }
    if (url.pathname === '/graphiql') return redirect(res, '/graphiql/')
    if (url.pathname.startsWith('/graphiql/') && config.explorerRoot) {
      if (await serveStatic(config.explorerRoot, req, res, url.pathname.slice('/graphiql'.length))) return
    }
    if (url.pathname === '/data' || url.pathname.startsWith('/data/')) return serveData(req, res, url, state.phase === 'ready' ? { db: state.database.db, defaultCounty: state.defaultCounty } : undefined)
    if (url.pathname === '/config.json') return serveClientConfig(req, res, config.client)
    if (await serveStatic(config.webRoot, req, res, url.pathname)) return
    if (url.pathname === '/' && !existsSync(path.join(config.webRoot, 'index.html'))) return buildingPage(res)
    sendJson(res, 404, { error: `Nothing at ${url.pathname}` })
  }

  async function health(res: ServerResponse): Promise<void> {
    if (state.phase === 'ready') {
      if (await isReachable(state.database.db)) return sendJson(res, 200, { status: 'ok', database: state.database.kind })
      return sendJson(res, 503, { status: 'unavailable', reason: 'the database does not answer' })
    }
    const reason = state.phase === 'failed' ? state.reason : state.phase === 'closed' ? 'shutting down' : 'migrating and loading data'
    sendJson(res, 503, { status: state.phase, reason })
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method === 'OPTIONS') return answerPreflight(res)
    setCorsHeaders(res)
    if (state.phase !== 'ready') {
      res.setHeader('retry-after', '2')
      return sendJson(res, 503, {
        errors: [{ message: 'The service is starting or unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      })
    }
    const { apollo, database, defaultCounty } = state
    const method = (req.method ?? 'GET').toUpperCase()
    const cacheKey = method === 'GET' ? ResponseCache.keyOf(url.searchParams, req.headers.accept) : undefined
    if (cacheKey) {
      const hit = cache.get(cacheKey)
      if (hit) {
        res.setHeader('content-type', hit.contentType)
        res.setHeader('x-cache', 'hit')
        return sendGraphQLResponse(req, res, hit.status, hit.body, config.cacheMaxAgeSeconds ?? 60)
      }
    }
    const generation = cache.generation
    const headers = new HeaderMap()
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value)
    }
    const request: HTTPGraphQLRequest = {
      method,
      headers,
      search: url.search,
      body: method === 'POST' ? await readJsonBody(req) : undefined,
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: async () =>
        createContext(database.db, defaultCounty, req.headers.authorization, {
          memo, gate, client: limiter.clientOf(req), kind: database.kind, maxDbMs: config.limits?.maxDbMs ?? DEFAULT_LIMITS.maxDbMs,
        }),
    })
    for (const [key, value] of response.headers) res.setHeader(key, value)
    if (response.body.kind === 'complete') {
      const status = response.status ?? 200
      if (cacheKey && status === 200 && !response.body.string.includes('"errors":')) {
        res.setHeader('x-cache', 'miss')
        cache.set(cacheKey, { status, contentType: response.headers.get('content-type') ?? 'application/json', body: response.body.string }, generation)
      }
      return sendGraphQLResponse(req, res, response.status ?? 200, response.body.string, config.cacheMaxAgeSeconds ?? 60)
    }
    res.statusCode = response.status ?? 200
    res.setHeader('cache-control', 'no-store')
    for await (const chunk of response.body.asyncIterator) res.write(chunk)
    res.end()
  }

  // A client must send its headers within 10 s and its whole request within REQUEST_TIMEOUT_MS.
  server.requestTimeout = config.requestTimeoutMs ?? 30_000
  server.headersTimeout = Math.min(10_000, server.requestTimeout)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const baseUrl = `http://${host}:${address.port}`

  const ready = (async () => {
    database = await openDatabase(config.database, { onStatement: () => statements++ })
    const result = await bootstrapDatabase(database.db, config.packages)
    for (const p of result.packages) {
      if (p.changedSinceLoad) {
        logger.warn({ dataset: p.datasetId }, 'the bundled data package has changed since it was loaded; the database keeps the loaded data')
      }
    }
    const tiles = new TileServer(database.kind, config.cacheMaxAgeSeconds ?? 60)
    const dataChanged = () => {
      cache.clear()
      memo.clear()
      tiles.clear()
    }
    stopListening = await database.listen('ip_data_changed', dataChanged)
    const apollo = createApolloServer(await buildAppSchema(), logger, config.limits, dataChanged)
    await apollo.start()
    const defaultCounty = config.defaultCounty ?? result.packages[0]?.countyCode
    if (!defaultCounty) throw new Error('No data package is configured: set DATA_PACKAGES to at least one package folder.')
    // close() may have run while we were loading.
    if ((state as State).phase === 'closed') {
      await apollo.stop()
      return result
    }
    state = { phase: 'ready', database, apollo, defaultCounty, tiles }
    logger.info({ url: baseUrl, database: database.describe, loaded: result.packages.filter((p) => p.loaded).map((p) => p.datasetId) }, 'ready')
    return result
  })()
  ready.catch((error: Error) => {
    if (state.phase !== 'closed') state = { phase: 'failed', reason: error.message }
  })

  return {
    server,
    url: baseUrl,
    ready,
    db: () => database?.db,
    sqlStatements: () => statements,
    cache,
    memo,
    logger,
    async close() {
      const previous = state
      // Stop accepting; requests already being answered finish (up to DRAIN_MS), then the rest is cut.
      state = { phase: 'closed' }
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS)
      await closed
      clearTimeout(force)
      await ready.catch(() => undefined)
      if (previous.phase === 'ready') await previous.apollo.stop()
      await stopListening?.()
      // Closing PGlite flushes its data folder; never leave it half-written.
      await database?.db.destroy()
    },
  }
}

/** `/` while the first start is still building the web app: a page that reloads itself until it is there. */
function buildingPage(res: ServerResponse): void {
  const html =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">' +
    '<title>正在准备 · Starting</title></head><body><p>首次启动，正在构建网页应用，请稍候…</p>' +
    '<p lang="en">First start: building the web app, please wait…</p></body></html>'
  res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'retry-after': '3', 'cache-control': 'no-store' })
  res.end(html)
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes`)
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (!/^application\/(graphql-response\+)?json\b/i.test(type) && !/^application\/json/i.test(type)) {
    // Apollo answers a missing or unsupported content type with its own 400; hand it the raw text.
    return text
  }
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new HttpError(400, `The request body is not valid JSON: ${(error as Error).message}`)
  }
}

function busy(res: ServerResponse, error: Busy | ClientBusy): true {
  const client = error instanceof ClientBusy
  res.setHeader('retry-after', String(client ? error.retryAfterSeconds : 1))
  sendJson(res, client ? 429 : 503, { error: error.message })
  return true
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(308, { location })
  res.end()
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}
