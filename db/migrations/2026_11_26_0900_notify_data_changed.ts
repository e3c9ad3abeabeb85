import { sql, type Kysely } from 'kysely'

const TABLES = [
  'dataset',
  'region',
  'region_name',
  'indicator',
  'indicator_value',
  'gi_product',
  'gi_product_region',
  'service_point',
  'department',
  'task',
  'task_department',
]

/**
 * Every committed write to a data table, through any path (API, importer, psql), sends a
 * NOTIFY on `ip_data_changed` with the table's name: servers drop their response caches on it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function notify_data_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('ip_data_changed', tg_table_name);
      return null;
    end $$`.execute(db)
  for (const table of TABLES) {
    await sql`create trigger ${sql.id(`${table}_notify_changed`)} after insert or update or delete or truncate on ${sql.table(table)}
              for each statement execute function notify_data_changed()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await sql`drop trigger if exists ${sql.id(`${table}_notify_changed`)} on ${sql.table(table)}`.execute(db)
  await sql`drop function if exists notify_data_changed()`.execute(db)
}
