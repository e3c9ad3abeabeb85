import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { AreaGeometry } from '../api/types.ts'
import { bboxOf, touchingNeighbours } from './geometry.ts'

const square = (x: number, y: number, size = 1): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
})

describe('touchingNeighbours', () => {
  it('pairs cells that share an edge or a corner, not cells apart', () => {
    const n = touchingNeighbours([
      { id: 'a', geometry: square(0, 0) },
      { id: 'b', geometry: square(1, 0) },
      { id: 'c', geometry: square(2, 1) }, // touches b at a corner
      { id: 'd', geometry: square(5, 5) },
    ])
    expect(Object.fromEntries(n)).toEqual({ a: ['b'], b: ['a', 'c'], c: ['b'], d: [] })
  })

  it('finds a neighbour whose vertex lies on the middle of an edge', () => {
    const n = touchingNeighbours([
      { id: 'big', geometry: square(0, 0, 2) },
      { id: 'small', geometry: square(2, 0.5, 1) },
    ])
    expect(n.get('big')).toEqual(['small'])
  })

  it('is symmetric on the Xinzheng cells, and every cell has a neighbour', () => {
    const file = JSON.parse(readFileSync(new URL('../../../db/data/xinzheng/boundaries.geojson', import.meta.url), 'utf8'))
    const cells = file.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'TOWNSHIP_CELL')
    const n = touchingNeighbours(cells.map((f: { properties: { code: string }; geometry: AreaGeometry }) => ({ id: f.properties.code, geometry: f.geometry })))
    for (const [id, list] of n) {
      expect(list.length).toBeGreaterThan(0)
      for (const other of list) expect(n.get(other)).toContain(id)
    }
    // 龙湖 borders 孟庄 and 郭店; the two 航空港区 cells border each other.
    expect(n.get('410184109')).toEqual(['410184107', '410184108'])
    expect(n.get('410173202')).toContain('410173203')
  })
})

describe('bboxOf', () => {
  it('spans every outer ring', () => {
    expect(bboxOf([square(0, 0), { type: 'MultiPolygon', coordinates: [square(3, -1).coordinates as never] }])).toEqual([0, -1, 4, 1])
    expect(bboxOf([])).toBeUndefined()
  })
})
