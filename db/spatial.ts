/** Typed helpers around PostGIS functions, for use inside Kysely queries. */
import { sql, type RawBuilder } from 'kysely'

/**
 * A geometry column as a GeoJSON object (parsed JSON), WGS84, at most 6 decimals,
 * polygon rings wound by the RFC 7946 right-hand rule (exterior counter-clockwise).
 */
export function asGeoJson(column: string, simplifyDegrees?: number): RawBuilder<object | null> {
  // Simplification may return a Polygon for a one-part MultiPolygon: keep the column's type.
  const geometry = simplifyDegrees
    ? sql`st_multi(st_simplifypreservetopology(${sql.ref(column)}, ${simplifyDegrees}::float8))`
    : sql.ref(column)
  return sql<object | null>`st_asgeojson(st_forcepolygonccw(${geometry}), 6)::json`
}

/** Metres on the ground to degrees, for display-only simplification (1° of latitude ≈ 111 320 m). */
export function metresToDegrees(metres: number): number {
  return metres / 111_320
}
