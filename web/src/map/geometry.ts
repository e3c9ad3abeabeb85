/** Plain geometry on [lng, lat] coordinates: bounding boxes and which cells touch. */
import type { AreaGeometry, Position } from '../api/types.ts'

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number]

function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
}

/** Bounding box of some geometries; undefined when there are none. */
export function bboxOf(geometries: AreaGeometry[]): Bbox | undefined {
  let box: Bbox | undefined
  for (const g of geometries) {
    for (const polygon of polygonsOf(g)) {
      for (const [x, y] of polygon[0] ?? []) {
        if (!box) box = [x, y, x, y]
        else {
          if (x < box[0]) box[0] = x
          if (y < box[1]) box[1] = y
          if (x > box[2]) box[2] = x
          if (y > box[3]) box[3] = y
        }
      }
    }
  }
  return box
}

function overlaps(a: Bbox, b: Bbox, tolerance: number): boolean {
  return a[0] <= b[2] + tolerance && b[0] <= a[2] + tolerance && a[1] <= b[3] + tolerance && b[1] <= a[3] + tolerance
}

/** Squared distance from p to the segment a–b (planar, in degrees²). */
function distanceToSegment2(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const length2 = dx * dx + dy * dy
  let t = length2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2
  t = Math.max(0, Math.min(1, t))
  const x = a[0] + t * dx - p[0]
  const y = a[1] + t * dy - p[1]
  return x * x + y * y
}

function rings(geometry: AreaGeometry): Position[][] {
  return polygonsOf(geometry).flat()
}

/** Whether some vertex of `a` lies on the boundary of `b`, within `tolerance` degrees. */
function vertexOnBoundary(a: Position[][], b: Position[][], tolerance: number): boolean {
  const t2 = tolerance * tolerance
  for (const ring of a) {
    for (const p of ring) {
      for (const other of b) {
        for (let i = 1; i < other.length; i++) if (distanceToSegment2(p, other[i - 1], other[i]) <= t2) return true
      }
    }
  }
  return false
}

/**
 * For each area, the ids of the areas whose boundaries touch it (share an edge or a point),
 * ordered as given. Coordinates carry 6 decimals, so a tolerance of 1e-6° (about 0.1 m) absorbs
 * rounding where two cells meet.
 */
export function touchingNeighbours(areas: { id: string; geometry: AreaGeometry }[], tolerance = 1e-6): Map<string, string[]> {
  const prepared = areas.map((a) => ({ id: a.id, rings: rings(a.geometry), box: bboxOf([a.geometry])! }))
  const result = new Map<string, string[]>(areas.map((a) => [a.id, []]))
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const [a, b] = [prepared[i], prepared[j]]
      if (!overlaps(a.box, b.box, tolerance)) continue
      if (vertexOnBoundary(a.rings, b.rings, tolerance) || vertexOnBoundary(b.rings, a.rings, tolerance)) {
        result.get(a.id)!.push(b.id)
        result.get(b.id)!.push(a.id)
      }
    }
  }
  for (const list of result.values()) list.sort((x, y) => areas.findIndex((a) => a.id === x) - areas.findIndex((a) => a.id === y))
  return result
}
