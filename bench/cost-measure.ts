/**
 * `npm run cost:measure`: times each expensive field of the API on the embedded database (PGlite)
 * and on PostgreSQL, fits the cost model's weights and writes them to
 * server/src/security/field-costs.json (with the machine and date), which the request limits use.
 *
 *   npm run cost:measure -- [--runs 5] [--no-postgres] [--out server/src/security/field-costs.json]
 *
 * PostgreSQL: COST_DATABASE_URL (or TEST_DATABASE_URL), default postgres://postgres@127.0.0.1:5432/postgres;
 * a database of its own is created, loaded with the bundled data and dropped. PGlite runs in memory.
 * Each case is run once to warm up, then `runs` times; the shortest wall time (database plus resolver
 * work, which on PGlite share the one thread) is what is fitted.
 */
import 'reflect-metadata'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { bootstrapDatabase } from '../db/bootstrap.ts'
import { openDatabase } from '../db/connect.ts'
import type { Database } from '../db/database.ts'
import { ROOT } from '../server/src/config.ts'
import { createContext } from '../server/src/context.ts'
import { Gate } from '../server/src/gate.ts'
import { Memo } from '../server/src/memo.ts'
import { buildAppSchema } from '../server/src/schema.ts'
import { layerSizes } from '../server/src/security/cost.repository.ts'
import type { BackendCosts, FieldCosts } from '../server/src/security/cost.ts'

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'no-postgres': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(ROOT, 'server/src/security/field-costs.json') },
  },
})
const runs = Number(args.runs)
const adminUrl = process.env.COST_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const withDb = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString()
const XINZHENG = path.join(ROOT, 'db/data/xinzheng')
const COUNTY = '410184'

/**
 * The shortest wall time of `query` over the runs, in ms, each run with an empty memo (nothing shared
 * between runs). The shortest, not the median: on a shared machine the other runs measure the
 * machine's load as much as the query.
 */
async function time(schema: GraphQLSchema, db: Kysely<Database>, query: string): Promise<number> {
  const document: DocumentNode = parse(query)
  const once = async () => {
    const contextValue = createContext(db, COUNTY, undefined, { memo: new Memo(), gate: new Gate() })
    const t0 = performance.now()
    const result = await execute({ schema, document, contextValue })
    const ms = performance.now() - t0
    if (result.errors?.length) throw new Error(`${query}: ${result.errors[0].message}`)
    return ms
  }
  await once()
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await once())
  return Math.min(...times)
}

/** Least squares of y on the columns of xs (with no intercept column added): the weights. */
function fit(xs: number[][], ys: number[]): number[] {
  const k = xs[0].length
  const a = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => xs.reduce((s, x) => s + x[i] * x[j], 0)))
  const b = Array.from({ length: k }, (_, i) => xs.reduce((s, x, n) => s + x[i] * ys[n], 0))
  // Gaussian elimination (k ≤ 3).
  for (let i = 0; i < k; i++) {
    const p = a[i][i] || 1e-12
    for (let j = i + 1; j < k; j++) {
      const f = a[j][i] / p
      for (let c = i; c < k; c++) a[j][c] -= f * a[i][c]
      b[j] -= f * b[i]
    }
  }
  const w = new Array<number>(k).fill(0)
  for (let i = k - 1; i >= 0; i--) w[i] = (b[i] - a[i].slice(i + 1).reduce((s, v, j) => s + v * w[i + 1 + j], 0)) / (a[i][i] || 1e-12)
  // A negative weight is noise around zero: no work is free of cost, none is cheaper than nothing.
  return w.map((v) => Math.max(0, round(v)))
}

const round = (v: number) => Math.round(v * 10_000) / 10_000

const SP = 'id name kind status address locationQuality location services region { code name }'
const FLAT: Record<string, string> = {
  regions: '{ regions { code name level population areaKm2 seat boundary boundaryQuality parent { code } children { code } } }',
  region: '{ region(code: "410184109") { code name boundary servicePoints { id } giProducts { code } indicatorValues { year value } } }',
  counties: '{ counties { code } }',
  indicators:
    '{ indicators { code name unit baseline { year value } target { year value } milestones { year value } actuals { year value } progress onTrack } }',
  indicator: '{ indicator(code: "invention-patents-in-force") { code name baseline { value } } }',
  giProducts: '{ giProducts { code name status originArea originRegions { code } } }',
  tasks: '{ tasks { section number title text departments { name } } }',
  departments: '{ departments { name tasks { title } } }',
  datasets: '{ datasets { title licence updated } }',
  servicePoint: `{ servicePoint(id: "ip-service-410184101") { ${SP} } }`,
  auditLog: '{ auditLog(first: 100) { edges { node { id } } } }',
}

async function measure(schema: GraphQLSchema, db: Kysely<Database>, log: (line: string) => void): Promise<BackendCosts> {
  const fields: FieldCosts = {}
  const { data } = (await execute({ schema, document: parse('{ regions { code } }'), contextValue: createContext(db, COUNTY) })) as {
    data: { regions: { code: string }[] }
  }
  const codes = data.regions.map((r) => r.code)
  // compareRegions: the coverage buffers grow with the radius squared, for every region compared.
  const xs: number[][] = []
  const ys: number[] = []
  for (const n of [1, 5, codes.length]) {
    for (const r of [0.5, 5, 15, 30, 50]) {
      const ms = await time(
        schema,
        db,
        `{ compareRegions(codes: ${JSON.stringify(codes.slice(0, n))}, coverageRadiusKm: ${r}) { coverageShare servicePointCount rank } }`,
      )
      xs.push([1, n, n * r * r])
      ys.push(ms)
      log(`compareRegions codes=${n} r=${r} km: ${ms.toFixed(1)} ms`)
    }
  }
  const [base, perCode, perCodeKm2] = fit(xs, ys)
  fields.compareRegions = { base, perCode, perCodeKm2 }
  // mapLayer: counting alone (maxFeatures: 0), then the whole layer, priced per vertex.
  const sizes = await layerSizes(db, COUNTY)
  const layers: Record<string, { base: number; perFeature: number; perVertex: number }> = {}
  for (const layer of ['REGIONS', 'SERVICE_POINTS', 'GI_PRODUCTS'] as const) {
    const count = await time(schema, db, `{ mapLayer(layer: ${layer}, maxFeatures: 0) }`)
    const full = await time(schema, db, `{ mapLayer(layer: ${layer}) }`)
    const { features, vertices } = sizes[layer]
    // The work beyond counting is shared between features and vertices as their numbers are.
    const extra = Math.max(0, full - count)
    layers[layer] = { base: round(count), perFeature: round(extra / 2 / Math.max(1, features)), perVertex: round(extra / 2 / Math.max(1, vertices)) }
    log(`mapLayer ${layer} (${features} features, ${vertices} vertices): count ${count.toFixed(1)} ms, full ${full.toFixed(1)} ms`)
  }
  fields.mapLayer = layers
  // Pages: a base and a price per item asked for.
  for (const [field, query, sizesAsked] of [
    ['servicePoints', (n: number) => `{ servicePoints(first: ${n}) { totalCount edges { node { ${SP} } } } }`, [1, 100, 500]],
    [
      'nearestServicePoints',
      (n: number) => `{ nearestServicePoints(lng: 113.74, lat: 34.4, limit: ${n}) { distanceMeters servicePoint { ${SP} } } }`,
      [1, 10, 50],
    ],
  ] as const) {
    const px: number[][] = []
    const py: number[] = []
    for (const n of sizesAsked) {
      const ms = await time(schema, db, query(n))
      px.push([1, n])
      py.push(ms)
      log(`${field} ${n}: ${ms.toFixed(1)} ms`)
    }
    const [b, perItem] = fit(px, py)
    fields[field] = { base: b, perItem }
  }
  for (const [field, query] of Object.entries(FLAT)) {
    const ms = await time(schema, db, query)
    fields[field] = { base: round(ms) }
    log(`${field}: ${ms.toFixed(1)} ms`)
  }
  // A root field not measured here costs what the dearest flat one does.
  return { default: Math.max(...Object.keys(FLAT).map((f) => (fields[f] as { base: number }).base)), fields, layerSizesAt: sizes }
}

async function main(): Promise<void> {
  const schema = await buildAppSchema()
  const out: Record<string, unknown> = {
    measured: {
      at: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}`,
      node: process.version,
      runs,
      command: 'npm run cost:measure',
    },
    unit: 'milliseconds of database and resolver time, shortest of the runs; fitted weights (see server/src/security/cost.ts)',
    backends: {},
  }
  const backends = out.backends as Record<string, BackendCosts>
  {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cost-measure-'))
    const database = await openDatabase({ kind: 'pglite', dataDir }, { holder: 'cost:measure' })
    try {
      await bootstrapDatabase(database.db, [XINZHENG])
      console.log('— PGlite')
      backends.pglite = await measure(schema, database.db, (l) => console.log(`  ${l}`))
    } finally {
      await database.db.destroy()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  if (!args['no-postgres']) {
    const name = `cost_measure_${process.pid}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    try {
      const database = await openDatabase({ kind: 'postgres', url: withDb(adminUrl, name), poolSize: 4 })
      try {
        await bootstrapDatabase(database.db, [XINZHENG])
        console.log(`— ${database.describe}`)
        ;(out.measured as Record<string, unknown>).postgres = database.describe
        backends.postgres = await measure(schema, database.db, (l) => console.log(`  ${l}`))
      } finally {
        await database.db.destroy()
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  }
  writeFileSync(args.out, JSON.stringify(out, null, 2) + '\n')
  console.log(`wrote ${path.relative(ROOT, args.out)}`)
}

await main()
