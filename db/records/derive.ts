/**
 * Values that follow from others, derived in one place for every writer: a service point's region
 * from its location, a GI product's approximate origin area from its origin regions' boundaries.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { writeAudit } from './audit.ts'
import { GEOMETRY_KEY } from './geometry.ts'
import type { Values } from './values.ts'

/**
 * Located points without a region get the township-level unit whose boundary covers them (the
 * lowest code where boundaries touch), all in one statement.
 */
export async function deriveRegions(db: Kysely<Database>, county: string, points: Values[]): Promise<void> {
  const todo = points.filter((v) => v.region_code === null && v.lng !== null && v.lat !== null && v.lng !== undefined && v.lat !== undefined)
  if (!todo.length) return
  const positions = JSON.stringify(todo.map((v, i) => ({ i, lng: Number(v.lng), lat: Number(v.lat) })))
  const { rows } = await sql<{ i: number; code: string | null }>`
    select p.i, (select r.code from region r
                  where r.county_code = ${county} and r.level <> 'COUNTY'
                    and st_covers(r.boundary, st_setsrid(st_makepoint(p.lng, p.lat), 4326))
                  order by r.code limit 1) as code
      from jsonb_to_recordset(${positions}::jsonb) as p(i int, lng float8, lat float8)`.execute(db)
  for (const { i, code } of rows) todo[i].region_code = code
}

/**
 * GI products without an official origin area take the union of their origin regions' boundaries
 * (APPROXIMATE), so they follow boundary and origin-region changes (`all`), or only those that have
 * none get one (`missing`); each change is audited unless `actor` is null (a package load, audited as a whole).
 */
export async function rederiveOriginAreas(tx: Kysely<Database>, county: string, actor: string | null, scope: 'all' | 'missing'): Promise<void> {
  const { rows } = await sql<{ code: string; old_quality: string; old_area: object | null; new_area: object | null }>`
    select g.code, g.origin_area_quality as old_quality,
           st_asgeojson(st_forcepolygonccw(g.origin_area), 6)::json as old_area,
           st_asgeojson(st_forcepolygonccw(d.area), 6)::json as new_area
      from gi_product g
      left join lateral (
        select st_multi(st_union(r.boundary)) as area
          from gi_product_region gr join region r on r.code = gr.region_code
         where gr.county_code = g.county_code and gr.gi_code = g.code and r.boundary is not null) d on true
     where g.county_code = ${county} and g.origin_area_quality in ('APPROXIMATE', 'NONE')
       and (${scope} = 'all' or g.origin_area is null)`.execute(tx)
  const changed = rows.filter((r) => JSON.stringify(r.old_area) !== JSON.stringify(r.new_area))
  if (!changed.length) return
  await sql`
    update gi_product g set origin_area = d.area, origin_area_quality = case when d.area is null then 'NONE' else 'APPROXIMATE' end
      from (select p.code, (select st_multi(st_union(r.boundary))
                              from gi_product_region gr join region r on r.code = gr.region_code
                             where gr.county_code = ${county} and gr.gi_code = p.code and r.boundary is not null) as area
              from unnest(string_to_array(${changed.map((r) => r.code).join(',')}, ',')) as p(code)) d
     where g.county_code = ${county} and g.code = d.code`.execute(tx)
  if (actor === null) return
  await writeAudit(
    tx,
    changed.map((r) => ({
      actor,
      action: 'UPDATE',
      entity: 'gi_product',
      entityId: r.code,
      before: { origin_area_quality: r.old_quality, [GEOMETRY_KEY]: r.old_area },
      after: { origin_area_quality: r.new_area ? 'APPROXIMATE' : 'NONE', [GEOMETRY_KEY]: r.new_area },
    })),
  )
}
