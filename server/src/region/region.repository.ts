import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { asGeoJson, metresToDegrees } from '../../../db/spatial.ts'
import type { RegionLevel } from '../../../schema/enums.ts'
import type { Region, RegionName } from '../../../schema/region.type.ts'
import { camelRow } from '../rows.ts'

function selectRegions(db: Kysely<Database>) {
  return db
    .selectFrom('region')
    .select([
      'code',
      'county_code',
      'parent_code',
      'level',
      'name_zh',
      'name_en',
      'in_county_statistics',
      'administered_by_code',
      'population',
      'population_year',
      'population_kind',
      'population_source',
      'population_source_zh',
      'population_note',
      'population_note_zh',
      'boundary_quality',
      'boundary_source',
      'seat_quality',
      'seat_source',
      'seat_source_zh',
      'seat_note_zh',
      'source',
      'source_zh',
      'note',
      'note_zh',
      'area_km2',
    ])
    .select(asGeoJson('seat').as('seat'))
}

type RegionRow = Awaited<ReturnType<ReturnType<typeof selectRegions>['execute']>>[number]

function toRegion(r: RegionRow): Region {
  return camelRow(r)
}

async function run(q: { execute(): Promise<RegionRow[]> }): Promise<Region[]> {
  return (await q.execute()).map(toRegion)
}

export interface RegionFilter {
  county: string
  levels?: RegionLevel[] | null
  /** Also return units inside the county's outline that are administered elsewhere. */
  includeAdministeredElsewhere?: boolean
}

/** The county's township-level units, ordered by code. */
export async function listRegions(db: Kysely<Database>, filter: RegionFilter): Promise<Region[]> {
  let q = selectRegions(db).where((eb) =>
    filter.includeAdministeredElsewhere
      ? eb.or([eb('parent_code', '=', filter.county), eb.and([eb('county_code', '=', filter.county), eb('administered_by_code', 'is not', null)])])
      : eb('parent_code', '=', filter.county),
  )
  if (filter.levels?.length) q = q.where('level', 'in', filter.levels)
  return run(q.orderBy('code'))
}

/** Regions by code, in no particular order; unknown codes are left out. */
export async function findRegionsByCodes(db: Kysely<Database>, codes: readonly string[]): Promise<Region[]> {
  if (!codes.length) return []
  return run(selectRegions(db).where('code', 'in', [...codes]))
}

/** Children of the given parents, ordered by code. */
export async function listChildrenOf(db: Kysely<Database>, parentCodes: readonly string[]): Promise<Region[]> {
  if (!parentCodes.length) return []
  return run(
    selectRegions(db)
      .where('parent_code', 'in', [...parentCodes])
      .orderBy('code'),
  )
}

/** Region boundaries as GeoJSON, optionally simplified for display; one query for all codes. */
export async function listBoundaries(db: Kysely<Database>, codes: readonly string[], simplifyMeters: number): Promise<Map<string, object | null>> {
  const rows = await db
    .selectFrom('region')
    .select('code')
    .select(asGeoJson('boundary', simplifyMeters > 0 ? metresToDegrees(simplifyMeters) : undefined).as('boundary'))
    .where('code', 'in', [...codes])
    .execute()
  return new Map(rows.map((r) => [r.code, r.boundary]))
}

/** Names regions have had, oldest first. */
export async function listRegionNames(db: Kysely<Database>, codes: readonly string[]): Promise<(RegionName & { regionCode: string })[]> {
  if (!codes.length) return []
  const rows = await db
    .selectFrom('region_name')
    .select(['region_code', 'name_zh', 'name_en', 'level', 'source', 'source_zh'])
    // As text: drivers would turn a date into a time-zone-dependent Date.
    .select([sql<string | null>`valid_from::text`.as('valid_from'), sql<string | null>`valid_to::text`.as('valid_to')])
    .where('region_code', 'in', [...codes])
    .orderBy('region_code')
    .orderBy('valid_from', (ob) => ob.asc().nullsFirst())
    .execute()
  return rows.map((r) => ({
    regionCode: r.region_code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    level: r.level,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    source: r.source,
    sourceZh: r.source_zh,
  }))
}
