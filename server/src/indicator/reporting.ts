/**
 * What has been reported: for a county's indicators, how many have an actual for each year of the plan,
 * how many stand in each assessment status, which are overdue (a milestone year has ended with no actual),
 * and a matrix of what each town has reported (pure functions, no I/O).
 */
import { AssessmentStatus, ValueKind, type ValueStatus } from '../../../schema/enums.ts'
import type { Indicator, IndicatorValue } from '../../../schema/indicator.type.ts'
import { assess } from './assessment.ts'

export interface YearReporting {
  year: number
  /** Indicators with an ACTUAL of the county for the year. */
  reported: number
  /** Indicators with a milestone or target in that year (what the plan expects to be reported). */
  expected: number
}

export interface ReportingStatus {
  indicatorCount: number
  years: YearReporting[]
  statusCounts: { status: AssessmentStatus; count: number }[]
  /** A plan year that has ended with no actual of the county, per indicator, by indicator order then year. */
  overdue: { indicatorCode: string; year: number }[]
  /** Every (indicator, region below the county, year) with an ACTUAL, by indicator order, region, year. */
  regionReports: { indicatorCode: string; regionCode: string; year: number; status: ValueStatus | null }[]
}

const STATUS_ORDER = Object.values(AssessmentStatus)

/**
 * The reporting status of `indicators` (in the plan's order) from their values, as of the end of `asOfYear`
 * minus one: a plan year Y is overdue once `asOfYear` > Y.
 */
export function reportingStatus(
  indicators: readonly Indicator[],
  valuesOf: (indicator: Indicator) => readonly IndicatorValue[],
  asOfYear: number,
): ReportingStatus {
  const years = new Map<number, YearReporting>()
  const counts = new Map<AssessmentStatus, number>()
  const overdue: ReportingStatus['overdue'] = []
  const regionReports: ReportingStatus['regionReports'] = []
  for (const indicator of indicators) {
    const values = valuesOf(indicator)
    const county = values.filter((v) => v.regionCode === indicator.countyCode)
    const actualYears = new Set(county.filter((v) => v.kind === ValueKind.ACTUAL).map((v) => v.year))
    const planYears = [...new Set(county.filter((v) => v.kind === ValueKind.MILESTONE || v.kind === ValueKind.TARGET).map((v) => v.year))].sort()
    for (const year of new Set([...planYears, ...actualYears])) {
      const row = years.get(year) ?? { year, reported: 0, expected: 0 }
      if (planYears.includes(year)) row.expected++
      if (actualYears.has(year)) row.reported++
      years.set(year, row)
    }
    for (const year of planYears) if (year < asOfYear && !actualYears.has(year)) overdue.push({ indicatorCode: indicator.code, year })
    const { status } = assess(indicator, values, indicator.countyCode)
    counts.set(status, (counts.get(status) ?? 0) + 1)
    const reports = values.filter((v) => v.kind === ValueKind.ACTUAL && v.regionCode !== indicator.countyCode)
    reports.sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.year - b.year)
    regionReports.push(...reports.map((v) => ({ indicatorCode: indicator.code, regionCode: v.regionCode, year: v.year, status: v.status })))
  }
  return {
    indicatorCount: indicators.length,
    years: [...years.values()].sort((a, b) => a.year - b.year),
    statusCounts: STATUS_ORDER.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    overdue,
    regionReports,
  }
}
