/** Typed helpers around PostGIS functions, for use inside Kysely queries. */
import { sql, type RawBuilder } from 'kysely'

/**
 * A geometry column as a GeoJSON object (parsed JSON), WGS84, at most 6 decimals,
 * polygon rings wound by the RFC 7946 right-hand rule (exterior counter-clockwise).
 */
export function asGeoJson(column: string, simplifyDegrees?: number): RawBuilder<object | null> {
  const geometry = simplifyDegrees ? simplifiedPolygons(sql.ref(column), simplifyDegrees) : sql.ref(column)
  return sql<object | null>`st_asgeojson(st_forcepolygonccw(${geometry}), 6)::json`
}

/**
 * A (multi)polygon simplified for display, still a valid MultiPolygon. ST_SimplifyPreserveTopology keeps
 * each ring simple but can move a hole outside its shell at large tolerances ("Hole lies outside shell"),
 * so the result is snapped to the 6-decimal grid GeoJSON is written at, made valid, and its polygons kept
 * (ST_MakeValid may add lines or points where rings touch). Simplification may also return a Polygon for
 * a one-part MultiPolygon: ST_Multi keeps the column's type.
 */
export function simplifiedPolygons(geometry: RawBuilder<unknown>, simplifyDegrees: number): RawBuilder<unknown> {
  return sql`st_multi(st_collectionextract(st_makevalid(st_snaptogrid(st_simplifypreservetopology(${geometry}, ${simplifyDegrees}::float8), 1e-6)), 3))`
}

/** Metres on the ground to degrees, for display-only simplification (1° of latitude ≈ 111 320 m). */
export function metresToDegrees(metres: number): number {
  return metres / 111_320
}
