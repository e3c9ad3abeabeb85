/**
 * PostgreSQL drops connections while queries are in flight (a restart, pg_terminate_backend):
 * under a load of 50 concurrent clients the server stays up, answers every request 200 or 503
 * (SERVICE_UNAVAILABLE, Retry-After), and serves again within 2 s of the database being back.
 * The LISTEN connection behind cache invalidation survives being terminated too.
 */
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { createToken } from '../../server/src/auth/token.repository.ts'
import { backend, cloneTemplate } from '../setup/database.ts'
import { postGraphQL, startLoad, uncachedQuery, type Load, type LoadOutcome } from '../setup/load.ts'
import { PgProxy } from '../setup/pg-proxy.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

const CLIENTS = 50
/** The load's clients come through one trusted proxy, each with its own address (tests/setup/load.ts). */
const ONE_PROXY = { rateLimit: { perMinute: 0, burst: 0, trustedProxies: 1 } }
const POOL = 10

type Clone = Awaited<ReturnType<typeof cloneTemplate>>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const databaseOf = (clone: Clone) => new URL((clone.options as { url: string }).url).pathname.slice(1)

/** Waits until the load has had `n` answers 200 (so the pool is busy with queries in flight). */
async function warmedUp(load: Load, n = 100): Promise<void> {
  await expect.poll(() => load.ok(), { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(n)
}

/**
 * Milliseconds from `since` (the database is available again) until a request sent after it that
 * must reach the database is answered 200: the load's own requests, or probes of a light query
 * sent meanwhile. The figure includes that request's time in the server's queues under the load.
 */
async function msUntilServing(load: Load, url: string, since: number): Promise<number> {
  const probes: LoadOutcome[] = []
  for (let i = 0; Date.now() - since < 10_000; i++) {
    const served = [...load.outcomes, ...probes].filter((o) => o.status === 200 && o.sent >= since)
    if (served.length > 0) return Math.min(...served.map((o) => o.at)) - since
    const probe = await postGraphQL(url, uncachedQuery(3 * (100_000 + i) + 1)).catch(() => undefined)
    if (probe) probes.push(probe)
    await sleep(20)
  }
  return Infinity
}

/** Every request had an answer, 200 or 503, and each 503 says why and when to retry. */
function expectOnly200or503(load: Load): { total: number; unavailable: number } {
  expect(load.failures).toEqual([])
  const statuses = new Set(load.outcomes.map((o) => o.status))
  expect([...statuses].filter((s) => s !== 200 && s !== 503)).toEqual([])
  const unavailable = load.outcomes.filter((o) => o.status === 503)
  for (const o of unavailable) {
    expect(o.code).toBe('SERVICE_UNAVAILABLE')
    expect(Number(o.retryAfter)).toBeGreaterThan(0)
  }
  return { total: load.outcomes.length, unavailable: unavailable.length }
}

describe.runIf(backend === 'postgres')('connections lost mid-query (PostgreSQL only: PGlite runs in-process and has no connections to lose)', () => {
  let admin: pg.Client
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: inject('templates').adminUrl })
    await admin.connect()
  })
  afterAll(async () => {
    await admin?.end()
  })

  /** pg_terminate_backend on this test's own database only; returns how many sessions were ended. */
  async function terminate(database: string, onlyListening = false): Promise<number> {
    const { rows } = await admin.query<{ n: number }>(
      `select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity
        where datname = $1 and pid <> pg_backend_pid() and ($2::boolean is false or query ilike 'listen %')) t`,
      [database, onlyListening],
    )
    return rows[0].n
  }

  describe.each(['shutDown', 'down'] as const)('a PostgreSQL restart as the client sees it (proxy %s)', (cut) => {
    let clone: Clone
    let proxy: PgProxy
    let server: TestServer
    beforeAll(async () => {
      clone = await cloneTemplate('seeded')
      const url = new URL((clone.options as { url: string }).url)
      proxy = new PgProxy({ host: url.hostname, port: Number(url.port || 5432) })
      url.hostname = '127.0.0.1'
      url.port = String(await proxy.up())
      server = await startTestServer({ config: ONE_PROXY, database: { kind: 'postgres', url: url.toString(), poolSize: POOL } })
    })
    afterAll(async () => {
      await server?.close()
      await proxy?.down().catch(() => {})
      await clone?.drop()
    })

    it('answers only 200 or 503 while queries in flight lose their connections, and serves again within 2 s of the database returning', async () => {
      const load = startLoad(server.url, CLIENTS)
      try {
        await warmedUp(load)
        await proxy[cut]()
        await sleep(1000)
        await proxy.up()
        const recoveryMs = await msUntilServing(load, server.url, Date.now())
        await sleep(500)
        await load.stop()
        const { total, unavailable } = expectOnly200or503(load)
        console.info(`proxy ${cut}: ${total} requests, ${unavailable} answered 503, serving again ${recoveryMs} ms after the database returned`)
        // Requests in flight and those during the outage were refused; the load went on after it.
        expect(unavailable).toBeGreaterThan(0)
        expect(recoveryMs).toBeLessThanOrEqual(2000)
        const resumed = load.outcomes.filter((o) => o.status === 200 && o.at > Date.now() - 400)
        expect(resumed.length).toBeGreaterThan(0)
        expect(server.app.server.listening).toBe(true)
      } finally {
        await load.stop()
      }
    })
  })

  describe('pg_terminate_backend of the database’s connections', () => {
    let clone: Clone
    let server: TestServer
    beforeAll(async () => {
      clone = await cloneTemplate('seeded')
      server = await startTestServer({ config: ONE_PROXY, database: { ...(clone.options as { kind: 'postgres'; url: string }), poolSize: POOL } })
    })
    afterAll(async () => {
      await server?.close()
      await clone?.drop()
    })

    it('answers only 200 or 503 when every session is terminated twice mid-load, and serves again within 2 s each time', async () => {
      const load = startLoad(server.url, CLIENTS)
      try {
        await warmedUp(load)
        for (let round = 0; round < 2; round++) {
          const ended = await terminate(databaseOf(clone))
          const since = Date.now()
          expect(ended).toBeGreaterThan(0)
          const recoveryMs = await msUntilServing(load, server.url, since)
          console.info(`pg_terminate_backend round ${round + 1}: ${ended} sessions ended, serving again after ${recoveryMs} ms`)
          expect(recoveryMs).toBeLessThanOrEqual(2000)
          await warmedUp(load, load.ok() + 100)
        }
        await load.stop()
        const { total, unavailable } = expectOnly200or503(load)
        console.info(`pg_terminate_backend: ${total} requests, ${unavailable} answered 503`)
        expect(unavailable).toBeGreaterThan(0)
        expect(server.app.server.listening).toBe(true)
      } finally {
        await load.stop()
      }
    })
  })

  describe('the LISTEN connection behind cache invalidation', () => {
    let clone: Clone
    let writer: TestServer
    let reader: TestServer
    let token: string
    const read = '{ indicator(code: "mediation-cases") { actuals(region: "410184") { year value } } }'
    const getRead = (server: TestServer) => fetch(`${server.url}/graphql?query=${encodeURIComponent(read)}`, { headers: { accept: 'application/json' } })
    const valueOf = async (response: Response) => ((await response.json()) as any).data.indicator.actuals.find((a: any) => a.year === 2025)?.value
    const listening = async (database: string) =>
      (await admin.query<{ pid: number }>(`select pid from pg_stat_activity where datname = $1 and query ilike 'listen %'`, [database])).rows.map((r) => r.pid)
    beforeAll(async () => {
      clone = await cloneTemplate('seeded')
      const database = { ...(clone.options as { kind: 'postgres'; url: string }), poolSize: POOL }
      writer = await startTestServer({ database })
      reader = await startTestServer({ config: ONE_PROXY, database })
      token = (await createToken(writer.db, 'db-faults-test', 'editor')).token
    })
    afterAll(async () => {
      await reader?.close()
      await writer?.close()
      await clone?.drop()
    })

    async function record(value: number): Promise<void> {
      const res = await fetch(`${writer.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation ($i: IndicatorValueInput!) { recordIndicatorValue(input: $i) { value } }',
          variables: { i: { indicator: 'mediation-cases', region: '410184', year: 2025, kind: 'ACTUAL', value, source: 'db-faults test' } },
        }),
      })
      expect(((await res.json()) as any).data.recordIndicatorValue.value).toBe(value)
    }

    /** Reads twice: the second answer must come from the response cache. */
    async function warmCache(server: TestServer): Promise<void> {
      await getRead(server)
      expect((await getRead(server)).headers.get('x-cache')).toBe('hit')
    }

    it('reconnects after being terminated mid-load, clears the caches once, and passes on later writes to the other server', async () => {
      const database = databaseOf(clone)
      const load = startLoad(reader.url, CLIENTS)
      try {
        await warmedUp(load)
        await record(11)
        await expect.poll(async () => valueOf(await getRead(reader)), { timeout: 2000, interval: 50 }).toBe(11)
        await warmCache(reader)
        const before = await listening(database)
        expect(before).toHaveLength(2)

        expect(await terminate(database, true)).toBe(2)
        await expect.poll(async () => (await listening(database)).filter((pid) => !before.includes(pid)).length, { timeout: 5000, interval: 50 }).toBe(2)
        // Notifications may have been missed while it was away: the reconnect cleared the cache.
        await expect.poll(async () => (await getRead(reader)).headers.get('x-cache'), { timeout: 2000, interval: 50 }).toBe('miss')

        // From now on only a notification can clear the reader's cache.
        await warmCache(reader)
        await record(12)
        await expect.poll(async () => valueOf(await getRead(reader)), { timeout: 2000, interval: 50 }).toBe(12)

        // And a bare NOTIFY (as another process's write sends) clears the writer's own cache too.
        await warmCache(writer)
        await sql`select pg_notify('ip_data_changed', 'db-faults test')`.execute(reader.db)
        await expect.poll(async () => (await getRead(writer)).headers.get('x-cache'), { timeout: 2000, interval: 50 }).toBe('miss')

        await load.stop()
        expectOnly200or503(load)
      } finally {
        await load.stop()
      }
    })
  })
})
