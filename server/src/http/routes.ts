import type { IncomingMessage } from 'node:http'
/**
 * The platform's routes, one row each (see router.ts for what the flags do). A new capability is a
 * new row: e.g. OGC API – Features as `{ methods: ['GET'], path: '/ogc/collections/:collection/items',
 * cors: true, rateLimited: true, gated: true, cacheable: true, needsDatabase: true }`, TileJSON as
 * `/tiles/:layer.json`, DCAT as `/data/catalog.jsonld`; a county in the path as
 * `/counties/:county/…`, read with `countyOf` like `?county=` today.
 */
import type { ApolloServer } from '@apollo/server'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { authHandlers } from '../auth/auth.http.ts'
import { clientConfigReply } from '../client-config.ts'
import type { AppConfig } from '../config.ts'
import type { Context, Shared } from '../context.ts'
import { serveData } from '../data/download.ts'
import { graphqlRoute } from '../graphql-route.ts'
import { importHandler } from '../import/import.http.ts'
import type { ResponseCache } from '../response-cache.ts'
import { staticFile } from '../static.ts'
import type { TileServer } from '../tiles/tiles.http.ts'
import type { Route, RouteContext } from './router.ts'
import { HttpError, type Reply } from './send.ts'

/** What the routes need of a server that has finished starting. */
export interface ReadyServices {
  apollo: ApolloServer<Context>
  db: Kysely<Database>
  defaultCounty: string
  tiles: TileServer
}

export interface RouteServices {
  config: AppConfig
  /** The started services, or undefined while starting (routes with `needsDatabase` are not called then). */
  ready(): ReadyServices | undefined
  /** The /healthz answer. */
  health(): Promise<{ status: number; body: object }>
  cache: ResponseCache
  shared: Shared
  /** What the shared services need to know of one request (its client, for per-client fairness). */
  requestShared?: (req: IncomingMessage) => Partial<Shared>
}

/** The county a request is about: a `:county` path parameter, else `?county=`, else the default. */
export function countyOf(ctx: RouteContext, defaultCounty: string): string {
  return ctx.params.county || ctx.query.get('county') || defaultCounty
}

export function appRoutes(services: RouteServices): Route[] {
  const { config } = services
  const ready = () => services.ready()!
  const data = (ctx: RouteContext) => serveData(ctx.url, ctx.params.rest ?? '', ready().db, countyOf(ctx, ready().defaultCounty))
  const auth = authHandlers({ db: () => ready().db, trustedProxies: config.rateLimit?.trustedProxies ?? 0 })
  return [
    {
      methods: ['GET'],
      path: '/healthz',
      handler: async () => {
        const { status, body } = await services.health()
        return { status, body: JSON.stringify(body) }
      },
    },
    {
      methods: ['GET', 'POST'],
      path: '/graphql',
      handler: graphqlRoute({
        ready: () => ({ apollo: ready().apollo, db: ready().db, defaultCounty: ready().defaultCounty }),
        cache: services.cache,
        shared: services.shared,
        requestShared: services.requestShared,
        cacheMaxAgeSeconds: config.cacheMaxAgeSeconds ?? 60,
      }),
      rateLimited: true,
      cors: true,
      cacheable: true,
      needsDatabase: true,
    },
    // Accounts (auth/auth.http.ts): same-site only (no CORS), never cached; sign-in is rate limited per client.
    { methods: ['POST'], path: '/auth/sign-in', handler: auth.signIn, rateLimited: true, needsDatabase: true },
    { methods: ['POST'], path: '/auth/sign-out', handler: auth.signOut, rateLimited: true, needsDatabase: true },
    { methods: ['GET'], path: '/auth/me', handler: auth.me, rateLimited: true, needsDatabase: true },
    { methods: ['POST'], path: '/auth/password', handler: auth.changePassword, rateLimited: true, needsDatabase: true },
    // Bulk upload (import/import.http.ts): the command line's importer on an uploaded file; same-site or a bearer token.
    {
      methods: ['POST'],
      path: '/import',
      handler: importHandler({ db: () => ready().db, defaultCounty: () => ready().defaultCounty, changed: () => services.cache.clear() }),
      rateLimited: true,
      gated: true,
      needsDatabase: true,
    },
    {
      methods: ['GET'],
      path: '/tiles/:layer/:z/:x/:y.pbf',
      handler: (ctx) => ready().tiles.tile(ready().db, countyOf(ctx, ready().defaultCounty), ctx.params.layer, ctx.params.z, ctx.params.x, ctx.params.y),
      rateLimited: true,
      gated: true,
      cors: true,
      cacheable: true,
      needsDatabase: true,
    },
    { methods: ['GET'], path: '/data', handler: data, rateLimited: true, cors: true, cacheable: true, needsDatabase: true },
    { methods: ['GET'], path: '/data/*', handler: data, rateLimited: true, cors: true, cacheable: true, needsDatabase: true },
    { methods: ['GET'], path: '/config.json', handler: () => clientConfigReply(config.client), cacheable: true },
    // The explorer's own address, with any ?query= it was given kept through the redirect.
    { methods: ['GET'], path: '/graphiql', handler: ({ url }) => redirect(308, `/graphiql/${url.search}`) },
    { methods: ['GET'], path: '/graphiql/*', handler: ({ url, params }) => fileOr404(config.explorerRoot, params.rest, url), cacheable: true },
    {
      methods: ['GET'],
      path: '/*',
      handler: async ({ url, params }) => {
        if (url.pathname === '/') return (await staticFile(config.webRoot, '')) ?? buildingPage()
        return fileOr404(config.webRoot, params.rest, url)
      },
      cacheable: true,
    },
  ]
}

async function fileOr404(root: string | undefined, rest: string | undefined, url: URL): Promise<Reply> {
  const reply = root ? await staticFile(root, rest ?? '') : undefined
  if (!reply) throw new HttpError(404, 'NOT_FOUND', `此处没有内容 · Nothing at ${url.pathname}`)
  return reply
}

function redirect(status: number, location: string): Reply {
  return { status, headers: { location, 'cache-control': 'no-store' }, body: '' }
}

/** `/` while the first start is still building the web app: a page that reloads itself until it is there. */
function buildingPage(): Reply {
  const html =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">' +
    '<title>正在准备 · Starting</title></head><body><p>首次启动，正在构建网页应用，请稍候…</p>' +
    '<p lang="en">First start: building the web app, please wait…</p></body></html>'
  return { status: 503, contentType: 'text/html; charset=utf-8', headers: { 'retry-after': '3', 'cache-control': 'no-store' }, body: html }
}
