/**
 * Each figure of a town in context, assembled from rows already read (pure, no I/O): the comparison figures
 * (stations, rates, coverage, GI products, population, area) and the latest ACTUAL of each indicator.
 */
import { ValueKind, type PopulationKind } from '../../../schema/enums.ts'
import type { FigureContext, IndicatorContext } from '../../../schema/context.type.ts'
import type { Indicator, IndicatorValue } from '../../../schema/indicator.type.ts'
import type { ComparisonRow } from './compare.repository.ts'
import { figureInContext, townsContext } from './context.ts'
import { deriveFigures, FIGURE_METRICS, PER_CAPITA_FIGURES } from './figures.ts'

/**
 * A town's comparison figures in context, in FIGURE_METRICS order: `towns` are every town of the county
 * (the town among them), `county` the county's own row. The county has no GI product count of its own.
 */
export function townFigureContexts(code: string, towns: readonly ComparisonRow[], county: ComparisonRow | undefined): FigureContext[] {
  const derived = towns.map((t) => ({ row: t, figures: deriveFigures(t) }))
  const own = derived.find((d) => d.row.code === code)
  if (!own) return []
  const whole = county ? deriveFigures(county) : null
  const prefer = county ? { year: county.populationYear, kind: county.populationKind } : undefined
  return FIGURE_METRICS.map((metric) => {
    const inputs = derived.map((d) => ({
      code: d.row.code,
      value: d.figures[metric],
      populationYear: d.row.populationYear,
      populationKind: d.row.populationKind,
    }))
    const context = townsContext(inputs, PER_CAPITA_FIGURES.includes(metric), prefer)
    const countyValue = metric === 'giProductCount' ? null : (whole?.[metric] ?? null)
    const figure = figureInContext(context, code, own.figures[metric], countyValue)
    return { metric, ...figure, comparedPopulationKind: figure.comparedPopulationKind as PopulationKind | null }
  })
}

/**
 * A town's latest ACTUAL of each indicator that has one, in context: the county's ACTUAL of the same
 * year, and the median and rank among the `towns` (codes of every town of the county) with an ACTUAL of
 * that year. `indicators` in the plan's order; `valuesOf` gives all of an indicator's values.
 */
export function townIndicatorContexts(
  code: string,
  towns: readonly string[],
  indicators: readonly Indicator[],
  valuesOf: (indicator: Indicator) => readonly IndicatorValue[],
): IndicatorContext[] {
  const inCounty = new Set(towns)
  if (!inCounty.has(code)) return []
  const out: IndicatorContext[] = []
  for (const indicator of indicators) {
    const actuals = valuesOf(indicator).filter((v) => v.kind === ValueKind.ACTUAL)
    const latest = actuals.filter((v) => v.regionCode === code).sort((a, b) => b.year - a.year)[0]
    if (!latest) continue
    const ofYear = actuals.filter((v) => v.year === latest.year)
    const rows = towns.map((t) => ({ code: t, value: ofYear.find((v) => v.regionCode === t)?.value ?? null, populationYear: null, populationKind: null }))
    const context = townsContext(rows, false)
    const figure = figureInContext(context, code, latest.value, ofYear.find((v) => v.regionCode === indicator.countyCode)?.value ?? null)
    out.push({
      indicatorCode: indicator.code,
      indicator,
      year: latest.year,
      value: latest.value,
      status: latest.status,
      countyValue: figure.countyValue,
      median: figure.median,
      rank: figure.rank,
      rankedCount: figure.rankedCount,
      regionCount: figure.regionCount,
    })
  }
  return out
}
