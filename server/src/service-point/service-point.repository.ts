import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { asGeoJson } from '../../../db/spatial.ts'
import type { LocationQuality, ServicePointKind, ServicePointStatus } from '../../../schema/enums.ts'
import type { ServicePoint } from '../../../schema/service-point.type.ts'

const COLUMNS = [
  'id', 'county_code', 'name_zh', 'name_en', 'kind', 'status', 'region_code', 'address',
  'location_quality', 'services', 'source', 'note',
] as const
type Column = (typeof COLUMNS)[number]

/** Fetched whatever is selected: cheap, and what field resolvers (name, region) need. */
const ALWAYS: readonly Column[] = ['id', 'county_code', 'name_zh', 'name_en', 'kind', 'status', 'region_code', 'location_quality']
const COLUMN_OF_FIELD: Partial<Record<string, Column>> = { address: 'address', services: 'services', source: 'source', note: 'note' }

/**
 * The GraphQL fields of `ServicePoint` a query selects (see `selectedFields`), so that only their
 * columns are read; undefined reads them all. Fields not fetched are left undefined.
 */
export type ServicePointFields = ReadonlySet<string> | undefined

function columnsFor(fields: ServicePointFields): Column[] {
  if (!fields) return [...COLUMNS]
  const columns = [...ALWAYS]
  for (const field of fields) {
    const column = COLUMN_OF_FIELD[field]
    if (column) columns.push(column)
  }
  return columns
}

function selectServicePoints(db: Kysely<Database>, fields?: ServicePointFields) {
  return db
    .selectFrom('service_point')
    .select(columnsFor(fields))
    .$if(!fields || fields.has('location'), (q) => q.select(asGeoJson('location').as('location')))
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
    location: r.location as object | null,
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

/**
 * One page of service points ordered by id, after `afterId`, and how many match in all (only when
 * `options.totalCount`; otherwise undefined).
 */
export async function listServicePointsPage(
  db: Kysely<Database>,
  filter: ServicePointFilter,
  page: { first: number; afterId?: string | null },
  options: { fields?: ServicePointFields; totalCount?: boolean } = {},
): Promise<{ points: ServicePoint[]; hasNextPage: boolean; totalCount: number | undefined }> {
  let q = filtered(db, filter)
    .select(columnsFor(options.fields))
    .$if(!options.fields || options.fields.has('location'), (q) => q.select(asGeoJson('location').as('location')))
    .$if(!!options.totalCount, (q) => q.select(sql<number>`(count(*) over ())::int`.as('total_count')))
  if (page.afterId) q = q.where('id', '>', page.afterId)
  const rows = await q.orderBy('id').limit(page.first + 1).execute()
  // The window count sees only rows after the cursor, and nothing on an empty page.
  const totalCount = !options.totalCount
    ? undefined
    : !page.afterId && rows.length
      ? rows[0].total_count!
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
  fields?: ServicePointFields,
): Promise<{ point: ServicePoint; distanceMeters: number }[]> {
  const here = sql`st_setsrid(st_makepoint(${query.lng}::float8, ${query.lat}::float8), 4326)::geography`
  let candidates = db
    .selectFrom('service_point')
    .select('id')
    .where('county_code', '=', query.county)
    .where('location', 'is not', null)
  if (query.kinds?.length) candidates = candidates.where('kind', 'in', query.kinds)
  const rows = await selectServicePoints(db, fields)
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
