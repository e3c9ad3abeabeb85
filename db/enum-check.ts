/**
 * For migrations that add (or remove) a value of an enum column: replaces the column's check constraint
 * with one listing exactly `values`. A migration spells the values out (migrations are frozen: it must
 * not read today's declarations), and tests/db/enum-drift.test.ts names any column whose constraint
 * differs from schema/enum-values.ts.
 *
 * @example
 * // db/migrations/2027_01_10_0900_arbitration_center.ts
 * export const up = (db: Kysely<any>) => replaceEnumCheck(db, 'service_point', 'kind', [...KINDS_BEFORE, 'ARBITRATION_CENTER'])
 * export const down = (db: Kysely<any>) => replaceEnumCheck(db, 'service_point', 'kind', KINDS_BEFORE)
 */
import { sql, type Kysely } from 'kysely'

const NAME = /^[a-z_][a-z0-9_]*$/

/** Drops every check constraint of `table` that lists values of `column` and adds one (`<table>_<column>_check`) listing `values`; null stays allowed where it was. */
export async function replaceEnumCheck<DB>(db: Kysely<DB>, table: string, column: string, values: readonly string[]): Promise<void> {
  if (!NAME.test(table) || !NAME.test(column)) throw new Error(`replaceEnumCheck: ${table}.${column} is not a plain table and column name`)
  if (values.length === 0) throw new Error(`replaceEnumCheck: ${table}.${column} needs at least one value`)
  const { rows } = await sql<{ name: string }>`
    select c.conname as name from pg_constraint c
     where c.conrelid = ${table}::regclass and c.contype = 'c'
       and pg_get_constraintdef(c.oid) ~ ${`\\m${column} = ANY`}`.execute(db)
  for (const { name } of rows) await sql`alter table ${sql.table(table)} drop constraint ${sql.id(name)}`.execute(db)
  const list = sql.join(values.map((v) => sql.lit(v)))
  await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_${column}_check`)} check (${sql.ref(column)} in (${list}))`.execute(db)
}
