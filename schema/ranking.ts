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
