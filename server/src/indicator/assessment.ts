/**
 * Are we on track? The assessment of one indicator for one region, after the method of Open SDG and
 * Statistics Canada (pure functions, no I/O).
 *
 * - Observed annual rate: compound growth from the baseline to the latest actual,
 *   `(actual / baseline) ^ (1 / (actualYear − baselineYear)) − 1`.
 * - Required annual rate: compound growth from the baseline to the target, over the plan's years.
 * - Their ratio decides: ≥ 0.95 on track, 0.6–0.95 acceleration needed, 0–0.6 limited progress,
 *   < 0 deterioration. A latest actual that meets the target by its comparator is ACHIEVED.
 * - Where the baseline is 0 or negative, or an actual is, compound growth is undefined: the same
 *   thresholds apply to linear change per year (units per year), and `method` says so.
 * - Without a TARGET the last MILESTONE is the target; without a BASELINE the first of several milestones is the baseline.
 * - A RANGE target (e.g. 10–15 publicity events a year) has no growth path: each year is judged
 *   against the range (`milestoneMet`) and the status is NOT_ASSESSABLE until the target year.
 *
 * Rates are fractions (0.0197 = 1.97 %/yr) for COMPOUND_GROWTH and base units per year for LINEAR_CHANGE.
 */
import { AssessmentMethod, AssessmentStatus, ValueKind, type Comparator } from '../../../schema/enums.ts'
import type { IndicatorValue } from '../../../schema/indicator.type.ts'

/** Ratio of observed to required rate at or above which an indicator is on track. */
export const ON_TRACK_RATIO = 0.95
/** Ratio at or above which progress is "acceleration needed" rather than "limited". */
export const ACCELERATION_RATIO = 0.6
/** How far ahead `projectedYear` looks before it gives up (null). */
export const PROJECTION_HORIZON_YEARS = 100

export interface Assessment {
  status: AssessmentStatus
  method: AssessmentMethod
  /** Latest actual against the plan's milestone (or, for a range, the range) of its year; null when there is none. */
  milestoneMet: boolean | null
  observedAnnualRate: number | null
  requiredAnnualRate: number | null
  /** Rate needed from the latest actual to reach the target in the years left; null when none are left. */
  remainingAnnualRate: number | null
  /** Observed over required rate; null when either is unknown or the required rate is 0. */
  rateRatio: number | null
  /** First year whose value, at the observed pace, meets the target; null when never (within 100 years) or unknown. */
  projectedYear: number | null
  latestActual: IndicatorValue | null
  baseline: IndicatorValue | null
  target: IndicatorValue | null
}

/** What the engine needs to know of the indicator itself. */
export interface AssessedIndicator {
  comparator: Comparator | null
}

const byYear = (a: IndicatorValue, b: IndicatorValue) => a.year - b.year

function pick(values: readonly IndicatorValue[], regionCode: string, kind: ValueKind): IndicatorValue[] {
  return values.filter((v) => v.regionCode === regionCode && v.kind === kind).sort(byYear)
}

/** Whether `value` meets `goal` by the comparator (a RANGE is met inside [value, valueMax]). */
export function meets(value: number, goal: Pick<IndicatorValue, 'value' | 'valueMax'>, comparator: Comparator | null): boolean {
  if (comparator === 'RANGE' && goal.valueMax !== null) return value >= goal.value && value <= goal.valueMax
  if (comparator === 'MORE_THAN') return value > goal.value
  return value >= goal.value
}

/** The status the ratio of observed to required rate gives (not ACHIEVED: that is decided by the target). */
export function statusOfRatio(ratio: number): AssessmentStatus {
  if (ratio >= ON_TRACK_RATIO) return AssessmentStatus.ON_TRACK
  if (ratio >= ACCELERATION_RATIO) return AssessmentStatus.ACCELERATION_NEEDED
  if (ratio >= 0) return AssessmentStatus.LIMITED_PROGRESS
  return AssessmentStatus.DETERIORATION
}

/** Compound annual growth from `from` to `to` over `years`; undefined unless both are positive and years > 0. */
export function compoundRate(from: number, to: number, years: number): number | undefined {
  if (!(from > 0) || !(to > 0) || !(years > 0)) return undefined
  return (to / from) ** (1 / years) - 1
}

/** Linear change per year from `from` to `to` over `years`; undefined unless years > 0. */
export function linearRate(from: number, to: number, years: number): number | undefined {
  return years > 0 ? (to - from) / years : undefined
}

/** First year at which `start` (in `startYear`) growing at `rate` meets the target; null when never within the horizon. */
export function projectYear(
  method: AssessmentMethod,
  start: number,
  startYear: number,
  rate: number,
  target: Pick<IndicatorValue, 'value' | 'valueMax'>,
  comparator: Comparator | null,
): number | null {
  for (let n = 0; n <= PROJECTION_HORIZON_YEARS; n++) {
    const value = method === AssessmentMethod.COMPOUND_GROWTH ? start * (1 + rate) ** n : start + rate * n
    if (meets(value, target, comparator)) return startYear + n
  }
  return null
}

/**
 * The assessment of an indicator for one region from all its values.
 *
 * @example
 * // 有效发明专利拥有量: baseline 1775 (2023), target 2000 (2026), actual 1810 (2024)
 * assess(indicator, values, '410184')
 * // → { status: AssessmentStatus.LIMITED_PROGRESS, method: AssessmentMethod.COMPOUND_GROWTH, observedAnnualRate: 0.0197, requiredAnnualRate: 0.0406,
 * //     remainingAnnualRate: 0.0512, projectedYear: 2030, milestoneMet: true, … }
 */
export function assess(indicator: AssessedIndicator, values: readonly IndicatorValue[], regionCode: string): Assessment {
  const milestones = pick(values, regionCode, ValueKind.MILESTONE)
  // Where the plan gives only milestones (e.g. 省级高价值专利培育中心 0, 0, 1 for 2024–2026), its last
  // milestone stands in for the target and its first for the baseline; `baseline`/`target` say which was used.
  const baseline = pick(values, regionCode, ValueKind.BASELINE).at(-1) ?? (milestones.length > 1 ? milestones[0] : null)
  const target = pick(values, regionCode, ValueKind.TARGET).at(-1) ?? milestones.at(-1) ?? null
  const latest = pick(values, regionCode, ValueKind.ACTUAL).at(-1) ?? null
  const milestone = latest ? (milestones.find((m) => m.year === latest.year) ?? null) : null
  const { comparator } = indicator
  const isRange = comparator === 'RANGE'
  const none: Assessment = {
    status: AssessmentStatus.NO_DATA,
    method: AssessmentMethod.NONE,
    milestoneMet: null,
    observedAnnualRate: null,
    requiredAnnualRate: null,
    remainingAnnualRate: null,
    rateRatio: null,
    projectedYear: null,
    latestActual: latest,
    baseline,
    target,
  }
  if (!latest) return none
  const milestoneMet = isRange && target ? meets(latest.value, target, comparator) : milestone ? meets(latest.value, milestone, comparator) : null
  if (!target) return { ...none, status: AssessmentStatus.NOT_ASSESSABLE, milestoneMet }
  const achieved = meets(latest.value, target, comparator) && (!isRange || latest.year >= target.year)
  if (isRange)
    return { ...none, status: achieved ? AssessmentStatus.ACHIEVED : AssessmentStatus.NOT_ASSESSABLE, method: AssessmentMethod.RANGE_PER_YEAR, milestoneMet }
  if (!baseline || latest.year <= baseline.year || target.year <= baseline.year) {
    return { ...none, status: achieved ? AssessmentStatus.ACHIEVED : AssessmentStatus.NOT_ASSESSABLE, milestoneMet }
  }
  const elapsed = latest.year - baseline.year
  const planned = target.year - baseline.year
  const left = target.year - latest.year
  const compound = compoundRate(baseline.value, latest.value, elapsed) !== undefined && baseline.value > 0 && target.value > 0
  const method = compound ? AssessmentMethod.COMPOUND_GROWTH : AssessmentMethod.LINEAR_CHANGE
  const rate = compound ? compoundRate : linearRate
  const observed = rate(baseline.value, latest.value, elapsed)!
  const required = rate(baseline.value, target.value, planned)!
  const remaining = left > 0 ? (rate(latest.value, target.value, left) ?? null) : null
  const ratio = required !== 0 ? observed / required : null
  const status: AssessmentStatus = achieved ? AssessmentStatus.ACHIEVED : ratio === null ? AssessmentStatus.NOT_ASSESSABLE : statusOfRatio(ratio)
  return {
    status,
    method,
    milestoneMet,
    observedAnnualRate: observed,
    requiredAnnualRate: required,
    remainingAnnualRate: remaining,
    rateRatio: ratio,
    projectedYear: achieved ? latest.year : projectYear(method, baseline.value, baseline.year, observed, target, comparator),
    latestActual: latest,
    baseline,
    target,
  }
}
