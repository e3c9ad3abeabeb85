/**
 * The database goes away and comes back (as in a PostgreSQL restart): a TCP proxy between the server
 * and PostgreSQL is cut and restored, so only this test's connections see the outage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backend, cloneTemplate } from '../setup/database.ts'
import { PgProxy } from '../setup/pg-proxy.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

describe.runIf(backend === 'postgres')('database outage (protects the public server from crashing or leaking errors when PostgreSQL restarts)', () => {
  let clone: Awaited<ReturnType<typeof cloneTemplate>>
  let proxy: PgProxy
  let port: number
  let server: TestServer
  beforeAll(async () => {
    clone = await cloneTemplate('seeded')
    const url = new URL((clone.options as { url: string }).url)
    proxy = new PgProxy({ host: url.hostname, port: Number(url.port || 5432) })
    port = await proxy.up()
    url.hostname = '127.0.0.1'
    url.port = String(port)
    server = await startTestServer({ database: { kind: 'postgres', url: url.toString(), poolSize: 4 } })
  })
  afterAll(async () => {
    await server?.close()
    await proxy?.down().catch(() => {})
    await clone?.drop()
  })

  it('answers 503 with the reason while the database is down, and resumes by itself when it returns', async () => {
    const query = '{ region(code: "410184") { name } }'
    expect((await server.query(query)).data.region.name).toBe('新郑市')

    await proxy.down()
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(503)
    expect(((await health.json()) as any).reason).toMatch(/database/)
    // A query that must reach the database: region look-ups are memoised until the next write, and still answer.
    const uncached = '{ servicePoints(first: 1) { totalCount } }'
    const during = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: uncached }),
    })
    expect(during.status).toBe(503)
    const body = (await during.json()) as any
    expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE')
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres:/)
    expect(during.headers.get('retry-after')).toBe('2')
    // Tiles and downloads that need the database say so the same way (not a 500).
    for (const path of ['/tiles/service-points/10/835/409.pbf', '/data/service-points.csv']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status, path).toBe(503)
      expect(res.headers.get('retry-after'), path).toBe('2')
      expect(((await res.json()) as any).errors[0].extensions.code, path).toBe('SERVICE_UNAVAILABLE')
    }

    await proxy.up(port)
    const t0 = Date.now()
    await expect.poll(async () => (await fetch(`${server.url}/healthz`)).status, { timeout: 10_000, interval: 100 }).toBe(200)
    expect((await server.query(query)).data.region.name).toBe('新郑市')
    console.info(`service resumed ${Date.now() - t0} ms after the database returned`)
  })
})
