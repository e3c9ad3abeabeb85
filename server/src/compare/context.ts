/**
 * A figure in context (as Census Reporter does for places): a town's value beside the county's own value,
 * the median of the county's towns that have a value, and the town's rank among them. Pure functions, no I/O.
 *
 * Per-capita figures are ranked only between populations of the same year and the same known kind
 * (resident or household-registered): towns with another population keep their value but are left out
 * of the ranking and the median, as #/compare does: the rule is schema/ranking.ts's `rankTowns`, shared with the web.
 */
import { comparablePopulationGroup, median, rankDescending, rankTowns, type ContextInput, type PopulationGroup } from '../../../schema/ranking.ts'
export { comparablePopulationGroup, median, rankDescending, type ContextInput, type PopulationGroup }

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

/** A figure's context across the county's towns (`rows`: every town, with or without a value). */
export function townsContext(rows: readonly ContextInput[], perCapita: boolean, prefer?: { year: number | null; kind: string | null }): TownsContext {
  const { known, ranked, rank, excluded, group } = rankTowns(rows, perCapita, prefer)
  return {
    regionCount: rows.length,
    withValueCount: known.length,
    rank,
    rankedCount: ranked.length,
    excluded,
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
