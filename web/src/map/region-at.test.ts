import { describe, expect, it } from 'vitest'
import type { AreaGeometry, Feature, RegionProps } from '../api/types.ts'
import { inArea, regionAt } from './region-at.ts'

const square = (x: number, y: number, half: number) => [
  [
    [x - half, y - half],
    [x + half, y - half],
    [x + half, y + half],
    [x - half, y + half],
    [x - half, y - half],
  ] as [number, number][],
]
const region = (code: string, level: RegionProps['level'], geometry: AreaGeometry) =>
  ({ type: 'Feature', id: code, geometry, properties: { code, level } as RegionProps }) as Feature<AreaGeometry, RegionProps>

describe('regionAt', () => {
  const holed: AreaGeometry = { type: 'Polygon', coordinates: [square(0, 0, 2)[0], square(0, 0, 0.5)[0]] }
  it('finds the town holding a point, never the county', () => {
    const features = [
      region('410184', 'COUNTY', { type: 'Polygon', coordinates: square(0, 0, 10) }),
      region('410184101', 'TOWN', { type: 'MultiPolygon', coordinates: [square(3, 3, 1)] }),
    ]
    expect(regionAt(features, 3.2, 2.9)?.code).toBe('410184101')
    expect(regionAt(features, 0, 0)).toBeUndefined()
  })
  it('leaves out holes', () => {
    expect(inArea([1.5, 0], holed)).toBe(true)
    expect(inArea([0, 0], holed)).toBe(false)
  })
})
