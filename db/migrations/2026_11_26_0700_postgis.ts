import { sql, type Kysely } from 'kysely'

/** PostGIS first: every later table has geometry columns. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists postgis`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop extension if exists postgis`.execute(db)
}
