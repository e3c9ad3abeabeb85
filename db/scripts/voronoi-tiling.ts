/**
 * A schematic map of a county's township-level units: the county outline tiled by the Voronoi cells
 * around one seat point per unit, built and verified with PostGIS in-process (PGlite + postgis).
 * The county's own script (db/data/<county>/scripts/build-boundaries.ts) reads the outline and the
 * seats, checks them, and writes the file with its metadata; this module does the geometry.
 *
 * How the cells are built (deterministic: the same input gives the same coordinates):
 * 1. The outline is snapped to the grid and made valid; tiny loop parts are dropped.
 * 2. Voronoi polygons around the seats.
 * 3. The Voronoi edges are clipped to the outline and noded together with the outline's boundary on
 *    the grid (snap-rounding), then polygonized. Each face goes to the seat whose Voronoi cell covers
 *    most of it; small detached fragments go to the neighbour sharing the longest edge; the faces of
 *    one seat are unioned. Neighbours therefore share exactly the same edge vertices: the cells tile
 *    the outline without gaps, overlaps or slivers, and every vertex lies on the grid.
 * 4. Geometries are MultiPolygons, exterior rings counter-clockwise (RFC 7946).
 */
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'

export type Position = [number, number]
export type Ring = Position[]

export interface Seat {
  code: string
  nameZh: string
  lng: number
  lat: number
}

export interface TilingOptions {
  /** Code of the outline's own feature (the county). */
  outlineCode: string
  /** Output precision, degrees (0.000001 = 6 decimals). */
  grid: number
  /** Parts of the made-valid outline smaller than this are quantisation loops and dropped. */
  minOutlinePartKm2: number
  /** Detached parts of a cell smaller than this (without its seat) go to the neighbour they share an edge with. */
  maxFragmentKm2: number
}

export interface Tiling {
  /** The outline first, then the cells by code (numeric order of the codes), as GeoJSON text at the grid's precision. */
  geometries: { code: string; geojson: string }[]
  /** Whether the outline snapped to the grid was valid before ST_MakeValid. */
  snappedSourceValid: boolean
  droppedParts: { n: number; area_m2: number | null }
  voronoiMatched: { n: number; distinct_codes: number }
  seatsOutside: string[]
  faceCount: number
  moves: { from_code: string; to_code: string; area_m2: number }[]
}

export interface WrittenFeature {
  code: string
  geometry: unknown
}

export interface Verification {
  perFeature: { code: string; valid: boolean; ccw: boolean; parts: number; area_km2: number; seat_inside: boolean | null }[]
  totals: { outline_km2: number; source_outline_km2: number; union_diff_pct: number; union_vs_clean_pct: number; outline_vs_source_pct: number }
  overlap: { max_m2: number | null; pair: string | null }
}

/** An in-process PostGIS for `work`, closed afterwards. */
export async function withPostgis<T>(work: (pg: PGlite) => Promise<T>): Promise<T> {
  const pg = await PGlite.create({ extensions: { postgis } })
  try {
    await pg.exec('CREATE EXTENSION IF NOT EXISTS postgis')
    return await work(pg)
  } finally {
    await pg.close()
  }
}

/** Tiles the outline (WGS84 rings of one Polygon) by the seats' Voronoi cells; leaves its tables in `pg` for {@link verifyTiling}. */
export async function tileOutline(pg: PGlite, outlineRings: Ring[], seats: Seat[], options: TilingOptions): Promise<Tiling> {
  const { grid: GRID, outlineCode: COUNTY_CODE, minOutlinePartKm2: MIN_OUTLINE_PART_KM2, maxFragmentKm2: MAX_FRAGMENT_KM2 } = options
  await pg.exec(`
    CREATE TABLE seat (code text PRIMARY KEY, name_zh text NOT NULL, geom geometry(Point, 4326) NOT NULL);
    CREATE TABLE outline_src (geom geometry NOT NULL);
  `)
  for (const s of seats) {
    await pg.query('INSERT INTO seat VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326))', [s.code, s.nameZh, s.lng, s.lat])
  }
  await pg.query('INSERT INTO outline_src VALUES (ST_SetSRID(ST_GeomFromGeoJSON($1), 4326))', [JSON.stringify({ type: 'Polygon', coordinates: outlineRings })])

  // 1. Outline on the grid, valid. ST_ReducePrecision snap-rounds and keeps it valid.
  const srcValid = (await pg.query<{ snapped_valid: boolean }>(`SELECT ST_IsValid(ST_SnapToGrid(geom, ${GRID})) AS snapped_valid FROM outline_src`)).rows[0]
    .snapped_valid
  await pg.exec(`
    CREATE TABLE outline_valid AS
    SELECT ST_CollectionExtract(
             ST_ReducePrecision(ST_MakeValid(ST_SnapToGrid(geom, ${GRID})), ${GRID}), 3) AS geom
    FROM outline_src;
    CREATE TABLE outline_part AS
    SELECT (ST_Dump(geom)).geom AS geom FROM outline_valid;
  `)
  // A quantised source ring may double back on itself; ST_MakeValid turns those loops into tiny
  // separate triangles touching the outline at one point. Drop them.
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
    await pg.query<{ n: number; distinct_codes: number }>('SELECT count(*)::int AS n, count(DISTINCT code)::int AS distinct_codes FROM voronoi_cell')
  ).rows[0]
  const seatsOutside = (await pg.query<{ code: string }>('SELECT s.code FROM seat s, outline o WHERE NOT ST_Covers(o.geom, s.geom) ORDER BY s.code')).rows.map(
    (r) => r.code,
  )

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
  // Where a wiggly outline crosses a Voronoi edge, a cell gets small detached fragments on the far
  // side. A fragment without the seat and below MAX_FRAGMENT_KM2 goes to the neighbouring cell with
  // which it shares the longest edge.
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
  const decimals = Math.round(-Math.log10(GRID))
  const geometries = (
    await pg.query<{ code: string; geojson: string }>(
      // The county outline first, then the cells by code (numeric order of the codes).
      `SELECT code, ST_AsGeoJSON(geom, ${decimals}) AS geojson FROM result ORDER BY length(code), code`,
    )
  ).rows
  return { geometries, snappedSourceValid: srcValid, droppedParts, voronoiMatched: matched, seatsOutside, faceCount, moves }
}

/** Reads the written geometries back into PostGIS (after {@link tileOutline} in the same `pg`) and measures them. */
export async function verifyTiling(pg: PGlite, features: WrittenFeature[], outlineCode: string): Promise<Verification> {
  await pg.exec('CREATE TABLE written (code text PRIMARY KEY, geom geometry NOT NULL)')
  for (const f of features) {
    await pg.query('INSERT INTO written VALUES ($1, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))', [f.code, JSON.stringify(f.geometry)])
  }

  const perFeature = (
    await pg.query<Verification['perFeature'][number]>(
      `SELECT w.code, ST_IsValid(w.geom) AS valid, ST_IsPolygonCCW(w.geom) AS ccw,
              ST_NumGeometries(w.geom) AS parts, ST_Area(w.geom::geography) / 1e6 AS area_km2,
              ST_Covers(w.geom, s.geom) AS seat_inside
       FROM written w LEFT JOIN seat s USING (code) ORDER BY w.code`,
    )
  ).rows

  const totals = (
    await pg.query<Verification['totals']>(
      `WITH cells AS (SELECT ST_UnaryUnion(ST_Collect(geom ORDER BY code)) AS geom FROM written WHERE code <> $1),
            county AS (SELECT geom FROM written WHERE code = $1)
       SELECT ST_Area(county.geom::geography) / 1e6 AS outline_km2,
              ST_Area(src.geom::geography) / 1e6 AS source_outline_km2,
              100 * ST_Area(ST_SymDifference(cells.geom, county.geom)::geography) / ST_Area(county.geom::geography) AS union_diff_pct,
              100 * ST_Area(ST_SymDifference(cells.geom, clean.geom)::geography) / ST_Area(clean.geom::geography) AS union_vs_clean_pct,
              100 * ST_Area(ST_SymDifference(county.geom, src.geom)::geography) / ST_Area(src.geom::geography) AS outline_vs_source_pct
       FROM cells, county, outline clean, outline_valid src`,
      [outlineCode],
    )
  ).rows[0]

  const overlap = (
    await pg.query<Verification['overlap']>(
      `SELECT ST_Area(ST_Intersection(a.geom, b.geom)::geography) AS max_m2, a.code || '/' || b.code AS pair
       FROM written a JOIN written b ON a.code < b.code AND ST_Intersects(a.geom, b.geom)
       WHERE a.code <> $1 AND b.code <> $1
       ORDER BY 1 DESC, 2 LIMIT 1`,
      [outlineCode],
    )
  ).rows[0] ?? { max_m2: 0, pair: null }
  return { perFeature, totals, overlap }
}
