/**
 * Coordinate systems files may come in. Chinese web maps publish GCJ-02 (AMap, Tencent) or
 * BD-09 (Baidu) coordinates, offset by a few hundred metres from WGS84; the database keeps WGS84.
 */
import gcoordModule from 'gcoord'
import { MAX_COORDINATE_DEPTH } from './limits.ts'

// gcoord's typings declare an ES default export, but its CommonJS build assigns module.exports
// directly, so under NodeNext the default import is the API object itself at run time.
const gcoord = gcoordModule as unknown as (typeof gcoordModule)['default']

export const CRS_NAMES = ['wgs84', 'gcj02', 'bd09'] as const
export type Crs = (typeof CRS_NAMES)[number]

const SOURCE = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const

/** A [lng, lat] position in `crs` converted to WGS84 (not rounded). */
export function positionToWgs84(position: [number, number], crs: Crs): [number, number] {
  if (crs === 'wgs84') return position
  const [lng, lat] = gcoord.transform<[number, number]>(position, SOURCE[crs], gcoord.WGS84)
  return [lng, lat]
}

/**
 * A copy of a GeoJSON geometry with every position converted to WGS84 and rounded to 6 decimals.
 * Recursion stops at {@link MAX_COORDINATE_DEPTH}: anything nested deeper is left as it is, for the
 * write path's checks (`geometrySizeProblem`) to refuse, so that no input can overflow the stack.
 */
export function geometryToWgs84<T extends { type: string; coordinates?: unknown }>(geometry: T, crs: Crs): T {
  const convert = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
      const [lng, lat] = positionToWgs84([value[0], value[1]], crs)
      return [round6(lng), round6(lat)]
    }
    return Array.isArray(value) && depth < MAX_COORDINATE_DEPTH ? value.map((v) => convert(v, depth + 1)) : value
  }
  return { ...geometry, coordinates: convert(geometry.coordinates, 0) }
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6
