/**
 * `npm run soak -- [--seconds 60] [--connections 50]`: a bounded soak test on loopback. Reads from
 * autocannon (GET and POST queries, tiles) while a writer records an authenticated edit every second;
 * reports requests, errors (must be 0), p99 latency and the server's memory before and after.
 * Runs the server in this process on the embedded database in a temporary folder (or DATABASE_URL).
 */
import 'reflect-metadata'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { pino } from 'pino'
import { startApp } from '../server/src/app.ts'
import { createToken } from '../server/src/auth/token.repository.ts'
import { ROOT } from '../server/src/config.ts'

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, connections: { type: 'string', default: '50' } } })
const seconds = Number(args.seconds)
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ip-soak-'))
const database = process.env.DATABASE_URL ? { kind: 'postgres' as const, url: process.env.DATABASE_URL } : { kind: 'pglite' as const, dataDir }

const app = await startApp(
  { host: '127.0.0.1', port: 0, database, packages: [path.join(ROOT, 'db/data/xinzheng')], webRoot: path.join(ROOT, 'web/dist'), logLevel: 'silent', rateLimit: { perMinute: 0, burst: 0, trustedProxies: 0 } },
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

  let writes = 0
  let writeErrors = 0
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
      }).then((r) => r.json() as Promise<any>, () => ({ errors: [{}] }))
      if (res.errors) writeErrors++
      else writes++
      await new Promise((r) => setTimeout(r, 1000))
    }
  })()

  // autocannon cycles through these requests on each connection.
  const requests = [
    { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ mapLayer(layer: SERVICE_POINTS) }')}` },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ servicePoints(first: 50) { totalCount edges { node { id name kind location } } } }' }) },
    { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nearestServicePoints(lng: 113.74, lat: 34.4, limit: 5) { distanceMeters servicePoint { id } } }' }) },
    { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ indicators { code baseline { value } target { value } latestActual { value } progress onTrack } }')}` },
    { method: 'GET', path: '/tiles/service-points/10/835/409.pbf' },
  ]
  const cli = path.join(ROOT, 'node_modules/autocannon/autocannon.js')
  const script = `const a=require(${JSON.stringify(cli.replace('autocannon.js', ''))});a({url:${JSON.stringify(app.url)},connections:${Number(args.connections)},duration:${seconds},requests:${JSON.stringify(requests)}},(e,r)=>{console.log(JSON.stringify(r))})`
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { maxBuffer: 64 << 20, cwd: ROOT })
  stop = true
  await writer
  const r = JSON.parse(stdout.trim().split('\n').at(-1)!)
  gc?.()
  const after = process.memoryUsage()
  const mb = (n: number) => (n / 2 ** 20).toFixed(1)
  const report = [
    `soak: ${seconds} s at ${args.connections} connections on ${database.kind === 'pglite' ? 'the embedded database' : 'PostgreSQL'}`,
    `reads: ${r.requests.total} requests (${r.requests.average.toFixed(0)}/s), errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
    `writes: ${writes} authenticated edits acknowledged, ${writeErrors} failed`,
    `memory (rss / heap used): before ${mb(before.rss)} / ${mb(before.heapUsed)} MB, after ${mb(after.rss)} / ${mb(after.heapUsed)} MB (heap growth ${mb(after.heapUsed - before.heapUsed)} MB)`,
  ].join('\n')
  console.log(report)
  if (r.errors + r.timeouts + r.non2xx + writeErrors > 0) process.exitCode = 1
} finally {
  await app.close()
  rmSync(dataDir, { recursive: true, force: true })
}
