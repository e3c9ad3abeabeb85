import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import type { PackageDescriptor } from '../../../db/dataset/package.ts'
import type { Dataset } from '../../../schema/dataset.type.ts'

/** A licence and a source as the loader stores them (the package's JSON: optional fields may be absent). */
interface StoredLicense {
  name: string
  title?: string | null
  path?: string | null
  scope?: string | null
}
interface StoredSource {
  title: string
  description?: string | null
  path?: string | null
}

/** Loaded datasets with live row counts, ordered by when they were loaded. */
export async function listDatasets(db: Kysely<Database>): Promise<Dataset[]> {
  const rows = await db.selectFrom('dataset').selectAll().orderBy('created_at').orderBy('id').execute()
  const counts = await countRows(db)
  return rows.map((r) => {
    const descriptor = r.descriptor as PackageDescriptor
    const iso = (d: Date | string) => new Date(d).toISOString()
    return {
      id: r.id,
      countyCode: r.county_code,
      title: r.title,
      description: r.description,
      licenses: ((r.licenses as StoredLicense[] | null) ?? []).map((l) => ({
        name: l.name,
        title: l.title ?? null,
        path: l.path ?? null,
        scope: l.scope ?? null,
      })),
      sources: ((r.sources as StoredSource[] | null) ?? []).map((s) => ({ title: s.title, description: s.description ?? null, path: s.path ?? null })),
      resources: descriptor.resources.map((res) => ({
        name: res.name,
        title: res.title ?? null,
        format: res.format ?? 'csv',
        rowCount: res.format === 'geojson' ? null : (counts.get(`${r.county_code}/${res.name}`) ?? 0),
      })),
      created: iso(r.created_at),
      updated: iso(r.updated_at),
    }
  })
}

async function countRows(db: Kysely<Database>): Promise<Map<string, number>> {
  // region_name has no county column: count it through its region. Seats are regions with a seat point.
  const result = await sql<{ county_code: string; resource: string; n: number }>`
    select county_code, 'regions' as resource, count(*)::int as n from region group by county_code
    union all select county_code, 'seats', count(seat)::int from region group by county_code
    union all select r.county_code, 'region-names', count(*)::int from region_name n join region r on r.code = n.region_code group by r.county_code
    union all select county_code, 'indicators', count(*)::int from indicator group by county_code
    union all select county_code, 'indicator-values', count(*)::int from indicator_value group by county_code
    union all select county_code, 'indicator-relations', count(*)::int from indicator_relation group by county_code
    union all select county_code, 'gi-products', count(*)::int from gi_product group by county_code
    union all select county_code, 'gi-product-regions', count(*)::int from gi_product_region group by county_code
    union all select county_code, 'service-points', count(*)::int from service_point group by county_code
    union all select county_code, 'departments', count(*)::int from department group by county_code
    union all select county_code, 'tasks', count(*)::int from task group by county_code
    union all select county_code, 'task-departments', count(*)::int from task_department group by county_code
    union all select county_code, 'task-indicators', count(*)::int from task_indicator group by county_code
  `.execute(db)
  return new Map(result.rows.map((r) => [`${r.county_code}/${r.resource}`, r.n]))
}
