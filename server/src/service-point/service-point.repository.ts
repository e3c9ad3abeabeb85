import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { asGeoJson } from '../../../db/spatial.ts'
import type { LocationQuality, ServicePointKind, ServicePointStatus } from '../../../schema/enums.ts'
import type { ServicePoint } from '../../../schema/service-point.type.ts'

function selectServicePoints(db: Kysely<Database>) {
  return db
    .selectFrom('service_point')
    .select([
      'id', 'county_code', 'name_zh', 'name_en', 'kind', 'status', 'region_code', 'address',
      'location_quality', 'services', 'source', 'note',
    ])
    .select(asGeoJson('location').as('location'))
}

type Row = Awaited<ReturnType<ReturnType<typeof selectServicePoints>['execute']>>[number]

function toServicePoint(r: Row): ServicePoint {
  return {
    id: r.id,
    countyCode: r.county_code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    kind: r.kind as ServicePointKind,
    status: r.status as ServicePointStatus,
    regionCode: r.region_code,
    address: r.address,
    location: r.location,
    locationQuality: r.location_quality as LocationQuality,
    services: r.services,
    source: r.source,
    note: r.note,
  }
}

export interface ServicePointFilter {
  county: string
  kinds?: ServicePointKind[] | null
  statuses?: ServicePointStatus[] | null
  /** Points located inside this region's boundary (ST_Covers), and points without a location recorded in it. */
  region?: string | null
  /** Points located inside this WGS84 box. */
  bbox?: Bbox | null
}

/** West, south, east, north in WGS84 degrees. */
export interface Bbox {
  minLng: number
  minLat: number
  maxLng: number
  maxLat: number
}

function filtered(db: Kysely<Database>, filter: ServicePointFilter) {
  let q = db.selectFrom('service_point').where('service_point.county_code', '=', filter.county)
  if (filter.kinds?.length) q = q.where('kind', 'in', filter.kinds)
  if (filter.statuses?.length) q = q.where('status', 'in', filter.statuses)
  if (filter.region) {
    const region = filter.region
    // The boundary as a scalar subquery is computed once, so the GiST index on location serves ST_Covers.
    const boundary = sql`(select r.boundary from region r where r.code = ${region})`
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('location', 'is', null), eb('region_code', '=', region)]),
        sql<boolean>`st_covers(${boundary}, service_point.location)`,
      ]),
    )
  }
  if (filter.bbox) {
    const b = filter.bbox
    // For points, && with the box is exact containment (and uses the GiST index).
    q = q.where(sql<boolean>`location && st_makeenvelope(${b.minLng}, ${b.minLat}, ${b.maxLng}, ${b.maxLat}, 4326)`)
  }
  return q
}

/** One page of service points ordered by id, after `afterId`, and how many match in all. */
export async function listServicePointsPage(
  db: Kysely<Database>,
  filter: ServicePointFilter,
  page: { first: number; afterId?: string | null },
): Promise<{ points: ServicePoint[]; hasNextPage: boolean; totalCount: number }> {
  let q = filtered(db, filter)
    .select([
      'id', 'county_code', 'name_zh', 'name_en', 'kind', 'status', 'region_code', 'address',
      'location_quality', 'services', 'source', 'note',
    ])
    .select(asGeoJson('location').as('location'))
    .select(sql<number>`(count(*) over ())::int`.as('total_count'))
  if (page.afterId) q = q.where('id', '>', page.afterId)
  const rows = await q.orderBy('id').limit(page.first + 1).execute()
  // The window count sees only rows after the cursor, and nothing on an empty page.
  const totalCount =
    !page.afterId && rows.length
      ? rows[0].total_count
      : (await filtered(db, filter).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n
  return {
    points: rows.slice(0, page.first).map(toServicePoint),
    hasNextPage: rows.length > page.first,
    totalCount,
  }
}

/** Service points of the given regions (by recorded region), ordered by id. */
export async function listServicePointsOfRegions(
  db: Kysely<Database>,
  regionCodes: readonly string[],
): Promise<ServicePoint[]> {
  if (!regionCodes.length) return []
  return (await selectServicePoints(db).where('region_code', 'in', [...regionCodes]).orderBy('id').execute()).map(toServicePoint)
}

/**
 * The `limit` located points nearest to (lng, lat), nearest first, with geodesic distances in metres.
 * Candidates come from the GiST index on geography (KNN `<->`, spherical), then are ordered by the
 * exact distance on the WGS84 spheroid.
 */
export async function listNearestServicePoints(
  db: Kysely<Database>,
  query: { county: string; lng: number; lat: number; kinds?: ServicePointKind[] | null; limit: number },
): Promise<{ point: ServicePoint; distanceMeters: number }[]> {
  const here = sql`st_setsrid(st_makepoint(${query.lng}::float8, ${query.lat}::float8), 4326)::geography`
  let candidates = db
    .selectFrom('service_point')
    .select('id')
    .where('county_code', '=', query.county)
    .where('location', 'is not', null)
  if (query.kinds?.length) candidates = candidates.where('kind', 'in', query.kinds)
  const rows = await selectServicePoints(db)
    .select(sql<number>`st_distance(location::geography, ${here})`.as('distance_meters'))
    .where(
      'id',
      'in',
      candidates.orderBy(sql`location::geography <-> ${here}`).limit(query.limit + 10),
    )
    .orderBy('distance_meters')
    .orderBy('id')
    .limit(query.limit)
    .execute()
  return rows.map((r) => ({ point: toServicePoint(r), distanceMeters: r.distance_meters }))
}

/** Service points by id, in no particular order; unknown ids are left out. */
export async function findServicePointsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<ServicePoint[]> {
  if (!ids.length) return []
  return (await selectServicePoints(db).where('id', 'in', [...ids]).execute()).map(toServicePoint)
}

/** One service point by id, or undefined. */
export async function getServicePoint(db: Kysely<Database>, id: string): Promise<ServicePoint | undefined> {
  const row = await selectServicePoints(db).where('id', '=', id).executeTakeFirst()
  return row && toServicePoint(row)
}
