import { describe, expect, it } from 'vitest'
import type { Indicator, IndicatorValue } from '../../../schema/indicator.type.ts'
import { isAdditive, reportingMatrix } from './reporting-matrix.ts'

const indicator = (code: string, unit: string, nameZh = code, nameEn = code) => ({ code, unit, nameZh, nameEn, countyCode: 'x' }) as Indicator
const value = (regionCode: string, year: number, kind: string, status: string | null = null) =>
  ({ regionCode, year, kind, status, value: 1, countyCode: 'x' }) as IndicatorValue

describe('isAdditive', () => {
  it('takes counts and amounts, not percentages or figures per 10 000 people', () => {
    expect(isAdditive(indicator('a', '件'))).toBe(true)
    expect(isAdditive(indicator('b', '元'))).toBe(true)
    expect(isAdditive(indicator('c', '%'))).toBe(false)
    expect(isAdditive(indicator('d', '件', '每万人口高价值发明专利拥有量', 'High-value invention patents per 10 000 people'))).toBe(false)
  })
})

describe('reportingMatrix', () => {
  const patents = indicator('patents', '件')
  const rate = indicator('rate', '%')
  const ratio = indicator('ratio', '%')
  const values: Record<string, IndicatorValue[]> = {
    patents: [value('x', 2023, 'BASELINE'), value('x', 2026, 'TARGET'), value('t1', 2025, 'ACTUAL', 'FINAL'), value('t1', 2024, 'ACTUAL', 'PROVISIONAL')],
    rate: [value('x', 2025, 'MILESTONE')],
    ratio: [value('t2', 2027, 'ACTUAL', null), value('x', 2027, 'ACTUAL', 'FINAL')],
  }
  const matrix = reportingMatrix([patents, rate, ratio], (i) => values[i.code], ['t1', 't2'])

  it('gives one cell per town with the years reported and their status, ascending; an empty cell when none', () => {
    expect(matrix.rows[0]).toMatchObject({ additive: true, hasTownValues: true })
    expect(matrix.rows[0].cells).toEqual([
      {
        regionCode: 't1',
        reports: [
          { year: 2024, status: 'PROVISIONAL' },
          { year: 2025, status: 'FINAL' },
        ],
      },
      { regionCode: 't2', reports: [] },
    ])
  })

  it('leaves out a rate no town has reported, keeps one a town has (marked not additive)', () => {
    expect(matrix.leftOut.map((i) => i.code)).toEqual(['rate'])
    expect(matrix.rows.map((r) => [r.indicator.code, r.additive])).toEqual([
      ['patents', true],
      ['ratio', false],
    ])
  })

  it("spans the plan's years and every year a town reported (not the county's own actuals)", () => {
    expect(matrix.years).toEqual([2023, 2024, 2025, 2026, 2027])
  })
})
