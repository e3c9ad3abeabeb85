/** Configuration from environment variables, checked once at start-up. */
import path from 'node:path'
import { databaseConfigFromEnv, ROOT, wholeFromEnv as whole } from '../../db/config.ts'
import { ConfigError, type DatabaseOptions } from '../../db/connect.ts'
import { basemapOrigins, clientConfigFromEnv, type ClientConfig } from './client-config.ts'
import { DEFAULT_HEADERS, type HeaderOptions } from './security/headers.ts'
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './security/rate-limit.ts'

export { ROOT }

export interface AppConfig {
  host: string
  port: number
  database: DatabaseOptions
  /** Folders of data packages to load on start-up, in order; the first one's county is the default. */
  packages: string[]
  /** County code used when a query names none; defaults to the first package's county. */
  defaultCounty?: string
  /** Folder of the built web app. */
  webRoot: string
  logLevel: string
  /** Folder of the built GraphQL explorer (GraphiQL), served at /graphiql. */
  explorerRoot?: string
  /** Limits on GraphQL requests; those left out take their default. */
  limits?: Partial<QueryLimits>
  /** `Cache-Control: max-age` of successful GET query responses, in seconds (default 60). */
  cacheMaxAgeSeconds?: number
  rateLimit?: RateLimitOptions
  headers?: HeaderOptions
  /** Expensive operations (map layers, comparisons, tiles) running at once (default 4). */
  expensiveConcurrency?: number
  /** Longest a client may take to send a whole request, in ms (default 30 000). */
  requestTimeoutMs?: number
  /** What /config.json tells the web app (default: read from the environment). */
  client?: ClientConfig
}

/** Limits on GraphQL documents and requests; a request over any of them is refused with QUERY_TOO_COMPLEX (HTTP 400). */
export interface QueryLimits {
  maxDepth: number
  maxCost: number
  maxAliases: number
  maxTokens: number
  maxDirectives: number
  /** Selections in one selection set (checked before validation, see security/document-limits.ts). */
  maxSelections: number
  /** Field nodes in one document. */
  maxFields: number
  /** Fields of one response name in one selection set. */
  maxRepeats: number
  /** A request's budget of database time in ms: estimated before it runs, measured while it runs (0 turns it off). */
  maxDbMs: number
  /** A request estimated at this many ms of database time or more is expensive: one at a time per client. */
  expensiveMs: number
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxCost: 50_000,
  maxAliases: 30,
  maxTokens: 3000,
  maxDirectives: 30,
  maxSelections: 100,
  maxFields: 250,
  maxRepeats: 3,
  maxDbMs: 2000,
  expensiveMs: 50,
}

/** Every variable, its default and meaning (the README's configuration table is written from this). */
export const ENVIRONMENT = {
  PORT: '4000: TCP port to listen on (0 picks a free one).',
  HOST: '127.0.0.1: address to listen on (0.0.0.0 for every interface).',
  DATABASE_URL: '(unset): a postgres:// URL of a PostgreSQL server with PostGIS; unset uses the embedded PGlite database.',
  DATA_DIR: './data/pgdata: folder of the embedded database (ignored with DATABASE_URL).',
  DATA_PACKAGES: 'db/data/xinzheng: comma-separated folders of data packages loaded on first start.',
  DEFAULT_COUNTY: "(the first package's county): county code used when a query names none.",
  LOG_LEVEL: 'info: pino log level (fatal, error, warn, info, debug, trace, silent).',
  GRAPHQL_MAX_DEPTH: `${DEFAULT_LIMITS.maxDepth}: deepest selection nesting a query may have (introspection excepted).`,
  GRAPHQL_MAX_COST: `${DEFAULT_LIMITS.maxCost}: highest cost (GraphQL Armor: 2 per object, 1 per scalar, ×1.5 per level).`,
  GRAPHQL_MAX_ALIASES: `${DEFAULT_LIMITS.maxAliases}: most aliases in one document.`,
  GRAPHQL_MAX_TOKENS: `${DEFAULT_LIMITS.maxTokens}: most tokens in one document.`,
  GRAPHQL_MAX_DIRECTIVES: `${DEFAULT_LIMITS.maxDirectives}: most directives in one document.`,
  GRAPHQL_MAX_SELECTIONS: `${DEFAULT_LIMITS.maxSelections}: most selections in one selection set (checked before validation).`,
  GRAPHQL_MAX_FIELDS: `${DEFAULT_LIMITS.maxFields}: most fields in one document (checked before validation).`,
  GRAPHQL_MAX_REPEATS: `${DEFAULT_LIMITS.maxRepeats}: most fields of one name (or alias) in one selection set (checked before validation).`,
  GRAPHQL_MAX_DB_MS: `${DEFAULT_LIMITS.maxDbMs}: a request's budget of database time in ms, estimated from measured field costs before it runs (refused above it) and summed over its statements while it runs (PostgreSQL cancels the statement that overruns it); 0 turns it off.`,
  GRAPHQL_EXPENSIVE_MS: `${DEFAULT_LIMITS.expensiveMs}: a request estimated at this many ms of database time or more (or asking for a map layer or a comparison) runs one at a time per client (others wait up to 3 s, then 429).`,
  STATEMENT_TIMEOUT_MS: '15000: longest one SQL statement may run.',
  CACHE_MAX_AGE: '60: seconds a GET query response may be cached (Cache-Control: public, max-age).',
  RATE_LIMIT_PER_MINUTE: `${DEFAULT_RATE_LIMIT.perMinute}: requests a minute per client on /graphql, /data and /tiles (0 turns limiting off).`,
  RATE_LIMIT_BURST: `${DEFAULT_RATE_LIMIT.burst}: requests a client may make at once before the per-minute rate applies.`,
  TRUST_PROXY: '0: how many proxies in front of the server append X-Forwarded-For (and set X-Forwarded-Proto); 0 trusts none.',
  FRAME_ANCESTORS: `${DEFAULT_HEADERS.frameAncestors}: the CSP frame-ancestors (who may embed the pages).`,
  EXPENSIVE_CONCURRENCY: '4: map layers, comparisons and tiles computed at once (up to 64 more wait; beyond that 503).',
  REQUEST_TIMEOUT_MS: '30000: longest a client may take to send a whole request (headers within 10 s).',
  HSTS_MAX_AGE: `${DEFAULT_HEADERS.hstsMaxAge}: Strict-Transport-Security max-age on HTTPS requests (0 turns it off).`,
} as const

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT=${env.PORT} is not a port number: set PORT to a whole number from 0 to 65535.`)
  }
  const { database, packages, defaultCounty } = databaseConfigFromEnv(env)
  const client = clientConfigFromEnv(env)
  return {
    client,
    host: env.HOST || '127.0.0.1',
    port,
    database,
    packages,
    defaultCounty,
    webRoot: path.resolve(ROOT, 'web/dist'),
    logLevel: env.LOG_LEVEL || 'info',
    limits: {
      maxDepth: whole(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
      maxCost: whole(env, 'GRAPHQL_MAX_COST', DEFAULT_LIMITS.maxCost),
      maxAliases: whole(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
      maxTokens: whole(env, 'GRAPHQL_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
      maxDirectives: whole(env, 'GRAPHQL_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
      maxSelections: whole(env, 'GRAPHQL_MAX_SELECTIONS', DEFAULT_LIMITS.maxSelections),
      maxFields: whole(env, 'GRAPHQL_MAX_FIELDS', DEFAULT_LIMITS.maxFields),
      maxRepeats: whole(env, 'GRAPHQL_MAX_REPEATS', DEFAULT_LIMITS.maxRepeats),
      maxDbMs: whole(env, 'GRAPHQL_MAX_DB_MS', DEFAULT_LIMITS.maxDbMs),
      expensiveMs: whole(env, 'GRAPHQL_EXPENSIVE_MS', DEFAULT_LIMITS.expensiveMs),
    },
    explorerRoot: path.resolve(ROOT, 'web/graphiql/dist'),
    cacheMaxAgeSeconds: whole(env, 'CACHE_MAX_AGE', 60),
    expensiveConcurrency: whole(env, 'EXPENSIVE_CONCURRENCY', 4) || 4,
    requestTimeoutMs: whole(env, 'REQUEST_TIMEOUT_MS', 30_000),
    rateLimit: {
      perMinute: whole(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute),
      burst: whole(env, 'RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst),
      trustedProxies: whole(env, 'TRUST_PROXY', 0),
    },
    headers: {
      frameAncestors: env.FRAME_ANCESTORS || DEFAULT_HEADERS.frameAncestors,
      extraOrigins: basemapOrigins(client),
      hstsMaxAge: whole(env, 'HSTS_MAX_AGE', DEFAULT_HEADERS.hstsMaxAge),
      trustProxy: whole(env, 'TRUST_PROXY', 0) > 0,
    },
  }
}
