/**
 * The platform's HTTP server: GraphQL at /graphql (Apollo Server 5 over node:http), /healthz,
 * /tiles, /data and the built web app at /, as the rows of one route table (http/routes.ts)
 * answered by one router (http/router.ts). It listens at once and answers /healthz 503 until
 * migrations and data loading are done.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ApolloServer } from '@apollo/server'
import type { Kysely } from 'kysely'
import { pino, type Logger } from 'pino'
import { bootstrapDatabase, type BootstrapResult } from '../../db/bootstrap.ts'
import { isReachable, openDatabase, type OpenDatabase, type Statement } from '../../db/connect.ts'
import type { Database } from '../../db/database.ts'
import { DEFAULT_LIMITS, type AppConfig } from './config.ts'
import type { Context } from './context.ts'
import { createApolloServer } from './graphql-http.ts'
import { Gate } from './gate.ts'
import { createRouter } from './http/router.ts'
import { appRoutes } from './http/routes.ts'
import { Memo } from './memo.ts'
import { ResponseCache } from './response-cache.ts'
import { buildAppSchema } from './schema.ts'
import { contentSecurityPolicy, DEFAULT_HEADERS, setSecurityHeaders } from './security/headers.ts'
import { RateLimiter } from './security/rate-limit.ts'
import { TileServer } from './tiles/tiles.http.ts'
import { startCommandChannel } from './commands/command-channel.server.ts'

export { MAX_BODY_BYTES } from './http/body.ts'

/** Never logged: credentials in request headers, and any password or session field an error might carry. */
export const LOG_REDACT = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["x-csrf-token"]',
    'res.headers["set-cookie"]',
    'headers.authorization',
    'headers.cookie',
    'password',
    'currentPassword',
    'newPassword',
    '*.password',
    '*.currentPassword',
    '*.newPassword',
    '*.sessionId',
    '*.csrfToken',
  ],
  censor: '[redacted]',
}

/** How long SIGTERM waits for requests in flight before cutting their connections. */
export const DRAIN_MS = 10_000

export interface App {
  server: Server
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string
  /** Resolves when the database is migrated and loaded and GraphQL is served; rejects on a start-up failure. */
  ready: Promise<BootstrapResult>
  db(): Kysely<Database> | undefined
  /** SQL statements run so far (tests and benchmarks count them per request). */
  sqlStatements(): number
  /** Calls `listener` with every statement run from now on (null stops it): `npm run bench` replays a request's statements. */
  onStatement(listener: ((statement: Statement) => void) | null): void
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

/** Starts listening, then prepares the database in the background (see `ready`). */
export async function startApp(config: AppConfig, options: { logger?: Logger } = {}): Promise<App> {
  const logger = options.logger ?? pino({ level: config.logLevel, redact: LOG_REDACT })
  let state: State = { phase: 'starting' }
  let database: OpenDatabase | undefined
  let statements = 0
  let statementListener: ((statement: Statement) => void) | null = null
  const limiter = new RateLimiter(config.rateLimit)
  const headerOptions = config.headers ?? DEFAULT_HEADERS
  const csp = contentSecurityPolicy(headerOptions)
  const cache = new ResponseCache()
  const memo = new Memo()
  const gate = new Gate(config.expensiveConcurrency ?? 4)
  let stopListening: (() => Promise<void>) | undefined
  let stopChannel: (() => Promise<void>) | undefined

  const routes = appRoutes({
    config,
    ready: () =>
      state.phase === 'ready' ? { apollo: state.apollo, db: state.database.db, defaultCounty: state.defaultCounty, tiles: state.tiles } : undefined,
    health,
    cache,
    shared: { memo, gate, dataGeneration: () => cache.generation },
    requestShared: (req) => ({
      client: limiter.clientOf(req),
      kind: state.phase === 'ready' ? state.database.kind : undefined,
      maxDbMs: config.limits?.maxDbMs ?? DEFAULT_LIMITS.maxDbMs,
    }),
  })
  const router = createRouter(routes, {
    logger,
    setSecurityHeaders: (req, res) => setSecurityHeaders(req, res, headerOptions, csp),
    admit: (req, res) => limiter.admit(req, res),
    gate: (_req, work) => gate.run(work),
    ready: () => state.phase === 'ready',
  })
  const server = createServer({ connectionsCheckingInterval: 1000 }, (req, res) => void router(req, res))

  async function health(): Promise<{ status: number; body: object }> {
    if (state.phase === 'ready') {
      if (await isReachable(state.database.db)) return { status: 200, body: { status: 'ok', database: state.database.kind } }
      return { status: 503, body: { status: 'unavailable', reason: 'the database does not answer' } }
    }
    const reason = state.phase === 'failed' ? state.reason : state.phase === 'closed' ? 'shutting down' : 'migrating and loading data'
    return { status: 503, body: { status: state.phase, reason } }
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
    database = await openDatabase(config.database, {
      onStatement: (statement) => {
        statements++
        statementListener?.(statement)
      },
      onConnectionError: (error, which) => logger.warn({ err: error, connection: which }, 'lost a database connection; it is replaced'),
    })
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
    // On the embedded database, commands (npm run user, token, data:import) come to us instead of stopping us.
    if (config.database.kind === 'pglite' && 'dataDir' in config.database) {
      stopChannel = await startCommandChannel(config.database.dataDir, {
        db: database.db,
        describe: database.describe,
        defaultCounty,
        logger,
        changed: dataChanged,
      })
    }
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
    onStatement: (listener) => {
      statementListener = listener
    },
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
      await stopChannel?.()
      await stopListening?.()
      // Closing PGlite flushes its data folder; never leave it half-written.
      await database?.db.destroy()
    },
  }
}
