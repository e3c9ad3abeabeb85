/** The comparison's figures: sorting, per-capita groups and each metric's context (the address's part is compare-query.ts). */

import { comparablePopulationGroup, median, rankDescending, rankTowns, type ContextInput, type PopulationGroup } from '../../../schema/ranking.ts'
export { comparablePopulationGroup, median, rankDescending, type ContextInput, type PopulationGroup }

export {
  COMPARE_METRICS,
  DEFAULT_COMPARE,
  formatCompareQuery,
  parseCompareQuery,
  SORT_KEYS,
  type CompareMetric,
  type CompareState,
  type SortKey,
} from './compare-query.ts'
import type { CompareMetric } from './compare-query.ts'

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
