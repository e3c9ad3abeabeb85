import { sql, type Kysely } from 'kysely'

/**
 * Sources in both languages. `source` (and `population_source`, `seat_source`) stays the source as
 * written, its locators and remarks in English ("附件2 row 8 (2024年)", "(secondary)"); each table
 * whose sources carry English gets a Chinese twin beside it (`source_zh`, `population_source_zh`,
 * `seat_source_zh`). Null where the source is Chinese already (the web then shows `source`). An
 * empty string is refused: none is null.
 */
const COLUMNS: [table: string, column: string][] = [
  ['region', 'source_zh'],
  ['region', 'population_source_zh'],
  ['region', 'seat_source_zh'],
  ['region_name', 'source_zh'],
  ['indicator', 'source_zh'],
  ['indicator_value', 'source_zh'],
  ['indicator_relation', 'source_zh'],
  ['gi_product_region', 'source_zh'],
  ['service_point', 'source_zh'],
  ['task', 'source_zh'],
  ['task_indicator', 'source_zh'],
]

const english = (column: string) => column.replace(/_zh$/, '')

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, column] of COLUMNS) {
    await sql`alter table ${sql.table(table)} add column ${sql.ref(column)} text check (${sql.ref(column)} <> '')`.execute(db)
    await sql`comment on column ${sql.ref(`${table}.${column}`)} is ${sql.lit(`Chinese version of ${english(column)} (locators and remarks in Chinese); null when ${english(column)} is Chinese already`)}`.execute(
      db,
    )
    await sql`comment on column ${sql.ref(`${table}.${english(column)}`)} is ${sql.lit('Source as written (locators and remarks in English)')}`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, column] of [...COLUMNS].reverse()) {
    await sql`alter table ${sql.table(table)} drop column if exists ${sql.ref(column)}`.execute(db)
    await sql`comment on column ${sql.ref(`${table}.${english(column)}`)} is null`.execute(db)
  }
}
