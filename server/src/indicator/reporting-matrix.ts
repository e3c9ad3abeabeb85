/**
 * What each town has reported (pure, no I/O): for the indicators a town can have a value of, per town,
 * the years with an ACTUAL and each one's status. The #/indicators page draws it as indicators × towns.
 */
import { ValueKind, type ValueStatus } from '../../../schema/enums.ts'
import type { Indicator, IndicatorValue } from '../../../schema/indicator.type.ts'

/** A year a town has an ACTUAL for, with its status (null: not stated). */
export interface YearReport {
  year: number
  status: ValueStatus | null
}

/** One indicator's row: one cell per town, in the towns' order. */
export interface MatrixRow {
  indicator: Indicator
  /** A count or an amount (its towns' values can add up to the county's): not a rate, share or per-capita figure. */
  additive: boolean
  /** At least one town has an ACTUAL of it. */
  hasTownValues: boolean
  cells: { regionCode: string; reports: YearReport[] }[]
}

export interface ReportingMatrix {
  /** The plan's years (baseline, milestones, target) and every year a town reported, ascending. */
  years: number[]
  rows: MatrixRow[]
  /** Indicators with no town value that a town value would not add up to: rates, shares, per-capita figures. */
  leftOut: Indicator[]
}

/**
 * Whether a town can have a value of the indicator that adds up with the others' to the county's: counts
 * and amounts (件, 家, 个, 元, 次, 人次, 场次) yes; percentages and figures per 10 000 people no (a town's
 * rate needs its own denominator, and most towns have no population of the same year and kind).
 */
export function isAdditive(indicator: Pick<Indicator, 'unit' | 'nameZh' | 'nameEn'>): boolean {
  return indicator.unit !== '%' && !/每万人/.test(indicator.nameZh) && !/per 10[ ,\u00a0]?000/i.test(indicator.nameEn)
}

/**
 * The matrix of `indicators` (in the plan's order) over `towns` (codes, in order): the additive ones, and
 * any other a town has reported anyway (listed, with `additive` false); the rest in `leftOut`.
 */
export function reportingMatrix(
  indicators: readonly Indicator[],
  valuesOf: (indicator: Indicator) => readonly IndicatorValue[],
  towns: readonly string[],
): ReportingMatrix {
  const years = new Set<number>()
  const rows: MatrixRow[] = []
  const leftOut: Indicator[] = []
  const inTowns = new Set(towns)
  for (const indicator of indicators) {
    const values = valuesOf(indicator)
    for (const v of values) if (v.regionCode === indicator.countyCode && v.kind !== ValueKind.ACTUAL) years.add(v.year)
    const reported = values.filter((v) => v.kind === ValueKind.ACTUAL && inTowns.has(v.regionCode))
    const additive = isAdditive(indicator)
    if (!additive && !reported.length) {
      leftOut.push(indicator)
      continue
    }
    for (const v of reported) years.add(v.year)
    rows.push({
      indicator,
      additive,
      hasTownValues: reported.length > 0,
      cells: towns.map((regionCode) => ({
        regionCode,
        reports: reported
          .filter((v) => v.regionCode === regionCode)
          .sort((a, b) => a.year - b.year)
          .map((v) => ({ year: v.year, status: v.status })),
      })),
    })
  }
  return { years: [...years].sort((a, b) => a - b), rows, leftOut }
}
