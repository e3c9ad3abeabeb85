/** The comparison's state as the address holds it: `codes=…&metric=…&radius=…&sort=…&dir=…` (read and written by the shell's state, so kept apart from the comparison's figures in compare-state.ts). */

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
