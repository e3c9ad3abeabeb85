import { describe, expect, it } from 'vitest'
import type { AreaGeometry, FeatureCollection, RegionFigures, RegionProps } from '../api/types.ts'
import { drawnRegions, stackCoincident } from './region-features.ts'

const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
}
const region = (code: string, over: Partial<RegionProps> = {}) => ({
  type: 'Feature' as const,
  id: code,
  geometry: square,
  properties: {
    code,
    nameZh: '龙湖街道',
    nameEn: 'Longhu Subdistrict',
    level: 'SUBDISTRICT',
    inCountyStatistics: true,
    administeredByZh: null,
    administeredByEn: null,
    boundaryQuality: 'APPROXIMATE',
    population: null,
    populationYear: null,
    areaKm2: 110.9,
    servicePointCount: 3,
    giProductCount: 0,
    seat: { type: 'Point', coordinates: [0.5, 0.5] },
    ...over,
  } satisfies RegionProps,
})
const regions: FeatureCollection<AreaGeometry, RegionProps> = {
  type: 'FeatureCollection',
  features: [
    region('410184109'),
    region('410173202', {
      inCountyStatistics: false,
      administeredByZh: '郑州航空港区',
      administeredByEn: 'Zhengzhou Airport Economy Zone',
      servicePointCount: 0,
    }),
  ],
}
const figures = new Map<string, RegionFigures>([
  [
    '410184109',
    {
      code: '410184109',
      population: null,
      populationYear: null,
      areaKm2: 110.9,
      servicePointCount: 3,
      servicePointsPer10k: null,
      coverageShare: 0.64,
      giProductCount: 0,
    },
  ],
])

describe('drawnRegions', () => {
  it('marks a rate without population as "no data", with no value (so it is never drawn as 0)', () => {
    const [longhu] = drawnRegions(regions, figures).features
    expect(longhu.properties).toMatchObject({
      nodata_per10k: true,
      t_per10k_zh: '无数据',
      t_per10k_en: 'no data',
      m_coverage: 0.64,
      m_servicePoints: 3,
      m_giProducts: 0,
    })
    expect(longhu.properties).not.toHaveProperty('m_per10k')
  })

  it('marks the figures from compareRegions as pending until they arrive', () => {
    const [longhu] = drawnRegions(regions, undefined).features
    expect(longhu.properties).toMatchObject({ pending_per10k: true, pending_coverage: true, t_coverage_zh: '…', m_servicePoints: 3 })
  })

  it('gives cells administered elsewhere no value, only the name of the unit that administers them', () => {
    const [, baqian] = drawnRegions(regions, figures).features
    expect(baqian.properties).toMatchObject({ t_servicePoints_zh: '郑州航空港区代管', t_servicePoints_en: '(Zhengzhou Airport Economy Zone)' })
    expect(Object.keys(baqian.properties).filter((k) => /^(m|nodata|pending)_/.test(k))).toEqual([])
    expect(baqian.properties).not.toHaveProperty('seat')
  })
})

describe('stackCoincident', () => {
  it('counts the points at the very same place and numbers them', () => {
    const pt = (id: string, coordinates: [number, number]) => ({
      type: 'Feature' as const,
      id,
      geometry: { type: 'Point' as const, coordinates },
      properties: { id },
    })
    const out = stackCoincident({ type: 'FeatureCollection', features: [pt('a', [1, 2]), pt('b', [3, 4]), pt('c', [1, 2])] })
    expect(out.features.map((f) => [f.id, f.properties.stackSize, f.properties.stackIndex])).toEqual([
      ['a', 2, 0],
      ['b', 1, 0],
      ['c', 2, 1],
    ])
  })
})
