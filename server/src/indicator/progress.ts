/** Progress and on-track status of an indicator, computed from its values (pure functions). */
import type { Comparator } from '../../../schema/enums.ts'
import type { IndicatorValue } from '../../../schema/indicator.type.ts'

const ofKind = (values: readonly IndicatorValue[], regionCode: string, kind: string) =>
  values.filter((v) => v.regionCode === regionCode && v.kind === kind).sort((a, b) => a.year - b.year)

/** The latest ACTUAL value for the region, or undefined. */
export function latestActual(values: readonly IndicatorValue[], regionCode: string): IndicatorValue | undefined {
  return ofKind(values, regionCode, 'ACTUAL').at(-1)
}

/** (latest actual − baseline) / (target − baseline); null when any is missing or target = baseline. */
export function progress(values: readonly IndicatorValue[], regionCode: string): number | null {
  const actual = latestActual(values, regionCode)
  const baseline = ofKind(values, regionCode, 'BASELINE').at(-1)
  const target = ofKind(values, regionCode, 'TARGET').at(-1)
  if (!actual || !baseline || !target || target.value === baseline.value) return null
  return (actual.value - baseline.value) / (target.value - baseline.value)
}

/** Latest actual vs the milestone of its year; null when either is missing. */
export function onTrack(values: readonly IndicatorValue[], regionCode: string, comparator: Comparator | null): boolean | null {
  const actual = latestActual(values, regionCode)
  if (!actual) return null
  const milestone = ofKind(values, regionCode, 'MILESTONE').find((m) => m.year === actual.year)
  if (!milestone) return null
  if (comparator === 'RANGE' && milestone.valueMax !== null) {
    return actual.value >= milestone.value && actual.value <= milestone.valueMax
  }
  return comparator === 'MORE_THAN' ? actual.value > milestone.value : actual.value >= milestone.value
}
