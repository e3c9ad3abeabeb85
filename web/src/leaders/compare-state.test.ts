import { describe, expect, it } from 'vitest'
import {
  comparablePopulationGroup,
  DEFAULT_COMPARE,
  formatCompareQuery,
  median,
  metricContext,
  parseCompareQuery,
  rankDescending,
  sortRows,
  type ContextInput,
} from './compare-state.ts'

describe('compare state in the address', () => {
  it('round-trips', () => {
    const state = { codes: ['410184001', '410184109'], metric: 'coverageShare' as const, radius: 3, sort: 'population' as const, dir: 'desc' as const }
    expect(parseCompareQuery(formatCompareQuery(state))).toEqual(state)
    expect(formatCompareQuery(DEFAULT_COMPARE)).toBe('')
  })
  it('falls back to defaults on nonsense', () => {
    expect(parseCompareQuery('codes=x&metric=evil&radius=99&sort=nope')).toEqual({ ...DEFAULT_COMPARE, codes: [] })
  })
})

describe('sortRows', () => {
  it('keeps unknown values last in both directions', () => {
    const rows = [{ v: 2 }, { v: null }, { v: 5 }]
    expect(sortRows(rows, (r) => r.v, 'asc').map((r) => r.v)).toEqual([2, 5, null])
    expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.v)).toEqual([5, 2, null])
  })
})

describe('the comparison in context', () => {
  const town = (code: string, value: number | null, populationYear: number | null = null, populationKind: string | null = null): ContextInput => ({
    code,
    value,
    populationYear,
    populationKind,
  })

  it('defaults to a metric every town has', () => {
    expect(DEFAULT_COMPARE.metric).toBe('servicePointsPer100Km2')
  })

  it('takes the median of an odd and an even count, null for none', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })

  it('ranks highest first, equal values sharing a rank', () => {
    expect([
      ...rankDescending([
        { code: 'a', value: 1 },
        { code: 'b', value: 5 },
        { code: 'c', value: 5 },
        { code: 'd', value: 0 },
      ]),
    ]).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
      ['d', 4],
    ])
  })

  it('counts the towns with a value, ranks only them, and warns when fewer than half have one', () => {
    const rows = [town('a', 0.5), town('b', null), town('c', 0.1), town('d', null), town('e', null)]
    const c = metricContext(rows, false)
    expect(c).toMatchObject({ total: 5, withValue: 2, ranked: 2, fewHaveValue: true, median: 0.3, group: null })
    expect(c.mean).toBeCloseTo(0.3, 12)
    expect([...c.rank]).toEqual([
      ['a', 1],
      ['c', 2],
    ])
    expect(metricContext(rows.slice(0, 4), false).fewHaveValue).toBe(false)
    // A value of 0 is a value (unknown is null).
    expect(metricContext([town('a', 0), town('b', null)], false)).toMatchObject({ withValue: 1, fewHaveValue: false })
  })

  it('ranks per-capita figures only between populations of the same year and kind', () => {
    const rows = [
      town('a', 0.3, 2020, 'RESIDENT'),
      town('b', 0.5, 2020, 'RESIDENT'),
      town('c', 0.9, 2018, 'HOUSEHOLD_REGISTERED'),
      town('d', 0.8, 2020, 'UNSPECIFIED'),
      town('e', 0.7, 2005, 'UNSPECIFIED'),
      town('f', null),
    ]
    const c = metricContext(rows, true)
    expect(c.group).toEqual({ year: 2020, kind: 'RESIDENT', size: 2 })
    expect([...c.rank]).toEqual([
      ['b', 1],
      ['a', 2],
    ])
    expect([...c.excluded].sort()).toEqual(['c', 'd', 'e'])
    expect(c).toMatchObject({ withValue: 5, ranked: 2, median: 0.4 })
    // The same figures without the rule would rank c first.
    expect(metricContext(rows, false).rank.get('c')).toBe(1)
  })

  it('ranks no per-capita figure when no two populations share a year and a known kind', () => {
    // The seed's four populations: 2005, 2017, 2018 and 2020, unspecified or household counts.
    const rows = [
      town('a', 0.2, 2017, 'UNSPECIFIED'),
      town('b', 0.3, 2005, 'UNSPECIFIED'),
      town('c', 0.4, 2018, 'HOUSEHOLD_REGISTERED'),
      town('d', 0.8, 2020, 'UNSPECIFIED'),
    ]
    const c = metricContext(rows, true)
    expect(c).toMatchObject({ group: null, ranked: 0, withValue: 4, median: null, mean: null })
    expect(c.excluded.size).toBe(4)
    // Two unspecified counts of the same year are not known to count the same thing.
    expect(comparablePopulationGroup([town('a', 1, 2020, 'UNSPECIFIED'), town('b', 2, 2020, 'UNSPECIFIED')])).toBeNull()
  })

  it('on a tie between groups prefers the county’s year and kind, then the latest year', () => {
    const rows = [
      town('a', 1, 2018, 'HOUSEHOLD_REGISTERED'),
      town('b', 1, 2018, 'HOUSEHOLD_REGISTERED'),
      town('c', 1, 2020, 'RESIDENT'),
      town('d', 1, 2020, 'RESIDENT'),
      town('e', 1, 2010, 'RESIDENT'),
      town('f', 1, 2010, 'RESIDENT'),
    ]
    expect(comparablePopulationGroup(rows, { year: 2018, kind: 'HOUSEHOLD_REGISTERED' })).toMatchObject({ year: 2018 })
    expect(comparablePopulationGroup(rows)).toMatchObject({ year: 2020, kind: 'RESIDENT' })
    expect(comparablePopulationGroup([...rows, town('g', 1, 2010, 'RESIDENT')])).toMatchObject({ year: 2010, size: 3 })
  })
})
