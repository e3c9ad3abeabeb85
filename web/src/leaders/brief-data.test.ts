import { describe, expect, it } from 'vitest'
import type { RegionCollection } from '../api/types.ts'
import { median, stationContext, townCodes, type BriefStation } from './brief-data.ts'
import { boundsOf, fitProjection } from './brief-map.ts'

const station = (id: string, regionCode: string | null, status: BriefStation['status']): BriefStation => ({
  id,
  nameZh: id,
  nameEn: id,
  kind: 'IP_SERVICE_STATION',
  status,
  locationQuality: 'APPROXIMATE',
  location: null,
  address: null,
  regionCode,
})

const cell = (code: string, inCountyStatistics = true) => ({
  type: 'Feature' as const,
  id: code,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ] as [number, number][],
    ],
  },
  properties: { code, inCountyStatistics, level: 'TOWN' } as RegionCollection['features'][number]['properties'],
})

describe('the brief’s figures in context', () => {
  it('takes the median of an odd and an even number of values, and none of no values', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })

  it('counts a town’s stations beside the county’s, the towns’ median and its rank (ties share a rank, towns without stations count as 0)', () => {
    const stations = [
      station('a', 'T1', 'ACTIVE'),
      station('b', 'T1', 'PLANNED'),
      station('c', 'T2', 'ACTIVE'),
      station('d', 'T2', 'ACTIVE'),
      station('e', null, 'ACTIVE'),
    ]
    const towns = ['T1', 'T2', 'T3']
    expect(stationContext(stations, towns, 'T1', ['ACTIVE'])).toEqual({ value: 1, county: 4, median: 1, rank: 2, towns: 3 })
    expect(stationContext(stations, towns, 'T1', ['ACTIVE', 'PLANNED'])).toEqual({ value: 2, county: 5, median: 2, rank: 1, towns: 3 })
    expect(stationContext(stations, towns, 'T3', ['ACTIVE'])).toEqual({ value: 0, county: 4, median: 1, rank: 3, towns: 3 })
    // Not one of the county's towns (e.g. the county itself): no context.
    expect(stationContext(stations, towns, 'C', ['ACTIVE'])).toBeNull()
  })

  it('takes the county’s towns from the cells that count in its statistics', () => {
    const cells: RegionCollection = { type: 'FeatureCollection', features: [cell('T1'), cell('X', false), cell('T2')] }
    expect(townCodes(cells)).toEqual(['T1', 'T2'])
  })
})

describe('the brief’s schematic map', () => {
  it('fits the bounds into the box with their aspect kept (longitudes scaled by the cosine of the latitude), north up', () => {
    const bounds = boundsOf([
      [
        [113.5, 34.3],
        [113.9, 34.3],
        [113.9, 34.6],
      ],
    ])
    expect(bounds).toEqual([113.5, 34.3, 113.9, 34.6])
    const project = fitProjection(bounds!, 320, 240, 10)
    const [xw, yn] = project([113.5, 34.6])
    const [xe, ys] = project([113.9, 34.3])
    expect(yn).toBeLessThan(ys)
    const k = Math.cos((34.45 * Math.PI) / 180)
    expect((xe - xw) / (ys - yn)).toBeCloseTo((0.4 * k) / 0.3, 6)
    // It fills the box's width or height (less the padding), whichever binds first.
    expect(Math.max(xe - xw - 300, ys - yn - 220)).toBeCloseTo(0, 6)
    expect(boundsOf([])).toBeNull()
  })
})
