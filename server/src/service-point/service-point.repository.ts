import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { QueryTemplates } from '../../../db/query-template.ts'
import { asGeoJson } from '../../../db/spatial.ts'
import type { ServicePointKind, ServicePointStatus } from '../../../schema/enums.ts'
import type { ServicePoint } from '../../../schema/service-point.type.ts'
import { camelRow } from '../rows.ts'

const COLUMNS = [
  'id',
  'county_code',
  'name_zh',
  'name_en',
  'kind',
  'status',
  'region_code',
  'address',
  'location_quality',
  'services',
  'source',
  'source_zh',
  'note',
  'note_zh',
  'opening_hours',
  'contact',
] as const
type Column = (typeof COLUMNS)[number]

/** Fetched whatever is selected: cheap, and what field resolvers (name, region) need. */
const ALWAYS: readonly Column[] = ['id', 'county_code', 'name_zh', 'name_en', 'kind', 'status', 'region_code', 'location_quality']
const COLUMN_OF_FIELD: Partial<Record<string, Column>> = {
  address: 'address',
  services: 'services',
  source: 'source',
  sourceZh: 'source_zh',
  note: 'note',
  noteZh: 'note_zh',
  openingHours: 'opening_hours',
  contact: 'contact',
}

/** The opening date as YYYY-MM-DD text (a date column reads as a JavaScript Date otherwise), when asked for. */
const openedOn = sql<string | null>`to_char(opened_on, 'YYYY-MM-DD')`
const wantsOpenedOn = (fields: ServicePointFields) => !fields || fields.has('openedOn')

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
    .$if(wantsOpenedOn(fields), (q) => q.select(openedOn.as('opened_on')))
}

type Row = Awaited<ReturnType<ReturnType<typeof selectServicePoints>['execute']>>[number]

/** A row as the API's ServicePoint: without an English name, nameEn is the Chinese one (hasEnglishName false). */
function toServicePoint(r: Row & { opened_on?: string | null }): ServicePoint {
  return {
    ...camelRow(r),
    nameEn: r.name_en ?? r.name_zh,
    hasEnglishName: r.name_en !== null,
    openedOn: r.opened_on ?? null,
    location: r.location as object | null,
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

/** Where each of a filter's values goes among a template's values (see `QueryTemplates`). */
interface FilterSlots {
  values: unknown[]
  county: number
  kinds: number[]
  statuses: number[]
  region?: number
  bbox?: number[]
  /** Names everything in the filter that changes the SQL text. */
  shape: string
}

function filterSlots(filter: ServicePointFilter): FilterSlots {
  const values: unknown[] = []
  const slot = (value: unknown) => values.push(value) - 1
  const county = slot(filter.county)
  const kinds = (filter.kinds ?? []).map(slot)
  const statuses = (filter.statuses ?? []).map(slot)
  const region = filter.region ? slot(filter.region) : undefined
  const b = filter.bbox
  const bbox = b ? [b.minLng, b.minLat, b.maxLng, b.maxLat].map(slot) : undefined
  return { values, county, kinds, statuses, region, bbox, shape: `${kinds.length}/${statuses.length}/${region !== undefined}/${!!bbox}` }
}

function filtered(db: Kysely<Database>, slots: FilterSlots, v: <T>(i: number) => T) {
  let q = db.selectFrom('service_point').where('service_point.county_code', '=', v<string>(slots.county))
  if (slots.kinds.length)
    q = q.where(
      'kind',
      'in',
      slots.kinds.map((i) => v<ServicePointKind>(i)),
    )
  if (slots.statuses.length)
    q = q.where(
      'status',
      'in',
      slots.statuses.map((i) => v<ServicePointStatus>(i)),
    )
  if (slots.region !== undefined) {
    const region = v<string>(slots.region)
    // The boundary as a scalar subquery is computed once, so the GiST index on location serves ST_Covers.
    const boundary = sql`(select r.boundary from region r where r.code = ${region})`
    q = q.where((eb) =>
      eb.or([eb.and([eb('location', 'is', null), eb('region_code', '=', region)]), sql<boolean>`st_covers(${boundary}, service_point.location)`]),
    )
  }
  if (slots.bbox) {
    const [minLng, minLat, maxLng, maxLat] = slots.bbox.map((i) => v<number>(i))
    // For points, && with the box is exact containment (and uses the GiST index).
    q = q.where(sql<boolean>`location && st_makeenvelope(${minLng}, ${minLat}, ${maxLng}, ${maxLat}, 4326)`)
  }
  return q
}

/** The page and count queries, compiled once per shape of filter, page and selection. */
const templates = new QueryTemplates()

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
  const slots = filterSlots(filter)
  const pageValues = [...slots.values]
  const after = page.afterId ? pageValues.push(page.afterId) - 1 : undefined
  const limit = pageValues.push(page.first + 1) - 1
  const columns = columnsFor(options.fields)
  const location = !options.fields || options.fields.has('location')
  const count = !!options.totalCount
  const opened = wantsOpenedOn(options.fields)
  const shape = `sp-page:${slots.shape}/${after !== undefined}/${columns.join(',')}/${location}/${count}/${opened}`
  const rows = await templates.execute(db, shape, pageValues, (v) => {
    let q = filtered(db, slots, v)
      .select(columns)
      .$if(location, (q) => q.select(asGeoJson('location').as('location')))
      .$if(opened, (q) => q.select(openedOn.as('opened_on')))
      .$if(count, (q) => q.select(sql<number>`(count(*) over ())::int`.as('total_count')))
    if (after !== undefined) q = q.where('id', '>', v<string>(after))
    return q.orderBy('id').limit(v<number>(limit))
  })
  // The window count sees only rows after the cursor, and nothing on an empty page.
  const totalCount = !count
    ? undefined
    : !page.afterId && rows.length
      ? rows[0].total_count!
      : (await templates.execute(db, `sp-count:${slots.shape}`, slots.values, (v) => filtered(db, slots, v).select(sql<number>`count(*)::int`.as('n'))))[0].n
  return {
    points: rows.slice(0, page.first).map(toServicePoint),
    hasNextPage: rows.length > page.first,
    totalCount,
  }
}

/** Service points of the given regions (by recorded region), ordered by id. */
export async function listServicePointsOfRegions(db: Kysely<Database>, regionCodes: readonly string[]): Promise<ServicePoint[]> {
  if (!regionCodes.length) return []
  return (
    await selectServicePoints(db)
      .where('region_code', 'in', [...regionCodes])
      .orderBy('id')
      .execute()
  ).map(toServicePoint)
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
  const values: unknown[] = [query.county, query.lng, query.lat, query.limit + 10, query.limit]
  const kinds = (query.kinds ?? []).map((kind) => values.push(kind) - 1)
  const columns = columnsFor(fields)
  const location = !fields || fields.has('location')
  const opened = wantsOpenedOn(fields)
  const shape = `sp-nearest:${kinds.length}/${columns.join(',')}/${location}/${opened}`
  const rows = await templates.execute(db, shape, values, (v) => {
    const here = sql`st_setsrid(st_makepoint(${v(1)}::float8, ${v(2)}::float8), 4326)::geography`
    let candidates = db.selectFrom('service_point').select('id').where('county_code', '=', v<string>(0)).where('location', 'is not', null)
    if (kinds.length)
      candidates = candidates.where(
        'kind',
        'in',
        kinds.map((i) => v<ServicePointKind>(i)),
      )
    return db
      .selectFrom('service_point')
      .select(columns)
      .$if(location, (q) => q.select(asGeoJson('location').as('location')))
      .$if(opened, (q) => q.select(openedOn.as('opened_on')))
      .select(sql<number>`st_distance(location::geography, ${here})`.as('distance_meters'))
      .where('id', 'in', candidates.orderBy(sql`location::geography <-> ${here}`).limit(v<number>(3)))
      .orderBy('distance_meters')
      .orderBy('id')
      .limit(v<number>(4))
  })
  return rows.map((r) => ({ point: toServicePoint(r), distanceMeters: r.distance_meters }))
}

/** Service points by id, in no particular order; unknown ids are left out. */
export async function findServicePointsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<ServicePoint[]> {
  if (!ids.length) return []
  return (
    await selectServicePoints(db)
      .where('id', 'in', [...ids])
      .execute()
  ).map(toServicePoint)
}

/** One service point by id, or undefined. */
export async function getServicePoint(db: Kysely<Database>, id: string): Promise<ServicePoint | undefined> {
  const row = await selectServicePoints(db).where('id', '=', id).executeTakeFirst()
  return row && toServicePoint(row)
}
