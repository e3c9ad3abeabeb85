import { sql, type Kysely } from 'kysely'

/** A region's geodesic area, kept with its boundary (computed once per write, not on every read). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table region add column area_km2 double precision
            generated always as (round((st_area(boundary::geography) / 1e6)::numeric, 3)::float8) stored`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table region drop column area_km2`.execute(db)
}
