import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { inCountyKeys, type CountyKey } from '../../../db/keys.ts'
import { asGeoJson } from '../../../db/spatial.ts'
import type { GIProduct } from '../../../schema/gi-product.type.ts'

const columns = [
  'g.county_code',
  'g.code',
  'g.name_zh',
  'g.name_en',
  'g.category_zh',
  'g.category_en',
  'g.status',
  'g.origin_area_quality',
  'g.source',
  'g.note',
  'g.note_zh',
] as const

function toGIProduct(r: Pick<Selectable<Database['gi_product']>, (typeof columns)[number] extends `g.${infer C}` ? C : never>): GIProduct {
  return {
    countyCode: r.county_code,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    categoryZh: r.category_zh,
    categoryEn: r.category_en,
    status: r.status,
    originAreaQuality: r.origin_area_quality,
    source: r.source,
    note: r.note,
    noteZh: r.note_zh,
  }
}

/** A county's GI products, ordered by code. */
export async function listGIProducts(db: Kysely<Database>, county: string): Promise<GIProduct[]> {
  const rows = await db.selectFrom('gi_product as g').select(columns).where('g.county_code', '=', county).orderBy('g.code').execute()
  return rows.map(toGIProduct)
}

/** GI products whose origin includes each of the given regions, ordered by code. */
export async function listGIProductsOfRegions(db: Kysely<Database>, regionCodes: readonly string[]): Promise<(GIProduct & { regionCode: string })[]> {
  if (!regionCodes.length) return []
  const rows = await db
    .selectFrom('gi_product as g')
    .innerJoin('gi_product_region as gr', (j) => j.onRef('gr.county_code', '=', 'g.county_code').onRef('gr.gi_code', '=', 'g.code'))
    .select(columns)
    .select('gr.region_code')
    .where('gr.region_code', 'in', [...regionCodes])
    .orderBy('g.code')
    .execute()
  return rows.map((r) => ({ ...toGIProduct(r), regionCode: r.region_code }))
}

/** Origin region codes of the given GI products, keyed `county/code`. */
export async function listOriginRegionCodes(db: Kysely<Database>, keys: readonly CountyKey[]): Promise<{ key: string; regionCode: string }[]> {
  if (!keys.length) return []
  const rows = await db
    .selectFrom('gi_product_region')
    .select(['county_code', 'gi_code', 'region_code'])
    .where(inCountyKeys('county_code', 'gi_code', keys))
    .orderBy('region_code')
    .execute()
  return rows.map((r) => ({ key: `${r.county_code}/${r.gi_code}`, regionCode: r.region_code }))
}

/** Origin areas as GeoJSON, keyed `county/code`. */
export async function listOriginAreas(db: Kysely<Database>, keys: readonly CountyKey[]): Promise<Map<string, object | null>> {
  if (!keys.length) return new Map()
  const rows = await db
    .selectFrom('gi_product')
    .select(['county_code', 'code'])
    .select(asGeoJson('origin_area').as('area'))
    .where(inCountyKeys('county_code', 'code', keys))
    .execute()
  return new Map(rows.map((r) => [`${r.county_code}/${r.code}`, r.area]))
}
