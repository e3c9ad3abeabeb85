/**
 * `npm run bench`: throughput and latency of the main API cases on PostgreSQL + PostGIS, measured
 * side by side in one run with two limits and the peer (PostGraphile 5 over the same database), plus
 * SQL statements per request and start-up times. The limits: a bare node:http server sending the same
 * bytes (what Node can do at all: the limit of a cached answer), and, for an uncached case, a
 * hand-written pg + node:http handler that runs the same SQL statements our server ran for that request
 * (recorded from it, all at once on a pool of the same size) and turns their rows into JSON before
 * sending the same bytes (the limit of doing the work).
 * Prints a Markdown report and writes it to BENCHMARKS.md (or --out FILE).
 *
 * Every server measured first gets `--warmup` seconds of the same load, not counted, so that each is
 * measured in its steady state (V8's and graphql-jit's compiled code, warm pools) rather than while
 * it compiles.
 *
 *   npm run bench -- [--duration 10] [--warmup 3] [--connections 32] [--out BENCHMARKS.md] [--no-startup]
 *
 * Needs a PostgreSQL server with PostGIS: BENCH_DATABASE_URL (or TEST_DATABASE_URL), default
 * postgres://postgres@127.0.0.1:5432/postgres; a database of its own is created and dropped.
 */
import 'reflect-metadata'
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { pino } from 'pino'
import type { Statement } from '../db/connect.ts'
import { startApp } from '../server/src/app.ts'
import { ROOT } from '../server/src/config.ts'

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    out: { type: 'string', default: path.join(ROOT, 'BENCHMARKS.md') },
    'no-startup': { type: 'boolean', default: false },
  },
})
const duration = Number(args.duration)
const warmup = Number(args.warmup)
const connections = Number(args.connections)
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
/** Connections of our server's pool, and of the same-SQL handler's. */
const POOL_SIZE = 10
const withDb = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString()

interface Result {
  requests: number
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

/** How a load sends its requests. */
interface LoadOptions {
  method?: string
  body?: string
  headers?: Record<string, string>
}

/**
 * Runs autocannon in its own process, so that it does not take CPU from the servers measured here:
 * `warmup` seconds of the same load first (not counted), then `duration` seconds measured.
 */
async function load(url: string, opts: LoadOptions = {}): Promise<Result> {
  if (warmup > 0) await autocannon(url, opts, warmup)
  return autocannon(url, opts, duration)
}

async function autocannon(url: string, opts: LoadOptions, seconds: number): Promise<Result> {
  const cli = path.join(ROOT, 'node_modules/autocannon/autocannon.js')
  const argv = [cli, '-j', '-c', String(connections), '-d', String(seconds), '-m', opts.method ?? 'GET']
  for (const [k, v] of Object.entries(opts.headers ?? {})) argv.push('-H', `${k}=${v}`)
  if (opts.body) argv.push('-b', opts.body)
  argv.push(url)
  const { stdout } = await promisify(execFile)(process.execPath, argv, { maxBuffer: 64 << 20 })
  const r = JSON.parse(stdout)
  return { requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx }
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/**
 * The same SQL, nothing else: each request runs `statements` (all at once, on a pool of `poolSize`
 * connections as ours has), serialises their rows to JSON, and answers with `body`.
 */
async function sameSqlServer(
  url: string,
  statements: Statement[],
  body: string,
  contentType: string,
  poolSize: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      Promise.all(statements.map((s) => pool.query(s.sql, s.parameters as unknown[]))).then(
        (results) => {
          // The rows turned into JSON, as a server would before answering (the result is not sent: the bytes are ours).
          JSON.stringify(results.map((r) => r.rows))
          res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) })
          res.end(body)
        },
        (error: Error) => {
          res.writeHead(500)
          res.end(error.message)
        },
      )
    })
  })
  const address = await listen(server)
  return { url: address, close: () => new Promise<void>((r) => server.close(() => r())).then(() => pool.end()) }
}

/** A bare node:http server answering every request with the same bytes: the most a Node server can do here. */
async function bareServer(body: string, contentType: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) })
      res.end(body)
    })
  })
  const url = await listen(server)
  return { url, close: () => new Promise((r) => server.close(() => r())) }
}

async function main(): Promise<void> {
  const dbName = `ip_bench_${process.pid}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${dbName}`)
  const url = withDb(adminUrl, dbName)
  const rows: string[] = []
  const notes: string[] = []
  const logger = pino({ level: 'silent' })
  const app = await startApp(
    {
      host: '127.0.0.1',
      port: 0,
      database: { kind: 'postgres', url, poolSize: POOL_SIZE },
      packages: [path.join(ROOT, 'db/data/xinzheng')],
      webRoot: path.join(ROOT, 'web/dist'),
      logLevel: 'silent',
      rateLimit: { perMinute: 0, burst: 0, trustedProxies: 0 },
    },
    { logger },
  )
  try {
    await app.ready
    const gql = `${app.url}/graphql`
    const codes: string[] = ((await (await fetch(`${gql}?query=${encodeURIComponent('{ regions { code } }')}`)).json()) as any).data.regions.map(
      (r: any) => r.code,
    )
    const cases = [
      { name: 'mapLayer(SERVICE_POINTS), GET, cached', method: 'GET', url: `${gql}?query=${encodeURIComponent('{ mapLayer(layer: SERVICE_POINTS) }')}` },
      {
        name: 'compareRegions, all 15 towns, POST',
        method: 'POST',
        query: `{ compareRegions(codes: ${JSON.stringify(codes)}) { rank region { code name } population areaKm2 servicePointCount servicePointsPer10k giProductCount coverageShare } }`,
      },
      {
        name: 'servicePoints page of 50, POST',
        method: 'POST',
        query: '{ servicePoints(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name kind status location region { code } } } } }',
      },
      {
        name: 'nearestServicePoints (5), POST',
        method: 'POST',
        query: '{ nearestServicePoints(lng: 113.74, lat: 34.40, limit: 5) { distanceMeters servicePoint { id name kind } } }',
      },
    ]
    rows.push(
      '| case | req/s | p50 ms | p99 ms | SQL statements / request | bare node:http req/s (same bytes) | ours / bare | same SQL, hand-written: req/s, p99 ms | ours / same SQL | errors |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    )
    for (const c of cases) {
      const init =
        c.method === 'POST' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: c.query }) } : { method: 'GET' }
      const target = c.method === 'POST' ? gql : c.url!
      // One request first: warms the cache for GET, checks the answer, and gives the bytes for the bare server.
      const sample = await fetch(target, init)
      const sampleBody = await sample.text()
      if (sample.status !== 200 || sampleBody.includes('"errors"')) throw new Error(`${c.name}: ${sample.status} ${sampleBody.slice(0, 200)}`)
      // Statements of one request, counted alone (under load, requests still in flight blur the count).
      const recorded: Statement[] = []
      app.onStatement((statement) => recorded.push(statement))
      await (await fetch(target, init)).text()
      app.onStatement(null)
      const perRequest = recorded.length
      const ours = await load(target, { method: c.method, body: (init as any).body, headers: (init as any).headers })
      const bare = await bareServer(sampleBody, sample.headers.get('content-type') ?? 'application/json')
      const limit = await load(bare.url, { method: c.method, body: (init as any).body, headers: (init as any).headers })
      await bare.close()
      // An uncached case also gets the limit of doing the work: the same statements, by hand.
      let sameSql = '– | –'
      if (c.method === 'POST') {
        const hand = await sameSqlServer(url, recorded, sampleBody, sample.headers.get('content-type') ?? 'application/json', POOL_SIZE)
        const work = await load(hand.url, { method: 'POST', body: (init as any).body, headers: (init as any).headers })
        await hand.close()
        if (work.non2xx || work.errors) throw new Error(`${c.name}: the same-SQL handler failed ${work.non2xx + work.errors} times`)
        const share = (ours.rps / work.rps) * 100
        sameSql = `${work.rps.toFixed(0)}, ${work.p99} | ${share.toFixed(0)} % (goal ≥ 70 %) ${share >= 70 ? 'met' : 'NOT met'}`
        notes.push(`${c.name}: p99 ${ours.p99} ms at ${connections} connections (goal ≤ 20 ms) ${ours.p99 <= 20 ? 'met' : 'NOT met'}.`)
      }
      rows.push(
        `| ${c.name} | ${ours.rps.toFixed(0)} | ${ours.p50} | ${ours.p99} | ${perRequest} | ${limit.rps.toFixed(0)} | ${((ours.rps / limit.rps) * 100).toFixed(0)} % | ${sameSql} | ${ours.errors + ours.non2xx} |`,
      )
      console.error(`done: ${c.name}`)
    }

    // The peer: PostGraphile 5 over the same database, listing the service points with longitude and latitude.
    try {
      await peer(url, app.url, rows, notes)
    } catch (error) {
      notes.push(`PostGraphile peer: not measured (${(error as Error).message}).`)
    }
  } finally {
    await app.close()
    await admin.query(`drop database if exists ${dbName} with (force)`)
    await admin.end()
  }

  if (!args['no-startup']) rows.push('', ...(await startup()))
  const version = async (sqlText: string) => {
    const c = new pg.Client({ connectionString: adminUrl })
    await c.connect()
    try {
      return (await c.query(sqlText)).rows[0].v as string
    } finally {
      await c.end()
    }
  }
  const header = [
    '# Benchmarks',
    '',
    `Run by \`npm run bench -- --duration ${duration} --warmup ${warmup} --connections ${connections}\` on ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${await version("select split_part(version(), ' on ', 1) || ', PostGIS ' || postgis_lib_version() as v").catch(() => version('select version() as v'))}.`,
    `Load: autocannon in its own process on loopback, ${connections} connections; the servers measured run in the benchmark's process, one at a time, each after ${warmup} s of the same load not counted.`,
    '',
  ]
  const report = [...header, ...rows, '', ...notes.map((n) => `- ${n}`), ''].join('\n')
  console.log(report)
  if (args.out) writeFileSync(args.out, report)
}

async function peer(url: string, ourUrl: string, rows: string[], notes: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  // PostGraphile has no PostGIS types without a plugin: give it the same points as plain longitude/latitude.
  await c.query(`create view service_point_lnglat as
                   select id, name_zh, kind, st_x(location) as lng, st_y(location) as lat from service_point order by id`)
  await c.end()
  const { postgraphile } = await import('postgraphile')
  const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber')
  const { makePgService } = await import('postgraphile/adaptors/pg')
  const { grafserv } = await import('postgraphile/grafserv/node')
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ connectionString: url, schemas: ['public'], poolConfig: { max: 10 } })],
  })
  const server = createServer()
  await pgl.createServ(grafserv).addTo(server)
  const peerUrl = await listen(server)
  try {
    const peerQuery = JSON.stringify({ query: '{ allServicePointLnglats(first: 50) { nodes { rowId nameZh kind lng lat } } }' })
    const ourQuery = '{ servicePoints(first: 50) { edges { node { id name kind location } } } }'
    const check = (await (
      await fetch(`${peerUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: peerQuery })
    ).json()) as any
    if (!check.data) throw new Error(JSON.stringify(check.errors ?? check).slice(0, 200))
    const theirs = await load(`${peerUrl}/graphql`, { method: 'POST', body: peerQuery, headers: { 'content-type': 'application/json' } })
    const oursPost = await load(`${ourUrl}/graphql`, {
      method: 'POST',
      body: JSON.stringify({ query: ourQuery }),
      headers: { 'content-type': 'application/json' },
    })
    const getUrl = `${ourUrl}/graphql?query=${encodeURIComponent(ourQuery)}`
    await fetch(getUrl)
    const oursGet = await load(getUrl)
    rows.push(
      '',
      '| the list of service points (id, name, kind, lng/lat), first 50 | req/s | p50 ms | p99 ms | ratio to PostGraphile |',
      '|---|---:|---:|---:|---:|',
      `| PostGraphile 5.0.0-rc.3 (POST) | ${theirs.rps.toFixed(0)} | ${theirs.p50} | ${theirs.p99} | 1.00× |`,
      `| ours, uncached (POST) | ${oursPost.rps.toFixed(0)} | ${oursPost.p50} | ${oursPost.p99} | ${(oursPost.rps / theirs.rps).toFixed(2)}× |`,
      `| ours, cached (GET) | ${oursGet.rps.toFixed(0)} | ${oursGet.p50} | ${oursGet.p99} | ${(oursGet.rps / theirs.rps).toFixed(2)}× |`,
    )
    notes.push(
      "PostGraphile 5.0.0-rc.3 is the last PostGraphile 5 release that runs on Node 20 (later ones need Node 22); it reads a view giving each point's longitude and latitude, since it has no PostGIS types without a plugin.",
    )
  } finally {
    await new Promise<void>((r) => server.close(() => r()))
    await pgl.release()
  }
}

/** First start on an empty data folder (migrate and load) and a restart, as `npm start` does them, until /healthz is 200. */
async function startup(): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ip-bench-'))
  let fallback = false
  const time = async () => {
    const port = 40000 + Math.floor(Math.random() * 20000)
    const t0 = Date.now()
    // What `npm start` runs: the bundled server (build/server.mjs) when it is fresh, else the sources through tsx (it says so).
    const child = spawn(process.execPath, ['server/start.mjs'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    child.stderr.on('data', (chunk: Buffer) => (fallback ||= /Running the TypeScript sources/.test(String(chunk))))
    try {
      for (;;) {
        if (Date.now() - t0 > 120_000) throw new Error('no /healthz 200 within 120 s')
        const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.status === 200,
          () => false,
        )
        if (ok) return Date.now() - t0
        await new Promise((r) => setTimeout(r, 50))
      }
    } finally {
      child.kill('SIGTERM')
      await new Promise((r) => child.on('exit', r))
    }
  }
  try {
    const first = await time()
    const later = await time()
    // The goals of the issue (fast everywhere): first start ≤ 20 s, later start ≤ 3 s.
    const verdict = (ms: number, goal: number) => `≤ ${goal.toLocaleString('en').replace(',', ' ')}: ${ms <= goal ? 'met' : 'NOT met'}`
    const how = fallback ? 'the TypeScript sources through tsx: build/server.mjs was stale, run `npm run build`' : 'the bundled build/server.mjs'
    return [
      `| start-up (embedded database, \`npm start\` until /healthz 200; it ran ${how}) | ms | goal |`,
      '|---|---:|---|',
      `| first start (migrate, load the dataset) | ${first} | ${verdict(first, 20_000)} |`,
      `| later start | ${later} | ${verdict(later, 3_000)} |`,
    ]
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
