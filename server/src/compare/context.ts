/**
 * A figure in context (as Census Reporter does for places): a town's value beside the county's own value,
 * the median of the county's towns that have a value, and the town's rank among them. Pure functions, no I/O.
 *
 * Per-capita figures are ranked only between populations of the same year and the same known kind
 * (resident or household-registered): towns with another population keep their value but are left out
 * of the ranking and the median, as #/compare does (web/src/leaders/compare-state.ts, the same rule).
 */
import { median, rankDescending } from '../../../schema/ranking.ts'
export { median, rankDescending }

/** One town's value of a figure, with what its population counts (for the per-capita rule). */
export interface ContextInput {
  code: string
  /** Null when unknown: never counted as 0. */
  value: number | null
  populationYear: number | null
  populationKind: string | null
}

/** Populations of one year and one known kind. */
export interface PopulationGroup {
  year: number
  kind: string
  size: number
}

/** A figure across the county's towns. */
export interface TownsContext {
  /** Towns of the county (with or without a value). */
  regionCount: number
  /** Towns with a value. */
  withValueCount: number
  /** Rank of each ranked town: highest value first, equal values share a rank (1, 1, 3). */
  rank: Map<string, number>
  /** Towns ranked (those with a value, and for a per-capita figure only those of `group`). */
  rankedCount: number
  /** Towns with a value left out of the ranking (a population of another year or kind). */
  excluded: Set<string>
  /** Median of the ranked towns' values; null when none is ranked. */
  median: number | null
  /** For a per-capita figure, the populations compared; null when no two towns share a year and kind. */
  group: PopulationGroup | null
}

/** One town's figure in context, as the API serves it. */
export interface FigureInContext {
  value: number | null
  countyValue: number | null
  median: number | null
  /** Null when the town has no value or is left out of the ranking. */
  rank: number | null
  rankedCount: number
  withValueCount: number
  regionCount: number
  /** The town has a value but is not ranked (per-capita figures: a population of another year or kind). */
  excluded: boolean
  comparedPopulationYear: number | null
  comparedPopulationKind: string | null
}

/**
 * The populations a per-capita figure may be compared between: the largest set of at least two towns
 * with a value whose populations have the same year and the same known kind (UNSPECIFIED is never "the
 * same"); on a tie, the one matching `prefer` (the county's), then the latest year.
 */
export function comparablePopulationGroup(rows: readonly ContextInput[], prefer?: { year: number | null; kind: string | null }): PopulationGroup | null {
  const groups = new Map<string, PopulationGroup>()
  for (const r of rows) {
    if (r.value === null || r.populationYear === null || !r.populationKind || r.populationKind === 'UNSPECIFIED') continue
    const key = `${r.populationYear}|${r.populationKind}`
    const g = groups.get(key) ?? { year: r.populationYear, kind: r.populationKind, size: 0 }
    g.size++
    groups.set(key, g)
  }
  const preferred = (g: PopulationGroup) => (prefer && g.year === prefer.year && g.kind === prefer.kind ? 1 : 0)
  const best = [...groups.values()]
    .filter((g) => g.size >= 2)
    .sort((a, b) => b.size - a.size || preferred(b) - preferred(a) || b.year - a.year || a.kind.localeCompare(b.kind))
  return best[0] ?? null
}

/** A figure's context across the county's towns (`rows`: every town, with or without a value). */
export function townsContext(rows: readonly ContextInput[], perCapita: boolean, prefer?: { year: number | null; kind: string | null }): TownsContext {
  const known = rows.filter((r): r is ContextInput & { value: number } => r.value !== null && Number.isFinite(r.value))
  const group = perCapita ? comparablePopulationGroup(known, prefer) : null
  const inGroup = (r: ContextInput) => !perCapita || (group !== null && r.populationYear === group.year && r.populationKind === group.kind)
  const ranked = known.filter(inGroup)
  return {
    regionCount: rows.length,
    withValueCount: known.length,
    rank: rankDescending(ranked),
    rankedCount: ranked.length,
    excluded: new Set(known.filter((r) => !inGroup(r)).map((r) => r.code)),
    median: median(ranked.map((r) => r.value)),
    group,
  }
}

/** One town's figure in context: its value (null when unknown), the county's, the towns' median and its rank. */
export function figureInContext(context: TownsContext, code: string, value: number | null, countyValue: number | null): FigureInContext {
  return {
    value,
    countyValue,
    median: context.median,
    rank: context.rank.get(code) ?? null,
    rankedCount: context.rankedCount,
    withValueCount: context.withValueCount,
    regionCount: context.regionCount,
    excluded: context.excluded.has(code),
    comparedPopulationYear: context.group?.year ?? null,
    comparedPopulationKind: context.group?.kind ?? null,
  }
}
