import { describe, expect, it } from 'vitest'
import { comparablePopulationGroup, figureInContext, median, rankDescending, townsContext, type ContextInput } from './context.ts'

const town = (code: string, value: number | null, populationYear: number | null = null, populationKind: string | null = null): ContextInput => ({
  code,
  value,
  populationYear,
  populationKind,
})

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 4])).toBe(4)
  })

  it('is the mean of the middle two of an even count', () => {
    expect(median([10, 1, 4, 3])).toBe(3.5)
  })

  it('is null without values (never 0)', () => {
    expect(median([])).toBeNull()
  })
})

describe('rankDescending', () => {
  it('ranks highest first and gives equal values the same rank, the next one skipping (1, 1, 3)', () => {
    const rank = rankDescending([
      { code: 'b', value: 5 },
      { code: 'a', value: 7 },
      { code: 'c', value: 7 },
      { code: 'd', value: 2 },
    ])
    expect(Object.fromEntries(rank)).toEqual({ a: 1, c: 1, b: 3, d: 4 })
  })
})

describe('townsContext and figureInContext', () => {
  it('ranks a town among the towns with a value: "3rd of 4 towns with data", the others unknown', () => {
    const rows = [town('1', 10), town('2', null), town('3', 30), town('4', 20), town('5', 5), town('6', null)]
    const context = townsContext(rows, false)
    expect(figureInContext(context, '4', 20, 100)).toEqual({
      value: 20,
      countyValue: 100,
      median: 15,
      rank: 2,
      rankedCount: 4,
      withValueCount: 4,
      regionCount: 6,
      excluded: false,
      comparedPopulationYear: null,
      comparedPopulationKind: null,
    })
    expect(figureInContext(context, '1', 10, 100).rank).toBe(3)
    // A town without a value has no rank; its value stays unknown.
    expect(figureInContext(context, '2', null, 100)).toMatchObject({ value: null, rank: null, rankedCount: 4, excluded: false })
  })

  it('with no values anywhere: no median, no rank, 0 of n towns with data', () => {
    const context = townsContext([town('1', null), town('2', null)], false)
    expect(figureInContext(context, '1', null, null)).toMatchObject({
      value: null,
      median: null,
      rank: null,
      rankedCount: 0,
      withValueCount: 0,
      regionCount: 2,
    })
  })

  it('shares a rank between tied towns', () => {
    const context = townsContext([town('1', 3), town('2', 3), town('3', 1)], false)
    expect([context.rank.get('1'), context.rank.get('2'), context.rank.get('3')]).toEqual([1, 1, 3])
    expect(context.median).toBe(3)
  })

  it('ranks a per-capita figure only between populations of the same year and kind; the others are shown but excluded', () => {
    const rows = [
      town('1', 0.5, 2020, 'RESIDENT'),
      town('2', 0.2, 2020, 'RESIDENT'),
      town('3', 0.9, 2005, 'HOUSEHOLD_REGISTERED'),
      town('4', 0.3, 2020, 'RESIDENT'),
      town('5', null),
    ]
    const context = townsContext(rows, true, { year: 2020, kind: 'RESIDENT' })
    expect(context.group).toEqual({ year: 2020, kind: 'RESIDENT', size: 3 })
    expect(figureInContext(context, '3', 0.9, 0.2)).toMatchObject({ rank: null, excluded: true, rankedCount: 3, withValueCount: 4, median: 0.3 })
    expect(figureInContext(context, '1', 0.5, 0.2)).toMatchObject({ rank: 1, comparedPopulationYear: 2020, comparedPopulationKind: 'RESIDENT' })
  })

  it('ranks no per-capita figure when no two towns share a population year and kind (UNSPECIFIED never matches)', () => {
    const rows = [town('1', 0.5, 2020, 'RESIDENT'), town('2', 0.2, 2018, 'RESIDENT'), town('3', 0.4, 2020, 'UNSPECIFIED'), town('4', 0.1, 2020, 'UNSPECIFIED')]
    expect(comparablePopulationGroup(rows)).toBeNull()
    const context = townsContext(rows, true)
    expect(context).toMatchObject({ rankedCount: 0, withValueCount: 4, median: null })
    expect(context.excluded.size).toBe(4)
  })
})
