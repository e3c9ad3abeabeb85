import { sql, type Kysely } from 'kysely'

/**
 * Data notes in both languages. Each table with a data note gets its Chinese twin beside it
 * (`note_zh`, `population_note_zh`, and `seat_note_zh` for a region's seat, whose English note is
 * carried by `seat_source`); the existing `note` columns hold the English note. Null where a
 * note has no Chinese version (the web then shows the English one, marked as English). An empty
 * string is refused: none is null.
 */
const COLUMNS: [table: string, column: string][] = [
  ['region', 'note_zh'],
  ['region', 'population_note_zh'],
  ['region', 'seat_note_zh'],
  ['indicator', 'note_zh'],
  ['indicator_value', 'note_zh'],
  ['gi_product', 'note_zh'],
  ['gi_product_region', 'note_zh'],
  ['service_point', 'note_zh'],
  ['department', 'note_zh'],
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, column] of COLUMNS) {
    await sql`alter table ${sql.table(table)} add column ${sql.ref(column)} text check (${sql.ref(column)} <> '')`.execute(db)
    const english = column === 'seat_note_zh' ? 'the seat note carried by seat_source' : column.replace(/_zh$/, '')
    await sql`comment on column ${sql.ref(`${table}.${column}`)} is ${sql.lit(`Chinese version of ${english} (which is English); null when none`)}`.execute(db)
  }
  for (const table of new Set(COLUMNS.map(([t]) => t))) {
    const english = table === 'region' ? ['note', 'population_note'] : ['note']
    for (const column of english) await sql`comment on column ${sql.ref(`${table}.${column}`)} is ${sql.lit('Data note in English')}`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, column] of [...COLUMNS].reverse()) {
    await sql`alter table ${sql.table(table)} drop column if exists ${sql.ref(column)}`.execute(db)
  }
  for (const table of new Set(COLUMNS.map(([t]) => t))) {
    const english = table === 'region' ? ['note', 'population_note'] : ['note']
    for (const column of english) await sql`comment on column ${sql.ref(`${table}.${column}`)} is null`.execute(db)
  }
}
