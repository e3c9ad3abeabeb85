/**
 * Plausibility warnings for an entered ACTUAL value (pure functions): what a steward must confirm before it
 * is saved. Each warning has a code and a message in Chinese and in English, with the figures.
 */
import type { Accumulation, PlausibilityWarningCode } from '../../../schema/enum-values.ts'
import { formatInDisplayUnit, formatNumber, type IndicatorUnits } from './units.ts'

/** How far from the baseline or target a value may be before it is questioned: 10×, or a tenth. */
export const PLAUSIBLE_RATIO = 10

export interface YearValue {
  year: number
  value: number
}

export interface PlausibilityInput {
  indicator: IndicatorUnits & { accumulation: Accumulation | null }
  /** In the base unit. */
  value: number
  year: number
  baseline?: YearValue
  target?: YearValue
  /** The region's ACTUAL values of the indicator for other years. */
  actuals: YearValue[]
  /** First and last year of the plan (its baseline year to its target year); null when unknown. */
  planPeriod: { from: number; to: number } | null
}

export interface PlausibilityWarning {
  code: PlausibilityWarningCode
  messageZh: string
  messageEn: string
}

function ratioWarning(
  input: PlausibilityInput,
  reference: YearValue | undefined,
  code: PlausibilityWarningCode,
  zh: string,
  en: string,
): PlausibilityWarning | undefined {
  if (!reference || !(reference.value > 0)) return undefined
  const { value, indicator } = input
  const shown = formatInDisplayUnit(indicator, value)
  const ref = formatInDisplayUnit(indicator, reference.value)
  if (value > reference.value * PLAUSIBLE_RATIO) {
    return {
      code,
      messageZh: `${shown} 超过${zh}（${reference.year}年 ${ref}）的 ${PLAUSIBLE_RATIO} 倍，请核对单位`,
      messageEn: `${shown} is more than ${PLAUSIBLE_RATIO} times the ${en} (${reference.year}: ${ref}); check the unit`,
    }
  }
  if (value < reference.value / PLAUSIBLE_RATIO) {
    return {
      code,
      messageZh: `${shown} 不到${zh}（${reference.year}年 ${ref}）的 1/${PLAUSIBLE_RATIO}，请核对单位`,
      messageEn: `${shown} is less than 1/${PLAUSIBLE_RATIO} of the ${en} (${reference.year}: ${ref}); check the unit`,
    }
  }
  return undefined
}

/** Every reason to doubt the value, in a fixed order (baseline, target, cumulative, percentage, year); empty when none. */
export function plausibilityWarnings(input: PlausibilityInput): PlausibilityWarning[] {
  const { indicator, value, year } = input
  const warnings: (PlausibilityWarning | undefined)[] = [
    ratioWarning(input, input.baseline, 'FAR_FROM_BASELINE', '基线值', 'baseline'),
    ratioWarning(input, input.target, 'FAR_FROM_TARGET', '目标值', 'target'),
  ]
  if (indicator.accumulation === 'CUMULATIVE') {
    const higher = input.actuals.filter((a) => a.year < year && a.value > value).sort((a, b) => b.value - a.value || b.year - a.year)[0]
    if (higher) {
      const shown = formatInDisplayUnit(indicator, value)
      const earlier = formatInDisplayUnit(indicator, higher.value)
      warnings.push({
        code: 'CUMULATIVE_FALLS',
        messageZh: `累计指标不应下降：${year}年 ${shown} 低于 ${higher.year}年的实际值 ${earlier}`,
        messageEn: `a cumulative indicator does not fall: ${year}'s ${shown} is below ${higher.year}'s actual ${earlier}`,
      })
    }
  }
  if (indicator.unit === '%' && !(value >= 0 && value <= 100)) {
    warnings.push({
      code: 'PERCENT_OUT_OF_RANGE',
      messageZh: `百分比 ${formatNumber(value)}% 不在 0–100 之间`,
      messageEn: `the percentage ${formatNumber(value)} % is outside 0–100`,
    })
  }
  const period = input.planPeriod
  if (period && (year < period.from || year > period.to)) {
    warnings.push({
      code: 'YEAR_OUTSIDE_PLAN',
      messageZh: `${year}年不在方案期内（${period.from}–${period.to}年）`,
      messageEn: `${year} is outside the plan's period (${period.from}–${period.to})`,
    })
  }
  return warnings.filter((w): w is PlausibilityWarning => w !== undefined)
}
