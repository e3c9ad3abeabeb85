/** A real HTTP server of the platform on a port of its own, over this test file's own database. */
import 'reflect-metadata'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { pino, type Logger } from 'pino'
import type { AppConfig } from '../../server/src/config.ts'
import type { DatabaseOptions } from '../../db/connect.ts'
import { startApp, type App } from '../../server/src/app.ts'
import type { Database } from '../../db/database.ts'
import { cloneTemplate } from './database.ts'
import { ROOT, XINZHENG } from './templates.ts'

export interface GraphQLResponse<T = any> {
  status: number
  data?: T
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[]
  headers: Headers
}

export interface TestServer {
  app: App
  /** How to open this server's database again. */
  database: DatabaseOptions
  url: string
  db: Kysely<Database>
  /** POSTs a GraphQL operation as JSON. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>
  /** GETs a GraphQL query (URL parameters). */
  get<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>
  close(): Promise<void>
}

/** Starts the platform over a clone of the seeded database (or the one given); `webRoot` defaults to the repository's web/dist. */
export async function startTestServer(
  options: { packages?: string[]; logger?: Logger; config?: Partial<AppConfig>; database?: DatabaseOptions; webRoot?: string } = {},
): Promise<TestServer> {
  // A database of its own, unless told to share one (e.g. two servers on one PostgreSQL).
  const clone = options.database ? { options: options.database, drop: async () => {} } : await cloneTemplate('seeded')
  const app = await startApp(
    {
      host: '127.0.0.1',
      port: 0,
      database: clone.options,
      packages: options.packages ?? [XINZHENG],
      webRoot: options.webRoot ?? path.join(ROOT, 'web/dist'),
      explorerRoot: path.join(ROOT, 'web/graphiql/dist'),
      logLevel: 'silent',
      // Tests send bursts of requests from one address: no rate limit unless a test asks for one.
      rateLimit: { perMinute: 0, burst: 0, trustedProxies: 0 },
      ...options.config,
    },
    { logger: options.logger ?? pino({ level: 'silent' }) },
  )
  await app.ready
  const parse = async (response: Response): Promise<GraphQLResponse> => {
    const body = (await response.json()) as { data?: any; errors?: any[] }
    return { status: response.status, data: body.data ?? undefined, errors: body.errors, headers: response.headers }
  }
  return {
    app,
    database: clone.options,
    url: app.url,
    db: app.db()!,
    async query(query, variables) {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      })
      return parse(response)
    },
    async get(query, variables) {
      const params = new URLSearchParams({ query })
      if (variables) params.set('variables', JSON.stringify(variables))
      return parse(await fetch(`${app.url}/graphql?${params.toString()}`, { headers: { accept: 'application/json' } }))
    },
    async close() {
      await app.close()
      await clone.drop()
    },
  }
}

/** The located service points the API lists (id and WGS84 coordinates), for brute-force checks. */
export async function locatedServicePoints(server: TestServer): Promise<{ id: string; lng: number; lat: number }[]> {
  const { data } = await server.query(`{ servicePoints(first: 500) { edges { node { id location } } } }`)
  return data.servicePoints.edges
    .filter((e: any) => e.node.location)
    .map((e: any) => ({ id: e.node.id, lng: e.node.location.coordinates[0], lat: e.node.location.coordinates[1] }))
}
