import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'

export interface ComparisonRow {
  code: string
  population: number | null
  populationYear: number | null
  populationKind: string | null
  areaKm2: number | null
  countsByKind: Record<string, number>
  giProductCount: number
  coverageShare: number | null
  activeCoverageShare: number | null
}

/**
 * Figures for each region, in one statement whatever the number of regions: service points
 * (located inside the boundary, or unlocated and recorded there; for the county itself, every point of
 * the county, located or not), GI products, and the share of the area within `radiusMeters` of an
 * ACTIVE or PLANNED located point of the same county, and of an ACTIVE one only.
 */
export async function compareRegionFigures(db: Kysely<Database>, codes: readonly string[], radiusMeters: number): Promise<ComparisonRow[]> {
  const { rows } = await sql<{
    code: string
    population: number | null
    population_year: number | null
    population_kind: string | null
    area_km2: number | null
    counts: Record<string, number> | null
    gi: number
    share: number | null
    active_share: number | null
  }>`
    with r as (
      select code, county_code, population, population_year, population_kind, boundary, area_km2 from region where code in (${sql.join([...codes])})
    )
    select r.code, r.population, r.population_year, r.population_kind,
           r.area_km2,
           (select json_object_agg(k.kind, k.n) from (
              select p.kind, count(*)::int as n from service_point p
               where p.county_code = r.county_code
                 and (r.code = r.county_code or (p.location is null and p.region_code = r.code) or st_covers(r.boundary, p.location))
               group by p.kind) k) as counts,
           (select count(*)::int from gi_product_region g where g.region_code = r.code) as gi,
           case when r.boundary is null then null else coalesce((
             select st_area(st_intersection(r.boundary, st_union(st_buffer(p.location::geography, ${radiusMeters}::float8)::geometry))::geography)
                    / nullif(st_area(r.boundary::geography), 0)
               from service_point p
              where p.county_code = r.county_code and p.location is not null and p.status in ('ACTIVE', 'PLANNED')
                and st_dwithin(p.location::geography, r.boundary::geography, ${radiusMeters}::float8)
           ), 0) end as share,
           case when r.boundary is null then null else coalesce((
             select st_area(st_intersection(r.boundary, st_union(st_buffer(p.location::geography, ${radiusMeters}::float8)::geometry))::geography)
                    / nullif(st_area(r.boundary::geography), 0)
               from service_point p
              where p.county_code = r.county_code and p.location is not null and p.status = 'ACTIVE'
                and st_dwithin(p.location::geography, r.boundary::geography, ${radiusMeters}::float8)
           ), 0) end as active_share
      from r`.execute(db)
  return rows.map((r) => ({
    code: r.code,
    population: r.population,
    populationYear: r.population_year,
    populationKind: r.population_kind,
    areaKm2: r.area_km2,
    countsByKind: r.counts ?? {},
    giProductCount: r.gi,
    // Intersections computed in degrees can overshoot by a hair: a share is at most 1.
    coverageShare: r.share === null ? null : Math.min(1, r.share),
    activeCoverageShare: r.active_share === null ? null : Math.min(1, r.active_share),
  }))
}
