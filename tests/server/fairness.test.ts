/**
 * Two clients on one server (protects everyone else from one client that sends the most expensive
 * documents the limits admit): for 20 s an "attacker" sends them, within its rate limit, while a
 * "neighbour" sends cheap queries; the neighbour's p95 stays low and /healthz always answers.
 */
import 'reflect-metadata'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../../server/src/config.ts'
import { fieldCost, measuredCosts } from '../../server/src/security/cost.ts'
import { backend } from '../setup/database.ts'
import { startTestServer, type TestServer } from '../setup/server.ts'

const DURATION_MS = 20_000
const P95_LIMIT_MS = backend === 'postgres' ? 100 : 250

describe('an attacker and a neighbour', () => {
  let server: TestServer
  beforeAll(async () => {
    // Clients told apart by X-Forwarded-For (as behind one trusted proxy), the default rate limit.
    server = await startTestServer({ config: { rateLimit: { perMinute: 600, burst: 120, trustedProxies: 1 } } })
  })
  afterAll(() => server.close())

  /** The dearest documents the limits admit, computed from the limits and the measured costs. */
  async function attackDocuments(): Promise<string[]> {
    const { data } = await server.query('{ regions { code } }')
    const codes: string[] = data.regions.map((r: { code: string }) => r.code)
    const costs = measuredCosts(backend === 'postgres' ? 'postgres' : 'pglite')
    const budget = DEFAULT_LIMITS.maxDbMs
    const per = fieldCost(costs, 'compareRegions', { codes, coverageRadiusKm: 50 })
    const compares = Math.max(1, Math.min(DEFAULT_LIMITS.maxAliases, Math.floor(budget / per)))
    const compare = (seed: number) =>
      `{ ${Array.from({ length: compares }, (_, i) => `c${i}: compareRegions(codes: ${JSON.stringify(codes)}, coverageRadiusKm: ${(50 - seed / 1000 - i / 100).toFixed(3)}) { rank coverageShare }`).join(' ')} }`
    const layers = `{ ${Array.from({ length: 10 }, (_, i) => `l${i}: mapLayer(layer: REGIONS, simplifyMeters: ${i})`).join(' ')} }`
    let deep = 'code'
    for (let d = 0; d < DEFAULT_LIMITS.maxDepth - 2; d++) deep = `children { code boundary ${deep} }`
    const nested = `{ regions { ${deep} } }`
    const pages = `{ ${Array.from({ length: 10 }, (_, i) => `p${i}: servicePoints(first: 500, kinds: null, after: ${i ? `"${i}"` : 'null'}) { totalCount edges { node { id name location region { code boundary } } } }`).join(' ')} }`
    return [compare(1), layers, nested, pages, compare(2)]
  }

  it(
    `keeps the neighbour's p95 under ${P95_LIMIT_MS} ms and /healthz answering for ${DURATION_MS / 1000} s`,
    async () => {
      const documents = await attackDocuments()
      // First the neighbour alone for a few seconds: the machine's own latency, to read the figures against.
      const alone = await neighbourLatencies(server, Date.now() + 4000)
      const end = Date.now() + DURATION_MS
      const attackerStatuses = new Map<number, number>()
      let attackerSent = 0
      const attacker = async () => {
        // Within the rate limit (600 a minute): at most 10 a second, two at a time.
        for (let i = 0; Date.now() < end; i++) {
          const t0 = Date.now()
          attackerSent++
          const res = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.66' },
            body: JSON.stringify({ query: documents[(attackerSent + i) % documents.length].replace('1) {', `${i % 7}) {`) }),
          }).catch(() => undefined)
          if (res) {
            await res.arrayBuffer()
            attackerStatuses.set(res.status, (attackerStatuses.get(res.status) ?? 0) + 1)
          }
          await new Promise((r) => setTimeout(r, Math.max(0, 200 - (Date.now() - t0))))
        }
      }
      let latencies: number[] = []
      const neighbour = async () => {
        latencies = await neighbourLatencies(server, end)
      }
      let healthTimeouts = 0
      let healthChecks = 0
      const health = async () => {
        while (Date.now() < end) {
          healthChecks++
          const ok = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5000) }).then(
            (r) => r.status === 200,
            () => false,
          )
          if (!ok) healthTimeouts++
          await new Promise((r) => setTimeout(r, 500))
        }
      }
      await Promise.all([attacker(), attacker(), neighbour(), health()])
      const p = (q: number) => percentile(latencies, q)
      console.log(
        `[${backend}] neighbour alone: ${alone.length} requests, p50 ${percentile(alone, 0.5)} ms, p95 ${percentile(alone, 0.95)} ms; ` +
          `with the attacker: attacker: ${attackerSent} requests, statuses ${JSON.stringify(Object.fromEntries(attackerStatuses))}; ` +
          `neighbour: ${latencies.length} requests, p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms; /healthz: ${healthChecks} checks, ${healthTimeouts} failed`,
      )
      expect(healthTimeouts).toBe(0)
      expect(p(0.95)).toBeLessThan(P95_LIMIT_MS)
      expect([...attackerStatuses.keys()].every((s) => s < 500 || s === 503)).toBe(true)
    },
    DURATION_MS + 60_000,
  )
})

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))])
}

/** The neighbour: a cheap query every 100 ms until `end`; its latencies in ms. */
async function neighbourLatencies(server: TestServer, end: number): Promise<number[]> {
  const latencies: number[] = []
  while (Date.now() < end) {
    const t0 = performance.now()
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.5' },
      body: JSON.stringify({ query: '{ region(code: "410184109") { code name population } }' }),
    })
    const body = (await res.json()) as any
    latencies.push(performance.now() - t0)
    expect(body.data.region.code).toBe('410184109')
    await new Promise((r) => setTimeout(r, 100))
  }
  return latencies
}
