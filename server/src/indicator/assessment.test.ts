import { describe, expect, it } from 'vitest'
import { AssessmentMethod, AssessmentStatus, Comparator, ValueKind } from '../../../schema/enums.ts'
import type { IndicatorValue } from '../../../schema/indicator.type.ts'
import { assess, compoundRate, projectYear, statusOfRatio } from './assessment.ts'

const COUNTY = '410184'
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
const plan = (baseline: number, target: number, milestones: Record<number, number> = {}) => [
  v(ValueKind.BASELINE, 2023, baseline),
  ...Object.entries(milestones).map(([year, value]) => v(ValueKind.MILESTONE, Number(year), value)),
  v(ValueKind.TARGET, 2026, target),
]
const atLeast = { comparator: Comparator.EXACT }

describe('the worked case: 有效发明专利拥有量 1775 (2023) → 2000 (2026), actual 1810 (2024)', () => {
  const a = assess(atLeast, [...plan(1775, 2000, { 2024: 1800, 2025: 1900, 2026: 2000 }), v(ValueKind.ACTUAL, 2024, 1810)], COUNTY)

  it('observes 1.97 %/yr against a required 4.06 %/yr, a ratio of 0.49: limited progress, by compound growth', () => {
    expect(a.method).toBe(AssessmentMethod.COMPOUND_GROWTH)
    expect(a.observedAnnualRate).toBeCloseTo(0.0197, 4)
    expect(a.requiredAnnualRate).toBeCloseTo(0.0406, 4)
    expect(a.rateRatio).toBeCloseTo(0.49, 2)
    expect(a.status).toBe(AssessmentStatus.LIMITED_PROGRESS)
  })

  it('meets its 2024 milestone (1810 ≥ 1800) and needs 5.12 %/yr from now on', () => {
    expect(a.milestoneMet).toBe(true)
    expect(a.remainingAnnualRate).toBeCloseTo(0.0512, 4)
  })

  it('reaches the target in 2030 at the observed pace (≈ 1996 at the end of 2029, ≈ 2035 at the end of 2030)', () => {
    expect(1775 * (1 + a.observedAnnualRate!) ** 6).toBeLessThan(2000)
    expect(1775 * (1 + a.observedAnnualRate!) ** 7).toBeGreaterThanOrEqual(2000)
    expect(a.projectedYear).toBe(2030)
    expect(a.latestActual?.value).toBe(1810)
  })
})

describe('one case of each status', () => {
  it('ACHIEVED when the latest actual meets the target by its comparator', () => {
    const a = assess(atLeast, [...plan(100, 200), v(ValueKind.ACTUAL, 2025, 200)], COUNTY)
    expect(a.status).toBe(AssessmentStatus.ACHIEVED)
    expect(a.projectedYear).toBe(2025)
  })

  it('MORE_THAN is not achieved at exactly the target', () => {
    const a = assess({ comparator: Comparator.MORE_THAN }, [...plan(100, 200), v(ValueKind.ACTUAL, 2025, 200)], COUNTY)
    expect(a.status).not.toBe(AssessmentStatus.ACHIEVED)
  })

  it('ON_TRACK at a ratio of at least 0.95', () => {
    // required: (200/100)^(1/3) − 1 = 25.99 %/yr; observed 26 %/yr
    const a = assess(atLeast, [...plan(100, 200), v(ValueKind.ACTUAL, 2024, 126)], COUNTY)
    expect(a.rateRatio).toBeGreaterThanOrEqual(0.95)
    expect(a.status).toBe(AssessmentStatus.ON_TRACK)
  })

  it('ACCELERATION_NEEDED between 0.6 and 0.95', () => {
    const a = assess(atLeast, [...plan(100, 200), v(ValueKind.ACTUAL, 2024, 120)], COUNTY)
    expect(a.rateRatio).toBeGreaterThan(0.6)
    expect(a.rateRatio).toBeLessThan(0.95)
    expect(a.status).toBe(AssessmentStatus.ACCELERATION_NEEDED)
  })

  it('LIMITED_PROGRESS between 0 and 0.6', () => {
    const a = assess(atLeast, [...plan(100, 200), v(ValueKind.ACTUAL, 2024, 105)], COUNTY)
    expect(a.status).toBe(AssessmentStatus.LIMITED_PROGRESS)
  })

  it('DETERIORATION when moving away from the target; never projected to reach it', () => {
    const a = assess(atLeast, [...plan(100, 200), v(ValueKind.ACTUAL, 2024, 90)], COUNTY)
    expect(a.rateRatio).toBeLessThan(0)
    expect(a.status).toBe(AssessmentStatus.DETERIORATION)
    expect(a.projectedYear).toBeNull()
  })

  it('NO_DATA without an actual', () => {
    const a = assess(atLeast, plan(100, 200), COUNTY)
    expect(a).toMatchObject({ status: AssessmentStatus.NO_DATA, method: AssessmentMethod.NONE, latestActual: null, milestoneMet: null })
  })

  it('NOT_ASSESSABLE for a yearly range (10–15 events a year): each year judged against the range instead', () => {
    const range = [v(ValueKind.TARGET, 2026, 10, 15), v(ValueKind.ACTUAL, 2024, 12)]
    const inRange = assess({ comparator: Comparator.RANGE }, range, COUNTY)
    expect(inRange).toMatchObject({ status: AssessmentStatus.NOT_ASSESSABLE, method: AssessmentMethod.RANGE_PER_YEAR, milestoneMet: true })
    const below = assess({ comparator: Comparator.RANGE }, [range[0], v(ValueKind.ACTUAL, 2025, 8)], COUNTY)
    expect(below.milestoneMet).toBe(false)
    const lastYear = assess({ comparator: Comparator.RANGE }, [range[0], v(ValueKind.ACTUAL, 2026, 14)], COUNTY)
    expect(lastYear.status).toBe(AssessmentStatus.ACHIEVED)
  })

  it('NOT_ASSESSABLE for a town with actuals but no target of its own', () => {
    const a = assess(atLeast, [...plan(100, 200), v(ValueKind.ACTUAL, 2024, 7, null, '410184101')], '410184101')
    expect(a.status).toBe(AssessmentStatus.NOT_ASSESSABLE)
    expect(a.latestActual?.value).toBe(7)
  })
})

describe('linear change where compound growth is undefined', () => {
  it('counts from nothing (省级高价值专利培育中心 0 → 1) by linear change per year', () => {
    const a = assess(atLeast, [...plan(0, 1), v(ValueKind.ACTUAL, 2024, 0)], COUNTY)
    expect(a.method).toBe(AssessmentMethod.LINEAR_CHANGE)
    expect(a.observedAnnualRate).toBe(0)
    expect(a.requiredAnnualRate).toBeCloseTo(1 / 3, 6)
    expect(a.remainingAnnualRate).toBeCloseTo(0.5, 6)
    expect(a.status).toBe(AssessmentStatus.LIMITED_PROGRESS)
    expect(a.projectedYear).toBeNull()
  })

  it('takes the first and last milestones where the plan gives no baseline or target (0, 0, 1 for 2024–2026)', () => {
    const centres = [v(ValueKind.MILESTONE, 2024, 0), v(ValueKind.MILESTONE, 2025, 0), v(ValueKind.MILESTONE, 2026, 1), v(ValueKind.ACTUAL, 2025, 0)]
    const a = assess(atLeast, centres, COUNTY)
    expect(a).toMatchObject({ method: AssessmentMethod.LINEAR_CHANGE, status: AssessmentStatus.LIMITED_PROGRESS, milestoneMet: true })
    expect([a.baseline?.year, a.target?.year]).toEqual([2024, 2026])
    expect(a.requiredAnnualRate).toBeCloseTo(0.5, 6)
    expect(a.remainingAnnualRate).toBeCloseTo(1, 6)
  })

  it('projects linearly: 0 → 0.5 in a year reaches 1 in 2025', () => {
    const a = assess(atLeast, [...plan(0, 1), v(ValueKind.ACTUAL, 2024, 0.5)], COUNTY)
    expect(a.status).toBe(AssessmentStatus.ON_TRACK)
    expect(a.projectedYear).toBe(2025)
  })
})

describe('helpers', () => {
  it('compound growth needs positive ends and elapsed years', () => {
    expect(compoundRate(100, 121, 2)).toBeCloseTo(0.1, 10)
    expect(compoundRate(0, 1, 2)).toBeUndefined()
    expect(compoundRate(1, 2, 0)).toBeUndefined()
  })

  it('thresholds are inclusive at 0.95, 0.6 and 0', () => {
    expect([0.95, 0.6, 0, -0.01].map(statusOfRatio)).toEqual([
      AssessmentStatus.ON_TRACK,
      AssessmentStatus.ACCELERATION_NEEDED,
      AssessmentStatus.LIMITED_PROGRESS,
      AssessmentStatus.DETERIORATION,
    ])
  })

  it('gives up projecting after 100 years', () => {
    expect(projectYear(AssessmentMethod.COMPOUND_GROWTH, 1, 2023, 0.0001, { value: 1e9, valueMax: null }, Comparator.AT_LEAST)).toBeNull()
  })
})
