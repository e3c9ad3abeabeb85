/**
 * `npm run soak -- [--seconds 60] [--connections 50] [--fault]`: a bounded soak test on loopback. Reads from
 * autocannon (GET and POST queries, tiles) while a writer records an authenticated edit every second;
 * reports requests, statuses, errors (must be 0), p99 latency and the server's memory before and after.
 * Runs the server in this process on the embedded database in a temporary folder (or DATABASE_URL).
 *
 * `--fault` (PostgreSQL only): at 1/3 and 2/3 of the run, every other session of DATABASE_URL's own
 * database is ended with pg_terminate_backend (the server's pool and its LISTEN connection); reports
 * the 503s and how long until a query reaching the database answers 200 again. Fails on any
 * non-2xx other than a 503 during a fault (from the terminate until 2 s after service is back).
 */
import 'reflect-metadata'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import pg from 'pg'
import { pino } from 'pino'
import { startApp } from '../server/src/app.ts'
import { createToken } from '../server/src/auth/token.repository.ts'
import { ROOT } from '../server/src/config.ts'

const { values: args } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, connections: { type: 'string', default: '50' }, fault: { type: 'boolean', default: false } },
})
const seconds = Number(args.seconds)
if (args.fault && !process.env.DATABASE_URL) {
  console.error('soak --fault needs DATABASE_URL (a PostgreSQL database of its own): the embedded database has no connections to terminate.')
  process.exit(2)
}
/** A 503 this long after service is back still counts as the fault's (answers already under way). */
const FAULT_TAIL_MS = 2000
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ip-soak-'))
const database = process.env.DATABASE_URL ? { kind: 'postgres' as const, url: process.env.DATABASE_URL } : { kind: 'pglite' as const, dataDir }

const app = await startApp(
  {
    host: '127.0.0.1',
    port: 0,
    database,
    packages: [path.join(ROOT, 'db/data/xinzheng')],
    webRoot: path.join(ROOT, 'web/dist'),
    logLevel: 'silent',
    // The load's connections are many visitors behind one trusted proxy (each its own X-Forwarded-For, below),
    // so the per-client fairness of expensive work holds each of them, not the whole load, to one at a time.
    rateLimit: { perMinute: 0, burst: 0, trustedProxies: 1 },
  },
  { logger: pino({ level: 'silent' }) },
)
try {
  await app.ready
  const { token } = await createToken(app.db()!, `soak-${process.pid}`, 'editor')
  const gql = `${app.url}/graphql`
  // Warm up, then measure memory after a collection (run with --expose-gc for a steadier figure).
  for (let i = 0; i < 200; i++) await fetch(`${gql}?query=${encodeURIComponent('{ regions { code name } }')}`).then((r) => r.text())
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const before = process.memoryUsage()

  const t0 = Date.now()
  let writes = 0
  let writeErrors = 0
  /** Writes refused with SERVICE_UNAVAILABLE (503): expected during a fault, nothing half-written. */
  let writesUnavailable = 0
  const writeErrorCodes = new Set<string>()
  let stop = false
  const writer = (async () => {
    for (let year = 2024; !stop; year++) {
      const res = await fetch(gql, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation ($i: IndicatorValueInput!) { recordIndicatorValue(input: $i) { year value } }',
          variables: { i: { indicator: 'mediation-cases', region: '410184', year: 2024 + (year % 3), kind: 'ACTUAL', value: year % 40, source: 'soak test' } },
        }),
      }).then(
        (r) => r.json() as Promise<any>,
        () => ({ errors: [{}] }),
      )
      if (res.errors?.every((e: any) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) writesUnavailable++
      else if (res.errors) {
        writeErrors++
        writeErrorCodes.add(String(res.errors[0]?.extensions?.code ?? res.errors[0]?.message ?? 'no response'))
      } else writes++
      await new Promise((r) => setTimeout(r, 1000))
    }
  })()

  // autocannon cycles through these requests on each connection.
  const requests = [
    { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ mapLayer(layer: SERVICE_POINTS) }')}` },
    {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ servicePoints(first: 50) { totalCount edges { node { id name kind location } } } }' }),
    },
    {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nearestServicePoints(lng: 113.74, lat: 34.4, limit: 5) { distanceMeters servicePoint { id } } }' }),
    },
    {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ indicators { code baseline { value } target { value } latestActual { value } progress onTrack } }')}`,
    },
    { method: 'GET', path: '/tiles/service-points/10/835/409.pbf' },
  ]
  const cli = path.join(ROOT, 'node_modules/autocannon/autocannon.js')
  // The child also reports when each non-2xx answer came, so 503s can be matched to the faults.
  const script =
    `const a=require(${JSON.stringify(cli.replace('autocannon.js', ''))});const bad=[];` +
    // Each connection gets its own address: setupClient rebuilds that connection's requests with the header.
    `let n=0;const setupClient=(c)=>{const ip='10.99.'+(n>>8)+'.'+(n++&255);const it=c.requestIterator;` +
    `it.setRequests(it.requests.map((r)=>({...r,headers:{...r.headers,'x-forwarded-for':ip}})))};` +
    `const i=a({url:${JSON.stringify(app.url)},connections:${Number(args.connections)},duration:${seconds},requests:${JSON.stringify(requests)},setupClient},(e,r)=>{console.log(JSON.stringify({...r,bad}))});` +
    `i.on('response',(c,s)=>{if(s<200||s>299)bad.push([Date.now(),s])})`
  const load = promisify(execFile)(process.execPath, ['-e', script], { maxBuffer: 64 << 20, cwd: ROOT })
  const faults = args.fault ? await injectFaults(database.url!, app.url, seconds) : []
  const { stdout } = await load
  stop = true
  await writer
  const r = JSON.parse(stdout.trim().split('\n').at(-1)!)
  const bad = r.bad as [number, number][]
  const duringFault = (at: number) => faults.some((f) => at >= f.at && at <= f.at + f.recoveryMs + FAULT_TAIL_MS)
  const unexpected = bad.filter(([at, status]) => status !== 503 || !duringFault(at))
  gc?.()
  const after = process.memoryUsage()
  const mb = (n: number) => (n / 2 ** 20).toFixed(1)
  const report = [
    `soak: ${seconds} s at ${args.connections} connections on ${database.kind === 'pglite' ? 'the embedded database' : 'PostgreSQL'}`,
    `reads: ${r.requests.total} requests (${r.requests.average.toFixed(0)}/s), errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
    `statuses: ${Object.entries(r.statusCodeStats as Record<string, { count: number }>)
      .map(([code, { count }]) => `${code} × ${count}`)
      .join(', ')}; ` + `503s ${bad.filter(([, s]) => s === 503).length}, non-2xx other than a 503 during a fault ${unexpected.length}`,
    ...faults.map(
      (f, i) =>
        `fault ${i + 1}: pg_terminate_backend ended ${f.ended} sessions at ${(f.at - t0) / 1000} s; a query reaching the database answered 200 again after ${f.recoveryMs} ms`,
    ),
    `writes: ${writes} authenticated edits acknowledged, ${writesUnavailable} refused with 503, ${writeErrors} failed otherwise${writeErrors ? ` (${[...writeErrorCodes].join(', ')})` : ''}`,
    `memory (rss / heap used): before ${mb(before.rss)} / ${mb(before.heapUsed)} MB, after ${mb(after.rss)} / ${mb(after.heapUsed)} MB (heap growth ${mb(after.heapUsed - before.heapUsed)} MB)`,
  ].join('\n')
  console.log(report)
  const failed = args.fault
    ? r.errors + r.timeouts + unexpected.length + writeErrors > 0 || faults.some((f) => f.recoveryMs > FAULT_TAIL_MS)
    : r.errors + r.timeouts + r.non2xx + writeErrors + writesUnavailable > 0
  if (failed) process.exitCode = 1
} finally {
  await app.close()
  rmSync(dataDir, { recursive: true, force: true })
}

interface Fault {
  /** When the sessions were terminated (Date.now()). */
  at: number
  ended: number
  /** From then until a query that must reach the database answered 200. */
  recoveryMs: number
}

/** Twice, at 1/3 and 2/3 of the run: ends every other session of the database's own (not other databases'). */
async function injectFaults(url: string, baseUrl: string, seconds: number): Promise<Fault[]> {
  const admin = new pg.Client({ connectionString: url })
  admin.on('error', () => {})
  await admin.connect()
  const faults: Fault[] = []
  try {
    const start = Date.now()
    for (const share of [1 / 3, 2 / 3]) {
      await new Promise((r) => setTimeout(r, Math.max(0, start + share * seconds * 1000 - Date.now())))
      // The fault starts when the terminate is sent: requests whose sessions it ends are answered 503 before it returns.
      const at = Date.now()
      const { rows } = await admin.query<{ n: number }>(
        `select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()) t`,
      )
      faults.push({ at, ended: rows[0].n, recoveryMs: await msUntilServing(baseUrl, at) })
    }
  } finally {
    await admin.end().catch(() => {})
  }
  return faults
}

/** Milliseconds from `since` until a query that must reach the database (uncached, unmemoised) answers 200. */
async function msUntilServing(baseUrl: string, since: number): Promise<number> {
  for (let i = 0; Date.now() - since < 30_000; i++) {
    const body = JSON.stringify({ query: `{ nearestServicePoints(lng: ${113.7 + (i % 97) / 1000}, lat: 34.41, limit: 2) { distanceMeters } }` })
    const status = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
      (res) => res.text().then(() => res.status),
      () => 0,
    )
    if (status === 200) return Date.now() - since
    await new Promise((r) => setTimeout(r, 20))
  }
  return Infinity
}
