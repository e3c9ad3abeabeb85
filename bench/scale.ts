/**
 * `npm run bench:scale -- --points 1000000`: builds a clearly synthetic dataset (counties 合成县 with
 * codes 99xxxx, towns on a grid around real-looking seats, points spread by a seeded random
 * generator) in a database of its own on PostgreSQL, serves it with the platform, and measures p50/p95
 * of a viewport bbox query at zoom 12, nearest-10, points-in-region and a vector tile, one request at
 * a time. Writes a Markdown report (--out, default BENCHMARKS-scale.md; BENCHMARKS.md links it).
 */
import 'reflect-metadata'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'
import pg from 'pg'
import { pino } from 'pino'
import { startApp } from '../server/src/app.ts'
import { ROOT } from '../server/src/config.ts'
import { bootstrapDatabase } from '../db/bootstrap.ts'
import { openDatabase } from '../db/connect.ts'

const { values: args } = parseArgs({
  options: {
    points: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '200' },
    seed: { type: 'string', default: '0.42' },
    out: { type: 'string', default: path.join(ROOT, 'BENCHMARKS-scale.md') },
  },
})
const points = Number(args.points)
const samples = Number(args.samples)
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const withDb = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString()

/** A seeded generator (mulberry32) for the sample requests. */
function rng(seed: number) {
  let a = Math.floor(seed * 2 ** 32)
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COUNTIES = 40 // on a 8 × 5 grid of 0.5° squares from 112°E, 32°N; each has 5 × 5 towns of 0.1°

async function seed(url: string): Promise<void> {
  const { db } = await openDatabase({ kind: 'postgres', url })
  await bootstrapDatabase(db, []) // migrations only
  await db.destroy()
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await c.query('begin')
    await c.query(`
      insert into dataset (id, county_code, title, descriptor, content_hash, loaded_from)
      select 'synthetic-' || (990000 + i), (990000 + i)::text, '合成县 ' || i || ' (synthetic benchmark data)', '{}', 'synthetic', 'bench/scale.ts'
        from generate_series(1, ${COUNTIES}) i`)
    await c.query(`
      insert into region (code, county_code, level, name_zh, name_en, in_county_statistics, boundary, boundary_quality, seat, seat_quality, source)
      select (990000 + i)::text, (990000 + i)::text, 'COUNTY', '合成县 ' || i, 'Synthetic County ' || i, true,
             st_multi(st_makeenvelope(112 + ((i - 1) % 8) * 0.5, 32 + ((i - 1) / 8) * 0.5, 112.5 + ((i - 1) % 8) * 0.5, 32.5 + ((i - 1) / 8) * 0.5, 4326)),
             'APPROXIMATE', st_setsrid(st_makepoint(112.25 + ((i - 1) % 8) * 0.5, 32.25 + ((i - 1) / 8) * 0.5), 4326), 'APPROXIMATE', 'synthetic'
        from generate_series(1, ${COUNTIES}) i`)
    await c.query(`
      insert into region (code, county_code, parent_code, level, name_zh, name_en, in_county_statistics, boundary, boundary_quality, source)
      select (990000 + i)::text || lpad((100 + j)::text, 3, '0'), (990000 + i)::text, (990000 + i)::text, 'TOWN', '合成镇 ' || i || '-' || j, 'Synthetic Town ' || i || '-' || j, true,
             st_multi(st_makeenvelope(112 + ((i - 1) % 8) * 0.5 + (j % 5) * 0.1, 32 + ((i - 1) / 8) * 0.5 + (j / 5) * 0.1,
                                      112.1 + ((i - 1) % 8) * 0.5 + (j % 5) * 0.1, 32.1 + ((i - 1) / 8) * 0.5 + (j / 5) * 0.1, 4326)),
             'APPROXIMATE', 'synthetic'
        from generate_series(1, ${COUNTIES}) i, generate_series(0, 24) j`)
    await c.query(`select setseed(${Number(args.seed)})`)
    // Points cluster around each county's centre (a sum of uniforms is roughly normal), clipped to the county square.
    await c.query(`
      insert into service_point (id, county_code, name_zh, name_en, kind, status, location, location_quality, source)
      select 'synthetic-' || n, (990000 + i)::text, '合成站点 ' || n, 'Synthetic point ' || n,
             (array['IP_SERVICE_STATION', 'RIGHTS_PROTECTION_STATION', 'UNIVERSITY', 'RESEARCH_CENTER'])[1 + (n % 4)],
             case when n % 3 = 0 then 'PLANNED' else 'ACTIVE' end,
             st_setsrid(st_makepoint(
               112.25 + ((i - 1) % 8) * 0.5 + greatest(-0.2499, least(0.2499, (random() + random() + random() - 1.5) * 0.16)),
               32.25 + ((i - 1) / 8) * 0.5 + greatest(-0.2499, least(0.2499, (random() + random() + random() - 1.5) * 0.16))), 4326),
             'SURVEYED', 'synthetic'
        from (select n, 1 + (n % ${COUNTIES}) as i from generate_series(1, ${points}) n) s`)
    await c.query(`update service_point p set region_code = r.code from region r
                    where r.level = 'TOWN' and r.county_code = p.county_code and st_covers(r.boundary, p.location)`)
    await c.query('commit')
    // The bulk update above leaves every row twice; then order the table by location, as the README asks operators
    // to after a bulk import: a viewport's or a tile's points share a few pages
    // instead of lying one per page across the table.
    await c.query('cluster service_point using service_point_location_gist')
    await c.query('vacuum analyze')
  } finally {
    await c.end()
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function main(): Promise<void> {
  const dbName = `ip_scale_${process.pid}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${dbName}`)
  const url = withDb(adminUrl, dbName)
  const t0 = Date.now()
  const rows: string[] = []
  try {
    await seed(url)
    const seedSeconds = (Date.now() - t0) / 1000
    const app = await startApp(
      {
        host: '127.0.0.1',
        port: 0,
        database: { kind: 'postgres', url },
        packages: [],
        defaultCounty: '990001',
        webRoot: path.join(ROOT, 'web/dist'),
        logLevel: 'silent',
        cacheMaxAgeSeconds: 0,
        rateLimit: { perMinute: 0, burst: 0, trustedProxies: 0 },
      },
      { logger: pino({ level: 'silent' }) },
    )
    await app.ready
    try {
      const random = rng(Number(args.seed))
      const counties = Array.from({ length: COUNTIES }, (_, i) => 990001 + i)
      const post = async (query: string, variables: object) => {
        const res = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        })
        const body = (await res.json()) as any
        if (body.errors) throw new Error(JSON.stringify(body.errors))
        return body.data
      }
      const measure = async (name: string, run: (i: number) => Promise<number>, count = samples) => {
        const times: number[] = []
        let items = 0
        for (let i = 0; i < count; i++) {
          const t = performance.now()
          items += await run(i)
          times.push(performance.now() - t)
        }
        times.sort((a, b) => a - b)
        rows.push(`| ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${(items / count).toFixed(0)} |`)
        console.error(`done: ${name}`)
      }
      const somewhere = () => {
        const county = counties[Math.floor(random() * counties.length)]
        const i = county - 990001
        return { county: String(county), lng: 112.25 + (i % 8) * 0.5 + (random() - 0.5) * 0.3, lat: 32.25 + Math.floor(i / 8) * 0.5 + (random() - 0.5) * 0.3 }
      }
      // A zoom-12 viewport (1280 × 800 px) is about 0.22° × 0.11° here.
      await measure('bbox (zoom-12 viewport, first 500 and totalCount)', async () => {
        const p = somewhere()
        const d = await post(
          `query ($b: BBoxInput!, $c: ID) { servicePoints(bbox: $b, county: $c, first: 500) { totalCount edges { node { id kind status location } } } }`,
          { c: p.county, b: { minLng: p.lng - 0.11, maxLng: p.lng + 0.11, minLat: p.lat - 0.055, maxLat: p.lat + 0.055 } },
        )
        return d.servicePoints.edges.length
      })
      await measure('nearest-10', async () => {
        const p = somewhere()
        const d = await post(
          `query ($lng: Float!, $lat: Float!, $c: ID) { nearestServicePoints(lng: $lng, lat: $lat, limit: 10, county: $c) { distanceMeters servicePoint { id } } }`,
          { lng: p.lng, lat: p.lat, c: p.county },
        )
        return d.nearestServicePoints.length
      })
      await measure('points-in-region (a town, first 500 and totalCount)', async () => {
        const p = somewhere()
        const town = `${p.county}${String(100 + Math.floor(random() * 25)).padStart(3, '0')}`
        const d = await post(`query ($r: ID, $c: ID) { servicePoints(region: $r, county: $c, first: 500) { totalCount edges { node { id } } } }`, {
          r: town,
          c: p.county,
        })
        return d.servicePoints.edges.length
      })
      await measure('tile (service points, zoom 12, a random place each time)', async (i) => {
        const p = somewhere()
        const n = 2 ** 12
        const x = Math.floor(((p.lng + 180) / 360) * n)
        const r = (p.lat * Math.PI) / 180
        const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
        const res = await fetch(`${app.url}/tiles/service-points/12/${x}/${y}.pbf?county=${p.county}&s=${i}`)
        if (res.status !== 200) throw new Error(`tile: ${res.status}`)
        return (await res.arrayBuffer()).byteLength > 0 ? 1 : 0
      })
      // Zoomed out, a tile holds a whole county's points, clustered on the server (8 × 8 cells a tile).
      // Each county's tile at its centre, once (a second request would come from the tile cache).
      await measure(
        "tile, zoom 8, clustered (each county's tile once, uncached; items: features)",
        async (i) => {
          const county = counties[i]
          const k = county - 990001
          const [lng, lat] = [112.25 + (k % 8) * 0.5, 32.25 + Math.floor(k / 8) * 0.5]
          const n = 2 ** 8
          const x = Math.floor(((lng + 180) / 360) * n)
          const r = (lat * Math.PI) / 180
          const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
          const res = await fetch(`${app.url}/tiles/service-points/8/${x}/${y}.pbf?county=${county}`)
          if (res.status !== 200) throw new Error(`tile: ${res.status}`)
          const layer = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer()))).layers['service-points']
          return layer?.length ?? 0
        },
        counties.length,
      )
      const header = [
        '# Scale benchmark',
        '',
        `\`npm run bench:scale -- --points ${points}\` on ${new Date().toISOString().slice(0, 10)}: ${points.toLocaleString('en')} synthetic points in ${COUNTIES} synthetic counties (${COUNTIES * 25} towns), seeded in ${seedSeconds.toFixed(0)} s on PostgreSQL; ${samples} sequential requests per case through the HTTP API (GraphQL POST, which is never cached; tiles by GET at random places).`,
        '',
        '| case | p50 ms | p95 ms | items per answer |',
        '|---|---:|---:|---:|',
      ]
      rows.unshift(...header)
    } finally {
      await app.close()
    }
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`)
    await admin.end()
  }
  const report = rows.join('\n') + '\n'
  console.log(report)
  writeFileSync(args.out, report)
}

await main()
