import { describe, expect, it } from 'vitest'
import { Comparator, ValueKind } from '../../../schema/enums.ts'
import type { IndicatorValue } from '../../../schema/indicator.type.ts'
import { latestActual, onTrack, progress } from './progress.ts'

const COUNTY = '410184'
const TOWN = '410184109'
const v = (kind: ValueKind, year: number, value: number, valueMax: number | null = null, regionCode = COUNTY): IndicatorValue => ({
  kind,
  year,
  value,
  valueMax,
  regionCode,
  countyCode: COUNTY,
  indicatorCode: 'x',
  source: 'test',
  note: null,
  noteZh: null,
  sourceZh: null,
  status: null,
})
// 有效发明专利拥有量: 1775 (2023) → 1800 / 1900 / 2000 → 2000 (2026)
const PLAN = [
  v(ValueKind.BASELINE, 2023, 1775),
  v(ValueKind.MILESTONE, 2024, 1800),
  v(ValueKind.MILESTONE, 2025, 1900),
  v(ValueKind.MILESTONE, 2026, 2000),
  v(ValueKind.TARGET, 2026, 2000),
]

describe('latestActual', () => {
  it("is the region's actual of the latest year, whatever the order given", () => {
    const values = [...PLAN, v(ValueKind.ACTUAL, 2025, 1880), v(ValueKind.ACTUAL, 2024, 1810), v(ValueKind.ACTUAL, 2026, 90, null, TOWN)]
    expect(latestActual(values, COUNTY)?.value).toBe(1880)
    expect(latestActual(values, TOWN)?.value).toBe(90)
    expect(latestActual(PLAN, COUNTY)).toBeUndefined()
  })
})

describe('progress', () => {
  it('is the share of the way from baseline to target: (1810 − 1775) / (2000 − 1775) = 0.156', () => {
    expect(progress([...PLAN, v(ValueKind.ACTUAL, 2024, 1810)], COUNTY)).toBeCloseTo(35 / 225, 10)
  })

  it('is negative below the baseline and null without an actual or when the target equals the baseline', () => {
    expect(progress([...PLAN, v(ValueKind.ACTUAL, 2024, 1700)], COUNTY)).toBeLessThan(0)
    expect(progress(PLAN, COUNTY)).toBeNull()
    expect(progress([v(ValueKind.BASELINE, 2023, 5), v(ValueKind.TARGET, 2026, 5), v(ValueKind.ACTUAL, 2024, 6)], COUNTY)).toBeNull()
  })
})

describe('onTrack', () => {
  it("compares the latest actual with its own year's milestone only", () => {
    expect(onTrack([...PLAN, v(ValueKind.ACTUAL, 2024, 1810)], COUNTY, Comparator.EXACT)).toBe(true)
    expect(onTrack([...PLAN, v(ValueKind.ACTUAL, 2025, 1850)], COUNTY, Comparator.EXACT)).toBe(false)
    expect(onTrack([v(ValueKind.TARGET, 2026, 200), v(ValueKind.ACTUAL, 2025, 150)], COUNTY, Comparator.EXACT)).toBeNull()
  })

  it('is above the milestone for MORE_THAN and inside it for a RANGE', () => {
    expect(onTrack([v(ValueKind.MILESTONE, 2025, 20), v(ValueKind.ACTUAL, 2025, 20)], COUNTY, Comparator.MORE_THAN)).toBe(false)
    const range = (value: number) => onTrack([v(ValueKind.MILESTONE, 2025, 10, 15), v(ValueKind.ACTUAL, 2025, value)], COUNTY, Comparator.RANGE)
    expect([range(9), range(10), range(15), range(16)]).toEqual([false, true, true, false])
  })
})
