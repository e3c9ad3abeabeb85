/**
 * The figures a region can be coloured by, their classes and how each value is written.
 * Unknown values stay null (drawn as "no data"), never 0.
 */
import type { Lang, RegionFigures, RegionProps } from '../api/types.ts'
import { tIn } from '../lib/i18n.ts'
import { RAMP } from './palette.ts'

/** The figures a region can be coloured by. */
export type MetricId = 'servicePoints' | 'per10k' | 'coverage' | 'giProducts'

/** In the order the metric selector lists them. */
export const METRIC_IDS: MetricId[] = ['servicePoints', 'per10k', 'coverage', 'giProducts']

/** Whether a metric comes from `compareRegions` (loaded after the map's layers). */
export function needsFigures(metric: MetricId): boolean {
  return metric === 'per10k' || metric === 'coverage'
}

/** A metric's value for a region: from the REGIONS layer, or from `compareRegions` (undefined while not loaded). */
export function metricValue(metric: MetricId, region: RegionProps, figures: RegionFigures | undefined): number | null | undefined {
  switch (metric) {
    case 'servicePoints':
      return region.servicePointCount
    case 'giProducts':
      return region.giProductCount
    case 'per10k':
      return figures ? figures.servicePointsPer10k : undefined
    case 'coverage':
      return figures ? figures.coverageShare : undefined
  }
}

/** A value as the map and tables write it; null is "no data", undefined "…" (loading). */
export function formatMetric(metric: MetricId, value: number | null | undefined, lang: Lang): string {
  if (value === undefined) return '…'
  if (value === null) return tIn(lang, 'noDataValue')
  switch (metric) {
    case 'coverage':
      return `${formatNumber(value * 100, value * 100 >= 99.95 || value === 0 ? 0 : 1)}%`
    case 'per10k':
      return formatNumber(value, 2)
    default:
      return formatNumber(value, 0)
  }
}

/** A number with at most `digits` decimals, trailing zeros dropped. */
export function formatNumber(value: number, digits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
}

/** One class of the legend: a range of values and its colour. */
export interface MetricClass {
  /** Lowest value in the class (inclusive). */
  from: number
  /** Highest value in the class (inclusive), or null when the class is open-ended or a single value. */
  to: number | null
  color: string
  label: string
}

/**
 * Classes for the values on the map. Coverage has fixed fifths; other metrics get one class per
 * distinct value when there are at most five, else five quantile classes (rounded to whole
 * numbers for counts). Null and undefined values are left out (they are drawn apart).
 */
export function classify(metric: MetricId, values: (number | null | undefined)[], lang: Lang): MetricClass[] {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (metric === 'coverage') {
    const edges = [0, 0.2, 0.4, 0.6, 0.8]
    return edges.map((from, i) => ({
      from,
      to: i < edges.length - 1 ? edges[i + 1] : 1,
      color: RAMP[i],
      label: i < edges.length - 1 ? `${from * 100}–${edges[i + 1] * 100}%` : `≥ ${from * 100}%`,
    }))
  }
  const distinct = [...new Set(known)]
  if (distinct.length === 0) return []
  if (distinct.length <= RAMP.length) {
    const colors = spread(distinct.length)
    return distinct.map((v, i) => ({ from: v, to: null, color: colors[i], label: formatMetric(metric, v, lang) }))
  }
  const integer = metric !== 'per10k'
  const lowers: number[] = [known[0]]
  for (let q = 1; q < RAMP.length; q++) {
    let edge = known[Math.floor((q * known.length) / RAMP.length)]
    if (integer) edge = Math.ceil(edge)
    if (edge > lowers[lowers.length - 1]) lowers.push(edge)
  }
  const colors = spread(lowers.length)
  return lowers.map((from, i) => {
    const next = lowers[i + 1]
    const to = next === undefined ? null : integer ? next - 1 : next
    const label =
      next === undefined
        ? `≥ ${formatMetric(metric, from, lang)}`
        : integer && to === from
          ? formatMetric(metric, from, lang)
          : `${formatMetric(metric, from, lang)}–${formatMetric(metric, to, lang)}`
    return { from, to, color: colors[i], label }
  })
}

/** `n` colours from the ramp, spread from light to dark. */
function spread(n: number): string[] {
  if (n === 1) return [RAMP[2]]
  return Array.from({ length: n }, (_, i) => RAMP[Math.round((i * (RAMP.length - 1)) / (n - 1))])
}
