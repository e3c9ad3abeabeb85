/** Checks on the geometries records bring: size, shape, validity, nearness to the county; and their normal form. */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { isList, member } from '../json.ts'
import type { CheckContext } from './checks.ts'
import { geometrySizeProblem } from './limits.ts'
import type { StoredRecord } from './resource.ts'

/** The field name problems with a record's geometry are reported under. */
export const GEOMETRY_KEY = 'geometry'

/**
 * Each area geometry: small enough, the right type, well formed, valid (OGC), near the county;
 * replaced by its normalised form (MultiPolygon, 6 decimals, right-hand rule) so that comparisons
 * are exact. `report(index, message)` names the record by its index in `planned`.
 */
export async function checkGeometries(
  db: Kysely<Database>,
  planned: { geometry: object | null | undefined; merged: StoredRecord }[],
  ctx: CheckContext,
  report: (index: number, message: string) => void,
): Promise<void> {
  for (const [index, { geometry, merged }] of planned.entries()) {
    if (!geometry) continue
    const problem = geometrySizeProblem(geometry) ?? polygonShapeProblem(geometry)
    if (problem) {
      report(index, problem)
      continue
    }
    const { rows } = await sql<{ valid: boolean; reason: string; empty: boolean; xmin: number; ymin: number; xmax: number; ymax: number; normalized: object }>`
      select st_isvalid(g) as valid, st_isvalidreason(g) as reason, st_isempty(g) as empty,
             st_xmin(g) as xmin, st_ymin(g) as ymin, st_xmax(g) as xmax, st_ymax(g) as ymax,
             st_asgeojson(st_forcepolygonccw(st_multi(g)), 6)::json as normalized
        from (select st_setsrid(st_geomfromgeojson(${JSON.stringify(geometry)}), 4326) as g) s`.execute(db)
    const g = rows[0]
    if (g.empty) report(index, 'the geometry is empty')
    else if (!g.valid) report(index, `the geometry is not valid: ${g.reason}`)
    const n = ctx.neighbourhood
    if (n && !(g.xmin >= n[0] && g.xmax <= n[2] && g.ymin >= n[1] && g.ymax <= n[3])) {
      report(
        index,
        `the geometry (lng ${g.xmin.toFixed(3)}..${g.xmax.toFixed(3)}, lat ${g.ymin.toFixed(3)}..${g.ymax.toFixed(3)}) is not near the county; is it in another coordinate system?`,
      )
    }
    merged.geometry = g.normalized
  }
}

/** Why a GeoJSON object is not a well-formed Polygon or MultiPolygon, or undefined when it is. */
export function polygonShapeProblem(geometry: unknown): string | undefined {
  const type = member(geometry, 'type')
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a JSON value of any type, as String() shows it (as it always was)
  if (type !== 'Polygon' && type !== 'MultiPolygon') return `the geometry must be a Polygon or MultiPolygon, not ${String(type ?? typeof geometry)}`
  const coordinates = member(geometry, 'coordinates')
  const polygons = type === 'Polygon' ? [coordinates] : coordinates
  if (!isList(polygons) || !polygons.length) return 'the geometry has no coordinates'
  for (const [p, rings] of polygons.entries()) {
    if (!isList(rings) || !rings.length) return `polygon ${p + 1} has no rings`
    for (const [r, ring] of rings.entries()) {
      const where = `${type === 'MultiPolygon' ? `polygon ${p + 1}, ` : ''}ring ${r + 1}`
      if (!isList(ring) || ring.length < 4) return `${where} has fewer than 4 positions`
      if (!ring.every(isPosition)) return `${where} has a position that is not [longitude, latitude]`
      const [first, last] = [ring[0], ring[ring.length - 1]]
      if (first[0] !== last[0] || first[1] !== last[1]) return `${where} is not closed (its last position must repeat its first)`
    }
  }
  return undefined
}

/** A position: at least two finite numbers. */
function isPosition(pos: unknown): pos is number[] {
  return isList(pos) && pos.length >= 2 && pos.every((c) => typeof c === 'number' && Number.isFinite(c))
}
