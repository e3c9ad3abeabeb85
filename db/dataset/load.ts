/**
 * Loads a county's data package into the database, all or nothing, once.
 *
 * A package is a folder with a `datapackage.json` (see `db/data/xinzheng/`). Nothing here
 * knows any particular county: the county, its units and its plan all come from the package.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../database.ts'
import { DataPackage, DatasetError, type CsvRow } from './package.ts'
import { RESOURCE_FIELDS } from './schemas.ts'

export interface LoadResult {
  datasetId: string
  countyCode: string
  /** False when the package was already loaded (start-up is idempotent). */
  loaded: boolean
  /** True when it was loaded before but its files have changed since. */
  changedSinceLoad: boolean
  rowCounts: Record<string, number>
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
const list = (v: unknown): string[] => (v ? String(v).split('|').map((s) => s.trim()).filter(Boolean) : [])

/** Loads the package in `dir` unless a dataset with its name is already in the database. */
export async function loadDataPackage(db: Kysely<Database>, dir: string): Promise<LoadResult> {
  const pkg = new DataPackage(dir)
  const { name, county } = pkg.descriptor
  const existing = await db.selectFrom('dataset').select(['id', 'content_hash']).where('id', '=', name).executeTakeFirst()
  if (existing) {
    return {
      datasetId: name,
      countyCode: county.code,
      loaded: false,
      changedSinceLoad: existing.content_hash !== pkg.contentHash,
      rowCounts: {},
    }
  }

  const problems: string[] = []
  const read = (resource: string) => pkg.rows(resource, RESOURCE_FIELDS[resource], problems)
  const rows = {
    regions: read('regions'),
    regionNames: read('region-names'),
    seats: read('seats'),
    indicators: read('indicators'),
    indicatorValues: read('indicator-values'),
    giProducts: read('gi-products'),
    giProductRegions: read('gi-product-regions'),
    servicePoints: read('service-points'),
    departments: read('departments'),
    tasks: read('tasks'),
    taskDepartments: read('task-departments'),
  }
  const boundaries = pkg.geojson('boundaries', problems)
  // Cross-checks on values that failed their own checks would only repeat those problems.
  if (problems.length) throw new DatasetError(dir, problems)
  checkReferences(pkg, rows, problems)
  const boundaryByCode = readBoundaries(boundaries, problems)
  if (problems.length) throw new DatasetError(dir, problems)

  const rowCounts: Record<string, number> = {}
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('dataset')
      .values({
        id: name,
        county_code: county.code,
        title: pkg.descriptor.title,
        description: pkg.descriptor.description ?? null,
        licenses: JSON.stringify(pkg.descriptor.licenses ?? []),
        sources: JSON.stringify(pkg.descriptor.sources ?? []),
        descriptor: JSON.stringify(pkg.descriptor),
        content_hash: pkg.contentHash,
        loaded_from: dir,
      })
      .execute()

    const seatByCode = new Map(rows.seats.map((s) => [String(s.code), s]))
    const boundaryMeta = boundaries?.metadata ? `${pkg.resource('boundaries')!.path}: ${boundaries.metadata.title ?? ''}`.trim() : null
    for (const r of rows.regions) {
      const seat = seatByCode.get(String(r.code))
      const boundary = boundaryByCode.get(String(r.code))
      await tx
        .insertInto('region')
        .values({
          code: String(r.code),
          county_code: county.code,
          parent_code: str(r.parent_code),
          level: String(r.level),
          name_zh: String(r.name_zh),
          name_en: String(r.name_en),
          in_county_statistics: r.in_county_statistics !== false,
          administered_by_code: str(r.administered_by_code),
          administered_by_zh: str(r.administered_by_zh),
          administered_by_en: str(r.administered_by_en),
          population: r.population === null ? null : Number(r.population),
          population_year: r.population_year === null ? null : Number(r.population_year),
          population_kind: str(r.population_kind),
          population_source: str(r.population_source),
          population_note: str(r.population_note),
          boundary: boundary ? sql<string>`st_multi(st_setsrid(st_geomfromgeojson(${JSON.stringify(boundary.geometry)}), 4326))` : null,
          boundary_quality: boundary ? boundary.quality : 'NONE',
          boundary_source: boundary ? (boundary.method ?? boundaryMeta) : null,
          seat: seat ? sql<string>`st_setsrid(st_makepoint(${Number(seat.lng)}, ${Number(seat.lat)}), 4326)` : null,
          seat_quality: seat ? 'APPROXIMATE' : null,
          seat_source: seat ? [str(seat.source), str(seat.note)].filter(Boolean).join('; ') : null,
          source: String(r.source),
          note: str(r.note),
        })
        .execute()
    }
    rowCounts.regions = rows.regions.length

    for (const n of rows.regionNames) {
      await tx
        .insertInto('region_name')
        .values({
          region_code: String(n.region_code),
          name_zh: String(n.name_zh),
          name_en: String(n.name_en),
          level: String(n.level),
          valid_from: str(n.valid_from),
          valid_to: str(n.valid_to),
          source: String(n.source),
        })
        .execute()
    }
    rowCounts['region-names'] = rows.regionNames.length

    for (const [index, i] of rows.indicators.entries()) {
      await tx
        .insertInto('indicator')
        .values({
          county_code: county.code,
          code: String(i.code),
          position: i.position === null ? index + 1 : Number(i.position),
          name_zh: String(i.name_zh),
          name_en: String(i.name_en),
          unit: String(i.unit),
          display_unit: str(i.display_unit) ?? String(i.unit),
          display_factor: str(i.display_factor) ?? '1',
          category: String(i.category),
          nature: str(i.nature),
          accumulation: str(i.accumulation),
          comparator: str(i.comparator),
          plan_table_row: i.plan_table_row === null ? null : Number(i.plan_table_row),
          plan_annex_row: i.plan_annex_row === null ? null : Number(i.plan_annex_row),
          source: String(i.source),
          note: str(i.note),
        })
        .execute()
    }
    rowCounts.indicators = rows.indicators.length

    for (const v of rows.indicatorValues) {
      await tx
        .insertInto('indicator_value')
        .values({
          county_code: county.code,
          indicator_code: String(v.indicator_code),
          region_code: String(v.region_code),
          year: Number(v.year),
          kind: String(v.kind),
          value: String(v.value),
          value_max: str(v.value_max),
          source: String(v.source),
          note: str(v.note),
        })
        .execute()
    }
    rowCounts['indicator-values'] = rows.indicatorValues.length

    for (const g of rows.giProducts) {
      await tx
        .insertInto('gi_product')
        .values({
          county_code: county.code,
          code: String(g.code),
          name_zh: String(g.name_zh),
          name_en: String(g.name_en),
          category_zh: String(g.category_zh),
          category_en: String(g.category_en),
          status: String(g.status),
          origin_area: null,
          origin_area_quality: 'NONE',
          source: String(g.source),
          note: str(g.note),
        })
        .execute()
    }
    for (const gr of rows.giProductRegions) {
      await tx
        .insertInto('gi_product_region')
        .values({
          county_code: county.code,
          gi_code: String(gr.gi_code),
          region_code: String(gr.region_code),
          source: String(gr.source),
          note: str(gr.note),
        })
        .execute()
    }
    await deriveOriginAreas(tx, county.code)
    rowCounts['gi-products'] = rows.giProducts.length
    rowCounts['gi-product-regions'] = rows.giProductRegions.length

    for (const p of rows.servicePoints) {
      const located = p.lng !== null && p.lat !== null
      await tx
        .insertInto('service_point')
        .values({
          id: String(p.id),
          county_code: county.code,
          name_zh: String(p.name_zh),
          name_en: String(p.name_en),
          kind: String(p.kind),
          status: String(p.status),
          region_code: str(p.region_code),
          address: str(p.address),
          location: located ? sql<string>`st_setsrid(st_makepoint(${Number(p.lng)}, ${Number(p.lat)}), 4326)` : null,
          location_quality: String(p.location_quality),
          services: list(p.services),
          source: String(p.source),
          note: str(p.note),
        })
        .execute()
    }
    await deriveServicePointRegions(tx, county.code)
    rowCounts['service-points'] = rows.servicePoints.length

    for (const [position, d] of rows.departments.entries()) {
      await tx
        .insertInto('department')
        .values({
          county_code: county.code,
          code: String(d.code),
          position: position + 1,
          name_zh: String(d.name_zh),
          name_en: String(d.name_en),
          kind: String(d.kind),
          member_of: str(d.member_of),
          aliases: list(d.aliases),
          source: String(d.source),
          note: str(d.note),
        })
        .execute()
    }
    rowCounts.departments = rows.departments.length

    for (const [position, t] of rows.tasks.entries()) {
      await tx
        .insertInto('task')
        .values({
          county_code: county.code,
          code: String(t.code),
          position: position + 1,
          part: String(t.part),
          section_label: str(t.section_label),
          section_title: str(t.section_title),
          number: t.number === null ? null : Number(t.number),
          title: String(t.title),
          text: String(t.text),
          responsibility_as_written: str(t.responsibility_as_written),
          source: String(t.source),
        })
        .execute()
    }
    rowCounts.tasks = rows.tasks.length

    for (const [position, td] of rows.taskDepartments.entries()) {
      await tx
        .insertInto('task_department')
        .values({
          county_code: county.code,
          task_code: String(td.task_code),
          department_code: String(td.department_code),
          position: position + 1,
          as_written: String(td.as_written),
          source: String(td.source),
        })
        .execute()
    }
    rowCounts['task-departments'] = rows.taskDepartments.length

    await tx
      .insertInto('audit_log')
      .values({
        actor: `import:${dir}`,
        action: 'IMPORT',
        entity: 'dataset',
        entity_id: name,
        before: null,
        after: JSON.stringify({ contentHash: pkg.contentHash, rowCounts }),
      })
      .execute()
  })
  return { datasetId: name, countyCode: county.code, loaded: true, changedSinceLoad: false, rowCounts }
}

/** A GI product's origin area, where no official one is given: the union of its origin regions' boundaries (APPROXIMATE). */
async function deriveOriginAreas(tx: Transaction<Database>, countyCode: string): Promise<void> {
  await sql`
    update gi_product g
       set origin_area = u.area, origin_area_quality = 'APPROXIMATE'
      from (select gr.county_code, gr.gi_code, st_multi(st_union(r.boundary)) as area
              from gi_product_region gr join region r on r.code = gr.region_code
             where gr.county_code = ${countyCode} and r.boundary is not null
             group by gr.county_code, gr.gi_code) u
     where g.county_code = u.county_code and g.code = u.gi_code and g.origin_area is null`.execute(tx)
}

/** A located service point without a region gets the township-level unit whose boundary covers it. */
async function deriveServicePointRegions(tx: Transaction<Database>, countyCode: string): Promise<void> {
  await sql`
    update service_point p
       set region_code = r.code
      from region r
     where p.county_code = ${countyCode} and p.region_code is null and p.location is not null
       and r.county_code = ${countyCode} and r.level <> 'COUNTY' and st_covers(r.boundary, p.location)`.execute(tx)
}

interface Boundary {
  geometry: unknown
  quality: 'OFFICIAL' | 'APPROXIMATE'
  method: string | null
}

function readBoundaries(collection: any, problems: string[]): Map<string, Boundary> {
  const byCode = new Map<string, Boundary>()
  if (!collection) return byCode
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    problems.push('boundaries: not a GeoJSON FeatureCollection')
    return byCode
  }
  collection.features.forEach((f: any, i: number) => {
    const where = `boundaries feature ${i + 1}`
    const code = f?.properties?.code
    const type = f?.geometry?.type
    if (!code) problems.push(`${where}: properties.code is missing`)
    else if (type !== 'Polygon' && type !== 'MultiPolygon') problems.push(`${where} (${code}): geometry must be a Polygon or MultiPolygon, not ${type}`)
    else if (!['OFFICIAL', 'APPROXIMATE'].includes(f.properties.quality)) problems.push(`${where} (${code}): properties.quality must be OFFICIAL or APPROXIMATE`)
    else byCode.set(String(code), { geometry: f.geometry, quality: f.properties.quality, method: f.properties.method ?? null })
  })
  return byCode
}

function checkReferences(pkg: DataPackage, rows: Record<string, CsvRow[]>, problems: string[]): void {
  const file = (name: string) => pkg.resource(name)?.path ?? name
  const countyCode = pkg.descriptor.county.code
  const regions = new Set(rows.regions.map((r) => String(r.code)))
  const indicators = new Set(rows.indicators.map((r) => String(r.code)))
  const gis = new Set(rows.giProducts.map((r) => String(r.code)))
  const departments = new Set(rows.departments.map((r) => String(r.code)))
  const tasks = new Set(rows.tasks.map((r) => String(r.code)))
  const ref = (name: string, row: CsvRow, column: string, set: Set<string>, what: string) => {
    const value = row[column]
    if (value !== null && !set.has(String(value))) problems.push(`${file(name)} row ${row.__row}, column ${column}: no ${what} "${value}" in this package`)
  }
  if (!regions.has(countyCode)) problems.push(`${file('regions')}: the county ${countyCode} named in datapackage.json has no row`)
  const unique = (name: string, list: CsvRow[], key: (r: CsvRow) => string) => {
    const seen = new Set<string>()
    for (const r of list) {
      const k = key(r)
      if (seen.has(k)) problems.push(`${file(name)} row ${r.__row}: duplicate key ${k}`)
      seen.add(k)
    }
  }
  unique('regions', rows.regions, (r) => String(r.code))
  unique('indicators', rows.indicators, (r) => String(r.code))
  unique('indicator-values', rows.indicatorValues, (r) => `${r.indicator_code}/${r.region_code}/${r.year}/${r.kind}`)
  unique('service-points', rows.servicePoints, (r) => String(r.id))
  unique('departments', rows.departments, (r) => String(r.code))
  unique('tasks', rows.tasks, (r) => String(r.code))
  for (const r of rows.regions) ref('regions', r, 'parent_code', regions, 'region')
  for (const r of rows.regionNames) ref('region-names', r, 'region_code', regions, 'region')
  for (const r of rows.seats) ref('seats', r, 'code', regions, 'region')
  for (const r of rows.indicatorValues) {
    ref('indicator-values', r, 'indicator_code', indicators, 'indicator')
    ref('indicator-values', r, 'region_code', regions, 'region')
  }
  for (const r of rows.giProductRegions) {
    ref('gi-product-regions', r, 'gi_code', gis, 'GI product')
    ref('gi-product-regions', r, 'region_code', regions, 'region')
  }
  for (const r of rows.servicePoints) {
    ref('service-points', r, 'region_code', regions, 'region')
    if ((r.lng === null) !== (r.lat === null)) problems.push(`${file('service-points')} row ${r.__row}: give both lng and lat, or neither`)
    if ((r.lng === null) !== (r.location_quality === 'UNKNOWN'))
      problems.push(`${file('service-points')} row ${r.__row}, column location_quality: UNKNOWN exactly when there is no location`)
    for (const [column, min, max] of [['lng', -180, 180], ['lat', -90, 90]] as const) {
      const v = r[column]
      if (v !== null && !(Number(v) >= min && Number(v) <= max)) problems.push(`${file('service-points')} row ${r.__row}, column ${column}: ${v} is outside ${min}..${max}`)
    }
  }
  for (const r of rows.departments) ref('departments', r, 'member_of', departments, 'department')
  for (const r of rows.taskDepartments) {
    ref('task-departments', r, 'task_code', tasks, 'task')
    ref('task-departments', r, 'department_code', departments, 'department')
  }
}
