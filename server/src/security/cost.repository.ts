/** The sizes the cost model prices work by: features and vertices of each map layer of a county. */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'

export interface LayerSize {
  features: number
  vertices: number
}

/** Features and vertices (ST_NPoints) of the REGIONS, SERVICE_POINTS and GI_PRODUCTS layers of `county`, in one statement. */
export async function layerSizes(db: Kysely<Database>, county: string): Promise<Record<'REGIONS' | 'SERVICE_POINTS' | 'GI_PRODUCTS', LayerSize>> {
  const { rows } = await sql<{ rf: number; rv: number; pf: number; gf: number; gv: number }>`
    select (select count(*)::int from region where boundary is not null and county_code = ${county} and level <> 'COUNTY') as rf,
           (select coalesce(sum(st_npoints(boundary)), 0)::int from region where boundary is not null and county_code = ${county} and level <> 'COUNTY') as rv,
           (select count(*)::int from service_point where location is not null and county_code = ${county}) as pf,
           (select count(*)::int from gi_product where origin_area is not null and county_code = ${county}) as gf,
           (select coalesce(sum(st_npoints(origin_area)), 0)::int from gi_product where origin_area is not null and county_code = ${county}) as gv`.execute(db)
  const r = rows[0]
  return {
    REGIONS: { features: r.rf, vertices: r.rv },
    SERVICE_POINTS: { features: r.pf, vertices: r.pf },
    GI_PRODUCTS: { features: r.gf, vertices: r.gv },
  }
}
