/**
 * Database rows as API objects: a row's snake_case columns read as the camelCase fields of the
 * schema's types (`name_zh` → `nameZh`), so a repository maps a row in one call and a new column
 * needs no hand-written line (the type follows the row's, and the schema type checks it).
 */

/** `name_zh` → `nameZh`. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S

/** A row with its column names in camelCase. */
export type CamelRow<R> = { [K in keyof R as K extends string ? CamelCase<K> : K]: R[K] }

/** Column names seen so far and their camelCase: the tables' columns and the queries' aliases (kept up to 2,000). */
const camelNames = new Map<string, string>()
const camelName = (column: string): string => {
  let name = camelNames.get(column)
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
    if (camelNames.size < 2000) camelNames.set(column, name)
  }
  return name
}

/** The row with camelCase names, the values as they are. */
export function camelRow<R extends object>(row: R): CamelRow<R> {
  const out: Record<string, unknown> = {}
  for (const column in row) out[camelName(column)] = row[column as keyof R]
  return out as CamelRow<R>
}
