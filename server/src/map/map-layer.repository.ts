/**
 * Map layers as GeoJSON FeatureCollections built entirely in SQL (ST_AsGeoJSON, json_agg):
 * one statement per layer, coordinates at 6 decimals, polygons wound by the right-hand rule.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { metresToDegrees, simplifiedPolygons } from '../../../db/spatial.ts'

function geometry(column: RawBuilder<unknown>, simplifyMeters: number): RawBuilder<unknown> {
  const g = simplifyMeters > 0 ? simplifiedPolygons(column, metresToDegrees(simplifyMeters)) : column
  return sql`st_asgeojson(st_forcepolygonccw(${g}), 6)::json`
}

/** A layer's parts: each row's Feature id, geometry (GeoJSON) and properties (json_build_object's arguments), and the rows (`from …`). */
interface LayerParts {
  id: RawBuilder<unknown>
  geometry: RawBuilder<unknown>
  properties: RawBuilder<unknown>
  from: RawBuilder<unknown>
}

/** The FeatureCollection of a layer's rows, sorted by id. */
function layer(db: Kysely<Database>, maxFeatures: number | null | undefined, { id, geometry, properties, from }: LayerParts): Promise<object> {
  const feature = sql`json_build_object('type', 'Feature', 'id', ${id}, 'geometry', ${geometry}, 'properties', json_build_object(${properties}))`
  return collection(db, sql`select ${id} as key, ${feature} as feature from ${from}`, maxFeatures)
}

/** The properties every named record's feature starts with: its key column under that name, and its names in both languages (the Chinese where there is no English). */
function identity(alias: string, key: string): RawBuilder<unknown> {
  return sql`${sql.lit(key)}, ${sql.ref(`${alias}.${key}`)}, 'nameZh', ${sql.ref(`${alias}.name_zh`)}, 'nameEn', coalesce(${sql.ref(`${alias}.name_en`)}, ${sql.ref(`${alias}.name_zh`)})`
}

/**
 * The FeatureCollection of `features` (rows of key, feature). With `maxFeatures`, the features are
 * counted first (PostgreSQL pulls the subquery up, so no feature is built for the count): above the
 * limit the collection comes back without features, and either way it carries OGC API – Features'
 * `numberMatched` and `numberReturned`, so a client can switch to vector tiles (/tiles).
 */
async function collection(db: Kysely<Database>, features: RawBuilder<unknown>, maxFeatures?: number | null): Promise<object> {
  let matched: number | undefined
  if (maxFeatures != null) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from (${features}) f`.execute(db)
    matched = rows[0].n
    if (matched > maxFeatures) return { type: 'FeatureCollection', features: [], numberMatched: matched, numberReturned: 0 }
  }
  const { rows } = await sql<{ fc: object }>`
    select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f.feature order by f.key), '[]'::json)) as fc
      from (${features}) f`.execute(db)
  return matched === undefined ? rows[0].fc : { ...rows[0].fc, numberMatched: matched, numberReturned: matched }
}

/** Which features a layer holds: the county's, or only `region`'s; polygons simplified by `simplifyMeters`; none past `maxFeatures` (only the count). */
export interface LayerQuery {
  county: string
  region?: string | null
  simplifyMeters?: number
  maxFeatures?: number | null
}

/** Township-level units of the county (and the cells administered elsewhere), with the figures a choropleth needs. */
export function regionsLayer(db: Kysely<Database>, { county, region, simplifyMeters = 0, maxFeatures }: LayerQuery): Promise<object> {
  return layer(db, maxFeatures, {
    id: sql`r.code`,
    geometry: geometry(sql`r.boundary`, simplifyMeters),
    properties: sql`${identity('r', 'code')}, 'level', r.level, 'inCountyStatistics', r.in_county_statistics,
      'administeredByZh', r.administered_by_zh, 'administeredByEn', r.administered_by_en,
      'boundaryQuality', r.boundary_quality, 'population', r.population, 'populationYear', r.population_year,
      'areaKm2', r.area_km2,
      'servicePointCount', (select count(*) from service_point p
         where p.county_code = r.county_code
           and ((p.location is null and p.region_code = r.code) or st_covers(r.boundary, p.location))),
      'giProductCount', (select count(*) from gi_product_region g where g.region_code = r.code),
      'seat', st_asgeojson(r.seat, 6)::json`,
    from: sql`region r
      where r.boundary is not null and r.county_code = ${county} and r.level <> 'COUNTY'
        ${region ? sql`and r.code = ${region}` : sql``}`,
  })
}

/** Located service points of the county (inside `region`'s boundary when given). */
export function servicePointsLayer(db: Kysely<Database>, { county, region, maxFeatures }: LayerQuery): Promise<object> {
  return layer(db, maxFeatures, {
    id: sql`p.id`,
    geometry: sql`st_asgeojson(p.location, 6)::json`,
    properties: sql`${identity('p', 'id')}, 'kind', p.kind, 'status', p.status, 'locationQuality', p.location_quality,
      'regionCode', p.region_code, 'address', p.address, 'services', to_json(p.services), 'source', p.source, 'sourceZh', p.source_zh`,
    from: sql`service_point p
      where p.location is not null and p.county_code = ${county}
        ${region ? sql`and exists (select 1 from region r where r.code = ${region} and st_covers(r.boundary, p.location))` : sql``}`,
  })
}

/** GI products' origin areas (those that have one), optionally only those whose origin includes `region`. */
export function giProductsLayer(db: Kysely<Database>, { county, region, simplifyMeters = 0, maxFeatures }: LayerQuery): Promise<object> {
  return layer(db, maxFeatures, {
    id: sql`g.code`,
    geometry: geometry(sql`g.origin_area`, simplifyMeters),
    properties: sql`${identity('g', 'code')}, 'status', g.status, 'categoryZh', g.category_zh, 'categoryEn', g.category_en,
      'originAreaQuality', g.origin_area_quality,
      'originRegionCodes', (select coalesce(json_agg(gr.region_code order by gr.region_code), '[]'::json)
                              from gi_product_region gr where gr.county_code = g.county_code and gr.gi_code = g.code)`,
    from: sql`gi_product g
      where g.origin_area is not null and g.county_code = ${county}
        ${region ? sql`and exists (select 1 from gi_product_region gr where gr.county_code = g.county_code and gr.gi_code = g.code and gr.region_code = ${region})` : sql``}`,
  })
}
