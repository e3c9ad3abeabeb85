/** SQL helpers for entities keyed within a county (indicators, tasks, departments, GI products). */
import { sql, type RawBuilder } from 'kysely'

export interface CountyKey {
  countyCode: string
  code: string
}

/** `(county column, code column) in ((…), (…))` for the given keys; values go in as parameters. */
export function inCountyKeys(countyColumn: string, codeColumn: string, keys: readonly CountyKey[]): RawBuilder<boolean> {
  const tuples = keys.map((k) => sql`(${k.countyCode}, ${k.code})`)
  return sql<boolean>`(${sql.ref(countyColumn)}, ${sql.ref(codeColumn)}) in (${sql.join(tuples)})`
}
