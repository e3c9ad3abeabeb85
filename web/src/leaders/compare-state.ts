/** The comparison's state as the address holds it: `codes=…&metric=…&radius=…&sort=…&dir=…`. */

import { comparablePopulationGroup, median, rankDescending, rankTowns, type ContextInput, type PopulationGroup } from '../../../schema/ranking.ts'
export { comparablePopulationGroup, median, rankDescending, type ContextInput, type PopulationGroup }

export const COMPARE_METRICS = [
  'servicePointCount',
  'servicePointsPer10k',
  'servicePointsPer100Km2',
  'coverageShare',
  'activeCoverageShare',
  'giProductCount',
  'population',
  'areaKm2',
] as const
export type CompareMetric = (typeof COMPARE_METRICS)[number]
export const SORT_KEYS = ['rank', 'name', ...COMPARE_METRICS] as const
export type SortKey = (typeof SORT_KEYS)[number]

export interface CompareState {
  /** Chosen towns; null = all of the county's towns. */
  codes: string[] | null
  metric: CompareMetric
  /** Coverage radius, 1–10 km. */
  radius: number
  sort: SortKey
  dir: 'asc' | 'desc'
}

/** The chart's metric at first: one every town has (each has an area), not a per-capita one most towns lack a population for. */
export const DEFAULT_COMPARE: CompareState = { codes: null, metric: 'servicePointsPer100Km2', radius: 5, sort: 'rank', dir: 'asc' }

/** Reads the state; anything unreadable falls back to its default. */
export function parseCompareQuery(query: string): CompareState {
  const p = new URLSearchParams(query)
  const codes = p.get('codes')
  const metric = p.get('metric') as CompareMetric
  const radius = Number(p.get('radius'))
  const sort = p.get('sort') as SortKey
  return {
    codes: codes ? [...new Set(codes.split(',').filter((c) => /^\d{9}$/.test(c)))] : null,
    metric: COMPARE_METRICS.includes(metric) ? metric : DEFAULT_COMPARE.metric,
    radius: p.has('radius') && Number.isFinite(radius) && radius >= 1 && radius <= 10 ? radius : DEFAULT_COMPARE.radius,
    sort: SORT_KEYS.includes(sort) ? sort : DEFAULT_COMPARE.sort,
    dir: p.get('dir') === 'desc' ? 'desc' : p.get('dir') === 'asc' ? 'asc' : DEFAULT_COMPARE.dir,
  }
}

/** Writes the state, leaving defaults out. */
export function formatCompareQuery(state: CompareState): string {
  const parts: string[] = []
  if (state.codes) parts.push(`codes=${state.codes.join(',')}`)
  if (state.metric !== DEFAULT_COMPARE.metric) parts.push(`metric=${state.metric}`)
  if (state.radius !== DEFAULT_COMPARE.radius) parts.push(`radius=${state.radius}`)
  if (state.sort !== DEFAULT_COMPARE.sort || state.dir !== DEFAULT_COMPARE.dir) parts.push(`sort=${state.sort}`, `dir=${state.dir}`)
  return parts.join('&')
}

/** Sorts rows by a key; unknown values (null) always last. */
export function sortRows<T>(rows: T[], value: (row: T) => number | string | null, dir: 'asc' | 'desc'): T[] {
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const va = value(a),
      vb = value(b)
    if (va === null && vb === null) return 0
    if (va === null) return 1
    if (vb === null) return -1
    if (typeof va === 'string' || typeof vb === 'string') return sign * String(va).localeCompare(String(vb), 'zh-CN')
    return sign * (va - vb)
  })
}

/** Metrics divided by a population: compared only between populations of the same year and kind. */
export const PER_CAPITA_METRICS: readonly CompareMetric[] = ['servicePointsPer10k']

/** A metric across the county's towns: how many have a value, which are ranked, their median and mean. */
export interface MetricContext {
  /** Towns of the county. */
  total: number
  /** Towns with a value. */
  withValue: number
  /** Fewer than half of the towns have a value. */
  fewHaveValue: boolean
  /** Rank of each ranked town (highest first; ties share a rank). */
  rank: Map<string, number>
  /** How many towns are ranked. */
  ranked: number
  /** Towns with a value left out of the ranking (a population of another year or kind). */
  excluded: Set<string>
  /** Median and mean of the ranked towns' values; null when none. */
  median: number | null
  mean: number | null
  /** For a per-capita metric, the populations compared; null when no two towns share a year and kind. */
  group: PopulationGroup | null
}

/** A metric's context across the county's towns (`rows`: every town, with or without a value). */
export function metricContext(rows: readonly ContextInput[], perCapita: boolean, prefer?: { year: number | null; kind: string | null }): MetricContext {
  const { known, ranked, rank, excluded, group } = rankTowns(rows, perCapita, prefer)
  const values = ranked.map((r) => r.value)
  return {
    total: rows.length,
    withValue: known.length,
    fewHaveValue: known.length * 2 < rows.length,
    rank,
    ranked: ranked.length,
    excluded,
    median: median(values),
    mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    group,
  }
}
