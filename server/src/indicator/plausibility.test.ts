import { describe, expect, it } from 'vitest'
import { plausibilityWarnings, type PlausibilityInput } from './plausibility.ts'

const pledge: PlausibilityInput['indicator'] = { unit: '元', displayUnit: '亿元', displayFactor: 1e8, accumulation: 'CUMULATIVE' }
const base: PlausibilityInput = {
  indicator: pledge,
  value: 60000000,
  year: 2024,
  baseline: { year: 2023, value: 57500000 },
  target: { year: 2026, value: 100000000 },
  actuals: [],
  planPeriod: { from: 2023, to: 2026 },
}
const codes = (input: Partial<PlausibilityInput>) => plausibilityWarnings({ ...base, ...input }).map((w) => w.code)

describe('plausibility warnings', () => {
  it('find nothing wrong with a value near its baseline and target', () => {
    expect(plausibilityWarnings(base)).toEqual([])
  })

  it('question 9000 元 typed for a figure of tens of millions: less than 1/10 of the baseline and of the target, with the figures', () => {
    const warnings = plausibilityWarnings({ ...base, value: 9000 })
    expect(warnings.map((w) => w.code)).toEqual(['FAR_FROM_BASELINE', 'FAR_FROM_TARGET'])
    expect(warnings[0].messageZh).toBe('0.00009亿元（9000元） 不到基线值（2023年 0.575亿元（57500000元））的 1/10，请核对单位')
    expect(warnings[0].messageEn).toContain('less than 1/10 of the baseline (2023: 0.575亿元')
  })

  it('question a value more than 10 times the baseline', () => {
    expect(codes({ value: 600000001, target: undefined })).toEqual(['FAR_FROM_BASELINE'])
    expect(codes({ value: 575000000, target: undefined })).toEqual([])
  })

  it('skip the ratio checks without a positive baseline or target', () => {
    expect(codes({ value: 1, baseline: { year: 2023, value: 0 }, target: undefined })).toEqual([])
  })

  it('question a cumulative indicator that falls below an earlier actual, naming the year', () => {
    const warnings = plausibilityWarnings({ ...base, year: 2025, value: 58000000, actuals: [{ year: 2024, value: 70000000 }] })
    expect(warnings.map((w) => w.code)).toEqual(['CUMULATIVE_FALLS'])
    expect(warnings[0].messageEn).toContain("below 2024's actual 0.7亿元")
    expect(codes({ year: 2025, value: 58000000, actuals: [{ year: 2026, value: 70000000 }] })).toEqual([])
    expect(codes({ year: 2025, value: 58000000, actuals: [{ year: 2024, value: 70000000 }], indicator: { ...pledge, accumulation: 'STOCK' } })).toEqual([])
  })

  it('question a percentage outside 0–100', () => {
    const rate = { unit: '%', displayUnit: '%', displayFactor: 1, accumulation: null }
    const input = { indicator: rate, baseline: undefined, target: { year: 2026, value: 95 } }
    expect(codes({ ...input, value: 135 })).toEqual(['PERCENT_OUT_OF_RANGE'])
    expect(codes({ ...input, value: -1 })).toEqual(['FAR_FROM_TARGET', 'PERCENT_OUT_OF_RANGE'])
    expect(codes({ ...input, value: 100 })).toEqual([])
  })

  it("question a year outside the plan's period, and not one inside it", () => {
    expect(codes({ year: 2027 })).toEqual(['YEAR_OUTSIDE_PLAN'])
    expect(codes({ year: 2022 })).toEqual(['YEAR_OUTSIDE_PLAN'])
    expect(codes({ year: 2023 })).toEqual([])
    expect(codes({ year: 2030, planPeriod: null })).toEqual([])
  })
})
