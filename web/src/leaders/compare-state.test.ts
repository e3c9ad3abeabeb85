import { describe, expect, it } from 'vitest'
import { DEFAULT_COMPARE, formatCompareQuery, parseCompareQuery, sortRows } from './compare-state.ts'

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
