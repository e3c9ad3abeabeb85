import { sql, type Kysely } from 'kysely'

/** Nearest-neighbour search orders by geodesic distance: a GiST index on the points as geography. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index service_point_location_geog_gist on service_point using gist ((location::geography))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists service_point_location_geog_gist`.execute(db)
}
