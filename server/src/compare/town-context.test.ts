import { describe, expect, it } from 'vitest'
import type { Indicator, IndicatorValue } from '../../../schema/indicator.type.ts'
import type { ComparisonRow } from './compare.repository.ts'
import { townFigureContexts, townIndicatorContexts } from './town-context.ts'

const row = (code: string, points: number, population: number | null, year: number | null, areaKm2: number | null): ComparisonRow => ({
  code,
  population,
  populationYear: year,
  populationKind: population === null ? null : 'RESIDENT',
  areaKm2,
  countsByKind: points ? { COMPREHENSIVE_SERVICE_STATION: points } : {},
  giProductCount: 0,
  coverageShare: null,
  activeCoverageShare: null,
})

describe('townFigureContexts', () => {
  const towns = [row('a', 2, 20_000, 2020, 50), row('b', 1, null, null, 25), row('c', 4, 10_000, 2020, 100)]
  const county = row('x', 10, 100_000, 2020, 200)
  const byMetric = (code: string) => Object.fromEntries(townFigureContexts(code, towns, county).map((f) => [f.metric, f]))

  it('sets each figure beside the county value, the median and the rank among towns with a value', () => {
    const a = byMetric('a')
    expect(a.servicePointCount).toMatchObject({ value: 2, countyValue: 10, median: 2, rank: 2, rankedCount: 3 })
    expect(a.servicePointsPer10k).toMatchObject({ value: 1, countyValue: 1, median: 2.5, rank: 2, rankedCount: 2, withValueCount: 2, regionCount: 3 })
    expect(a.servicePointsPer100Km2).toMatchObject({ value: 4, countyValue: 5, median: 4, rank: 1 })
  })

  it('keeps unknown figures unknown: no population, no per-capita value or rank; no county count of GI products', () => {
    const b = byMetric('b')
    expect(b.servicePointsPer10k).toMatchObject({ value: null, rank: null })
    expect(b.population).toMatchObject({ value: null, rank: null, countyValue: 100_000 })
    expect(b.giProductCount.countyValue).toBeNull()
    expect(b.coverageShare).toMatchObject({ value: null, median: null, rankedCount: 0 })
  })

  it('gives nothing for a region that is not one of the towns', () => {
    expect(townFigureContexts('x', towns, county)).toEqual([])
  })
})

describe('townIndicatorContexts', () => {
  const indicator = { code: 'patents', countyCode: 'x' } as Indicator
  const other = { code: 'other', countyCode: 'x' } as Indicator
  const actual = (regionCode: string, year: number, value: number): IndicatorValue =>
    ({ indicatorCode: 'patents', countyCode: 'x', regionCode, year, value, kind: 'ACTUAL', status: 'FINAL' }) as IndicatorValue
  const values = [actual('a', 2024, 5), actual('a', 2025, 12), actual('b', 2025, 30), actual('c', 2025, 12), actual('c', 2024, 99), actual('x', 2025, 300)]

  it("uses the town's latest year: the county's actual of that year, the median and rank of the towns with one", () => {
    const [c] = townIndicatorContexts('a', ['a', 'b', 'c', 'd'], [indicator, other], (i) => (i === indicator ? values : []))
    expect(c).toMatchObject({
      indicatorCode: 'patents',
      year: 2025,
      value: 12,
      status: 'FINAL',
      countyValue: 300,
      median: 12,
      rank: 2,
      rankedCount: 3,
      regionCount: 4,
    })
  })

  it('lists only indicators the town has an actual of, and says unknown for a county without one', () => {
    const list = townIndicatorContexts('b', ['a', 'b'], [indicator, other], (i) => (i === indicator ? values.filter((v) => v.regionCode !== 'x') : []))
    expect(list.map((c) => c.indicatorCode)).toEqual(['patents'])
    expect(list[0]).toMatchObject({ countyValue: null, rank: 1, rankedCount: 2 })
  })
})
