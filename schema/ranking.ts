/**
 * The two statistics every comparison of towns shows beside a figure, in one place for the server
 * (server/src/compare/context.ts) and the web (web/src/leaders/compare-state.ts, brief-data.ts).
 */

/** The median of the values (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const v = [...values].sort((a, b) => a - b)
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}

/** Ranks highest first; equal values share the rank of the first of them (1, 1, 3); ties listed by code. */
export function rankDescending(items: readonly { code: string; value: number }[]): Map<string, number> {
  const sorted = [...items].sort((a, b) => b.value - a.value || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  const rank = new Map<string, number>()
  sorted.forEach((item, i) => rank.set(item.code, i > 0 && sorted[i - 1].value === item.value ? rank.get(sorted[i - 1].code)! : i + 1))
  return rank
}

/** One town's value of a figure, with what its population counts (for the per-capita rule). */
export interface ContextInput {
  code: string
  /** Null when unknown: never counted as 0. */
  value: number | null
  populationYear: number | null
  populationKind: string | null
}

/** Populations of one year and one known kind (resident or household-registered). */
export interface PopulationGroup {
  year: number
  kind: string
  size: number
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

/** Which towns a figure ranks: those with a value and, for a per-capita figure, only those of the compared population group. */
export interface RankedTowns {
  /** Towns with a (finite) value. */
  known: (ContextInput & { value: number })[]
  /** Those ranked. */
  ranked: (ContextInput & { value: number })[]
  /** Rank of each ranked town. */
  rank: Map<string, number>
  /** Towns with a value left out of the ranking (a population of another year or kind). */
  excluded: Set<string>
  /** For a per-capita figure, the populations compared; null when no two towns share a year and kind. */
  group: PopulationGroup | null
}

/** The per-capita rule in one place: towns with another population keep their value but are left out of the ranking and the median. */
export function rankTowns(rows: readonly ContextInput[], perCapita: boolean, prefer?: { year: number | null; kind: string | null }): RankedTowns {
  const known = rows.filter((r): r is ContextInput & { value: number } => r.value !== null && Number.isFinite(r.value))
  const group = perCapita ? comparablePopulationGroup(known, prefer) : null
  const inGroup = (r: ContextInput) => !perCapita || (group !== null && r.populationYear === group.year && r.populationKind === group.kind)
  const ranked = known.filter(inGroup)
  return { known, ranked, rank: rankDescending(ranked), excluded: new Set(known.filter((r) => !inGroup(r)).map((r) => r.code)), group }
}
