import { afterEach, describe, expect, it } from 'vitest'
import { setLang } from '../lib/i18n.ts'
import type { PlanIndicator } from './api.ts'
import { assessmentReason } from './indicator-summary.ts'

type Assessment = PlanIndicator['assessment']
const NONE: Assessment = {
  status: 'NO_DATA',
  method: 'NONE',
  milestoneMet: null,
  observedAnnualRate: null,
  requiredAnnualRate: null,
  remainingAnnualRate: null,
  rateRatio: null,
  projectedYear: null,
  latestActual: null,
  baseline: null,
  target: null,
}
const value = (year: number, v: number, kind: 'BASELINE' | 'MILESTONE' | 'TARGET' = 'MILESTONE') => ({ year, value: v, valueMax: null, kind })
/** An indicator as #/indicators loads it, with only what the reason reads. */
function indicator(assessment: Partial<Assessment>, extra: Partial<PlanIndicator> = {}): PlanIndicator {
  return {
    unit: '个',
    displayUnit: '个',
    displayFactor: 1,
    comparator: null,
    milestones: [],
    ...extra,
    assessment: { ...NONE, ...assessment },
  } as PlanIndicator
}

afterEach(() => setLang('zh'))

describe('assessmentReason', () => {
  it('says a count from nothing is judged by linear change, from the milestones the plan gives in place of a baseline and target', () => {
    // 省级高价值专利培育中心: 0 (2024) → 1 (2026), still 0 in 2025.
    const i = indicator(
      {
        status: 'LIMITED_PROGRESS',
        method: 'LINEAR_CHANGE',
        milestoneMet: true,
        observedAnnualRate: 0,
        requiredAnnualRate: 0.5,
        remainingAnnualRate: 1,
        rateRatio: 0,
        latestActual: { year: 2025, value: 0, status: 'FINAL' },
        baseline: value(2024, 0),
        target: value(2026, 1),
      },
      {
        milestones: [2024, 2025, 2026].map((year) => ({
          year,
          value: year === 2026 ? 1 : 0,
          valueMax: null,
          note: null,
          noteZh: null,
          source: 'test',
          sourceZh: null,
          status: null,
        })),
      },
    )
    expect(assessmentReason(i)).toBe(
      '方案未给出基数与目标，以2024年节点为起点、2026年节点为终点。' +
        '自基数（2024年 0个）至2025年（0个），年均变化 0个；要在2026年达到目标（1个），需年均变化 0.5个；二者之比 0.00。' +
        '此后剩余 1 年需年均变化 1个。按当前速度无法达到目标。达到方案2025年节点（0个）。',
    )
    setLang('en')
    expect(assessmentReason(i)).toContain(
      'From the baseline (0 units, 2024) to 2025 (0 units): a change of 0 units a year; reaching the target (1 units) by 2026 needs a change of 0.5 units a year',
    )
    expect(assessmentReason(i)).toContain('At the current pace the target is never reached.')
  })

  it('says why an actual cannot be judged: no baseline or target, or not later than the baseline', () => {
    const latestActual = { year: 2024, value: 3, status: 'PROVISIONAL' as const }
    expect(assessmentReason(indicator({ status: 'NOT_ASSESSABLE', latestActual }))).toBe(
      '已有实际值（2024年 3个），但方案未给出可比的基数或目标，无法计算进度。',
    )
    const early = indicator({ status: 'NOT_ASSESSABLE', latestActual, baseline: value(2024, 2), target: value(2026, 4) })
    expect(assessmentReason(early)).toMatch(/^实际值（2024年 3个）不晚于基数年份（2024年），尚无法计算年均变化。/)
  })

  it('says an achieved target with its comparator, and nothing of rates', () => {
    const i = indicator(
      { status: 'ACHIEVED', latestActual: { year: 2025, value: 22, status: 'FINAL' }, target: value(2026, 20, 'TARGET') },
      { comparator: 'MORE_THAN', unit: '家', displayUnit: '家' },
    )
    expect(assessmentReason(i)).toBe('2025年实际值 22家 已达到目标（> 20家）。')
    setLang('en')
    expect(assessmentReason(i)).toBe('The 2025 actual, 22 enterprises, meets the target (> 20 enterprises).')
  })

  it('says so plainly when nothing is reported', () => {
    expect(assessmentReason(indicator({}))).toBe('尚无实际值，无法评估进度。')
  })
})
