/** Which township-level unit a place is in, from the regions map layer (a hint for the editing UI; the server decides). */
import type { AreaGeometry, Feature, Position, RegionProps } from '../api/types.ts'

/** Whether a point is inside a ring (ray casting; a point on the edge may fall either way). */
function inRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Whether a point is inside an area: in a polygon's outer ring and in none of its holes. */
export function inArea(point: Position, geometry: AreaGeometry): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  return polygons.some(([outer, ...holes]) => inRing(point, outer) && !holes.some((hole) => inRing(point, hole)))
}

/** The township-level unit (not the county) whose boundary holds (lng, lat), or undefined. */
export function regionAt(features: Feature<AreaGeometry, RegionProps>[], lng: number, lat: number): RegionProps | undefined {
  return features.find((f) => f.properties.level !== 'COUNTY' && f.geometry && inArea([lng, lat], f.geometry))?.properties
}
