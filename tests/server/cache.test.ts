/** The in-memory cache of GET responses, and its invalidation on writes through any path. */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backend } from '../setup/database.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const QUERY = '{ servicePoints(first: 500) { edges { node { id name address } } } }'
const get = (s: TestServer, query = QUERY) => fetch(`${s.url}/graphql?${new URLSearchParams({ query }).toString()}`)
const addressOf = async (res: Response) =>
  ((await res.json()) as any).data.servicePoints.edges.find((e: any) => e.node.id === 'ip-service-410184107').node.address

describe('the GET response cache', () => {
  it('answers a repeated GET query from memory, with the same bytes, whatever its spacing', async () => {
    const first = await get(server)
    expect(first.headers.get('x-cache')).toBe('miss')
    const body = await first.text()
    const second = await get(server, QUERY.replaceAll(' ', '\n  '))
    expect(second.headers.get('x-cache')).toBe('hit')
    expect(await second.text()).toBe(body)
  })

  it('answers a crowd of identical uncached GETs with one execution (the others served from what it kept)', async () => {
    const query = '{ mapLayer(layer: REGIONS, simplifyMeters: 7) }'
    const before = server.app.sqlStatements()
    const crowd = await Promise.all(Array.from({ length: 20 }, () => get(server, query)))
    const statements = server.app.sqlStatements() - before
    expect(crowd.map((r) => r.status)).toEqual(Array(20).fill(200))
    const bodies = new Set(await Promise.all(crowd.map((r) => r.text())))
    expect(bodies.size).toBe(1)
    // One map layer is one statement (tests/server/n-plus-one.test.ts), and its county is looked up once per request at most.
    expect(statements).toBeLessThan(20)
    expect(crowd.filter((r) => r.headers.get('x-cache') === 'miss')).toHaveLength(1)
  })

  it('does not serve a stale answer after a write made outside the API (the database notifies every change)', async () => {
    expect(await addressOf(await get(server))).toBeNull()
    expect((await get(server)).headers.get('x-cache')).toBe('hit')
    await sql`update service_point set address = '萧庄村' where id = 'ip-service-410184107'`.execute(server.db)
    // The NOTIFY travels asynchronously on PostgreSQL: allow it a moment.
    await expect.poll(async () => addressOf(await get(server)), { timeout: 3000, interval: 20 }).toBe('萧庄村')
  })

  it('keeps errors and POST requests out of the cache', async () => {
    const before = server.app.cache.size
    await get(server, '{ servicePoints(first: 9999) { totalCount } }')
    await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ regions { code } }' }),
    })
    expect(server.app.cache.size).toBe(before)
  })
})

// Several server instances on one PostgreSQL: a write seen by one clears the other's cache too.
describe.runIf(backend === 'postgres')('two servers on one PostgreSQL', () => {
  let other: TestServer
  beforeAll(async () => {
    other = await startTestServer({ database: server.database })
  })
  afterAll(() => other.close())

  it("invalidates the other instance's cache through LISTEN/NOTIFY", async () => {
    await sql`update service_point set address = null where id = 'ip-service-410184107'`.execute(server.db)
    await expect.poll(async () => addressOf(await get(other)), { timeout: 3000 }).toBeNull()
    // Cached again once the notification has come (under load it may arrive after the first fresh read).
    await expect.poll(async () => (await get(other)).headers.get('x-cache'), { timeout: 3000, interval: 20 }).toBe('hit')
    expect(await addressOf(await get(other))).toBeNull()
    await sql`update service_point set address = '第二次' where id = 'ip-service-410184107'`.execute(server.db)
    await expect.poll(async () => addressOf(await get(other)), { timeout: 3000, interval: 20 }).toBe('第二次')
  })
})
