/**
 * The tables of the open data, as resources with the shapes of the data package's files:
 * how to list a county's records (for downloads and for comparing with imports) and how to
 * write one (for the importer and the editing API alike). Field rules are `RESOURCE_FIELDS`.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { ValueKind } from '../../schema/enum-values.ts'
import type { Database } from '../database.ts'
import type { FieldSchema } from '../dataset/package.ts'
import { RESOURCE_FIELDS } from '../dataset/schemas.ts'
import { asGeoJson } from '../spatial.ts'
import { canonicalCell, type Cell, type Values } from './values.ts'

/** A record as the files carry it, with its key (`a/b` for composite keys). */
export interface StoredRecord {
  key: string
  values: Values
  /** Area resources: the GeoJSON geometry (WGS84, ≤ 6 decimals, right-hand rule), or null; undefined when not read or not given. */
  geometry?: object | null
}

export type Spatial =
  | { kind: 'point' }
  | {
      kind: 'area'
      /** The field holding OFFICIAL / APPROXIMATE / NONE. */
      qualityField: string
      /** A record must have a geometry (region boundaries). */
      required: boolean
    }

export interface Resource {
  /** As in the data package and the URLs: `service-points`. */
  name: string
  title: string
  /** What the audit log calls it (the table). */
  entity: string
  fields: FieldSchema[]
  /** Fields the database computes: downloaded, ignored on import. */
  readOnly: string[]
  key: string[]
  /** The record is columns of an existing region (a seat, a boundary): it is never inserted, only updated. */
  partOfRegion?: boolean
  /** Keys unique across counties (region codes, service point ids). */
  globalKey?: boolean
  spatial?: Spatial
  /** Puts equivalent spellings of a record into one form before it is compared (e.g. a seat's F/E status). */
  normalize?(values: Values): void
  list(db: Kysely<Database>, county: string, options?: { geometry?: boolean }): Promise<StoredRecord[]>
  save(tx: Kysely<Database>, county: string, record: StoredRecord, existing: StoredRecord | undefined): Promise<void>
  remove?(tx: Kysely<Database>, county: string, record: StoredRecord): Promise<void>
}

// ---------------------------------------------------------------------------------------------

const text = (v: Cell): string => v ?? ''
const nullable = (v: Cell | undefined): string | null => (v === undefined ? null : v)
const int = (v: Cell | undefined): number | null => (v === null || v === undefined ? null : Number(v))
const list = (v: Cell | undefined): string[] => (v ? v.split('|') : [])

/** The key of a record from its values: the key fields' cells joined by `/`. */
export function keyOf(resource: Pick<Resource, 'key'>, values: Values): string {
  return resource.key.map((k) => values[k] ?? '').join('/')
}

async function listRows(
  db: Kysely<Database>,
  resource: Pick<Resource, 'key' | 'fields'>,
  query: RawBuilder<Record<string, unknown>>,
  geometry = false,
): Promise<StoredRecord[]> {
  const { rows } = await query.execute(db)
  return rows.map((row) => {
    const values: Values = {}
    for (const field of resource.fields) values[field.name] = canonicalCell(field, row[field.name])
    const record: StoredRecord = { key: keyOf(resource, values), values }
    if (geometry) record.geometry = (row.geometry as object | null) ?? null
    return record
  })
}

function multiPolygon(geometry: object): RawBuilder<string> {
  return sql<string>`st_multi(st_setsrid(st_geomfromgeojson(${JSON.stringify(geometry)}), 4326))`
}

function point(values: Values): RawBuilder<string> | null {
  return values.lng !== null && values.lat !== null && values.lng !== undefined && values.lat !== undefined
    ? sql<string>`st_setsrid(st_makepoint(${Number(values.lng)}::float8, ${Number(values.lat)}::float8), 4326)`
    : null
}

const coordinate = (column: string, axis: 'x' | 'y') =>
  sql.raw(`round(st_${axis}(${column})::numeric, 6)::text`)

// ---------------------------------------------------------------------------------------------

const regions: Resource = {
  name: 'regions',
  title: 'Regions: the county and its township-level units',
  entity: 'region',
  fields: RESOURCE_FIELDS.regions,
  readOnly: [],
  key: ['code'],
  globalKey: true,
  list(db, county) {
    return listRows(db, this, sql`
      select code, parent_code, level, name_zh, name_en, in_county_statistics, administered_by_code, administered_by_zh,
             administered_by_en, population, population_year, population_kind, population_source, population_note, source, note
        from region where county_code = ${county} order by code`)
  },
  async save(tx, county, { values: v }, existing) {
    const row = {
      parent_code: nullable(v.parent_code),
      level: text(v.level),
      name_zh: text(v.name_zh),
      name_en: text(v.name_en),
      in_county_statistics: v.in_county_statistics !== 'false',
      administered_by_code: nullable(v.administered_by_code),
      administered_by_zh: nullable(v.administered_by_zh),
      administered_by_en: nullable(v.administered_by_en),
      population: int(v.population),
      population_year: int(v.population_year),
      population_kind: nullable(v.population_kind),
      population_source: nullable(v.population_source),
      population_note: nullable(v.population_note),
      source: text(v.source),
      note: nullable(v.note),
    }
    if (existing) await tx.updateTable('region').set(row).where('code', '=', text(v.code)).execute()
    else await tx.insertInto('region').values({ ...row, code: text(v.code), county_code: county, boundary_quality: 'NONE' }).execute()
  },
}

const regionNames: Resource = {
  name: 'region-names',
  title: 'Names regions have had, with their dates',
  entity: 'region_name',
  fields: RESOURCE_FIELDS['region-names'],
  readOnly: [],
  key: ['region_code', 'name_zh'],
  list(db, county) {
    return listRows(db, this, sql`
      select n.region_code, n.name_zh, n.name_en, n.level, n.valid_from::text as valid_from, n.valid_to::text as valid_to, n.source
        from region_name n join region r on r.code = n.region_code
       where r.county_code = ${county} order by n.region_code, n.valid_from nulls first, n.name_zh`)
  },
  async save(tx, _county, { values: v }, existing) {
    const row = { name_en: text(v.name_en), level: text(v.level), valid_from: nullable(v.valid_from), valid_to: nullable(v.valid_to), source: text(v.source) }
    if (existing) {
      await tx.updateTable('region_name').set(row).where('region_code', '=', text(v.region_code)).where('name_zh', '=', text(v.name_zh)).execute()
    } else {
      await tx.insertInto('region_name').values({ ...row, region_code: text(v.region_code), name_zh: text(v.name_zh) }).execute()
    }
  },
  async remove(tx, _county, { values: v }) {
    await tx.deleteFrom('region_name').where('region_code', '=', text(v.region_code)).where('name_zh', '=', text(v.name_zh)).execute()
  },
}

/** Seat quality as the seats file writes it; the bundled package's F (found) and E (estimated) are read too. */
export const SEAT_STATUSES: Record<string, string> = { SURVEYED: 'SURVEYED', GEOCODED: 'GEOCODED', APPROXIMATE: 'APPROXIMATE', F: 'GEOCODED', E: 'APPROXIMATE' }

const seats: Resource = {
  name: 'seats',
  title: 'Seats of the regions\' governments (points)',
  entity: 'region',
  fields: RESOURCE_FIELDS.seats,
  readOnly: [],
  key: ['code'],
  partOfRegion: true,
  normalize(v) {
    if (v.status !== null && v.status !== undefined && v.status in SEAT_STATUSES) v.status = SEAT_STATUSES[v.status]
    // The database keeps one seat_source: a note is appended to the source, as the loader does.
    if (v.note) {
      v.source = [v.source, v.note].filter(Boolean).join('; ')
      v.note = null
    }
  },
  list(db, county) {
    return listRows(db, this, sql`
      select code, name_zh, ${coordinate('seat', 'x')} as lng, ${coordinate('seat', 'y')} as lat, seat_quality as status,
             null as note, seat_source as source
        from region where county_code = ${county} and seat is not null order by code`)
  },
  async save(tx, _county, { values: v }) {
    await tx
      .updateTable('region')
      .set({
        seat: point(v),
        seat_quality: v.lng === null ? null : (SEAT_STATUSES[v.status ?? ''] ?? 'APPROXIMATE'),
        seat_source: v.lng === null ? null : [v.source, v.note].filter(Boolean).join('; ') || null,
      })
      .where('code', '=', text(v.code))
      .execute()
  },
}

const indicators: Resource = {
  name: 'indicators',
  title: 'Indicators: every quantitative goal of the plan',
  entity: 'indicator',
  fields: RESOURCE_FIELDS.indicators,
  readOnly: [],
  key: ['code'],
  list(db, county) {
    return listRows(db, this, sql`
      select code, position, name_zh, name_en, unit, display_unit, display_factor::text as display_factor, category, nature,
             accumulation, comparator, plan_table_row, plan_annex_row, source, note
        from indicator where county_code = ${county} order by position, code`)
  },
  async save(tx, county, { values: v }, existing) {
    const row = {
      name_zh: text(v.name_zh),
      name_en: text(v.name_en),
      unit: text(v.unit),
      display_unit: v.display_unit ?? text(v.unit),
      display_factor: v.display_factor ?? '1',
      category: text(v.category),
      nature: nullable(v.nature),
      accumulation: nullable(v.accumulation),
      comparator: nullable(v.comparator),
      plan_table_row: int(v.plan_table_row),
      plan_annex_row: int(v.plan_annex_row),
      source: text(v.source),
      note: nullable(v.note),
    }
    if (existing) {
      await tx.updateTable('indicator').set({ ...row, position: int(v.position) ?? Number(existing.values.position) })
        .where('county_code', '=', county).where('code', '=', text(v.code)).execute()
    } else {
      const position = int(v.position) ?? (await nextPosition(tx, 'indicator', county))
      await tx.insertInto('indicator').values({ ...row, county_code: county, code: text(v.code), position }).execute()
    }
  },
}

async function nextPosition(tx: Kysely<Database>, table: 'indicator' | 'department' | 'task' | 'task_department', county: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select coalesce(max(position), 0)::int + 1 as n from ${sql.table(table)} where county_code = ${county}`.execute(tx)
  return rows[0].n
}

const VALUE_KIND_ORDER = sql.raw(`array_position(array['BASELINE', 'MILESTONE', 'TARGET', 'ACTUAL'], v.kind)`)

const indicatorValues: Resource = {
  name: 'indicator-values',
  title: 'Indicator values: baselines, milestones, targets and actual values by region and year',
  entity: 'indicator_value',
  fields: RESOURCE_FIELDS['indicator-values'],
  readOnly: [],
  key: ['indicator_code', 'region_code', 'year', 'kind'],
  list(db, county) {
    return listRows(db, this, sql`
      select v.indicator_code, v.region_code, v.year, v.kind, v.value::text as value, v.value_max::text as value_max, v.source, v.note
        from indicator_value v join indicator i on i.county_code = v.county_code and i.code = v.indicator_code
       where v.county_code = ${county}
       order by i.position, v.indicator_code, v.region_code, v.year, ${VALUE_KIND_ORDER}`)
  },
  // v.kind is one of ValueKind: the resource's field constraints (RESOURCE_FIELDS) are checked before a save or remove.
  async save(tx, county, { values: v }, existing) {
    const row = { value: text(v.value), value_max: nullable(v.value_max), source: text(v.source), note: nullable(v.note) }
    if (existing) {
      await tx.updateTable('indicator_value').set(row)
        .where('county_code', '=', county).where('indicator_code', '=', text(v.indicator_code)).where('region_code', '=', text(v.region_code))
        .where('year', '=', Number(v.year)).where('kind', '=', text(v.kind) as ValueKind).execute()
    } else {
      await tx.insertInto('indicator_value').values({
        ...row, county_code: county, indicator_code: text(v.indicator_code), region_code: text(v.region_code), year: Number(v.year), kind: text(v.kind),
      }).execute()
    }
  },
  async remove(tx, county, { values: v }) {
    await tx.deleteFrom('indicator_value')
      .where('county_code', '=', county).where('indicator_code', '=', text(v.indicator_code)).where('region_code', '=', text(v.region_code))
      .where('year', '=', Number(v.year)).where('kind', '=', text(v.kind) as ValueKind).execute()
  },
}

const GI_FIELDS: FieldSchema[] = [
  ...RESOURCE_FIELDS['gi-products'],
  { name: 'origin_area_quality', type: 'string', constraints: { enum: ['OFFICIAL', 'APPROXIMATE', 'NONE'] } },
]

const giProducts: Resource = {
  name: 'gi-products',
  title: 'Geographical-indication (GI) products',
  entity: 'gi_product',
  fields: RESOURCE_FIELDS['gi-products'],
  readOnly: [],
  key: ['code'],
  spatial: { kind: 'area', qualityField: 'origin_area_quality', required: false },
  list(db, county, options) {
    const geometry = options?.geometry ? sql`, ${asGeoJson('origin_area')} as geometry` : sql``
    return listRows(
      db,
      { key: this.key, fields: GI_FIELDS },
      sql`select code, name_zh, name_en, category_zh, category_en, status, source, note, origin_area_quality ${geometry}
            from gi_product where county_code = ${county} order by code`,
      options?.geometry,
    )
  },
  async save(tx, county, record, existing) {
    const v = record.values
    const row = {
      name_zh: text(v.name_zh), name_en: text(v.name_en), category_zh: text(v.category_zh), category_en: text(v.category_en),
      status: text(v.status), source: text(v.source), note: nullable(v.note),
    }
    const area =
      record.geometry === undefined ? {}
      : record.geometry === null ? { origin_area: null, origin_area_quality: 'NONE' }
      : { origin_area: multiPolygon(record.geometry), origin_area_quality: v.origin_area_quality ?? 'OFFICIAL' }
    if (existing) {
      await tx.updateTable('gi_product').set({ ...row, ...area }).where('county_code', '=', county).where('code', '=', text(v.code)).execute()
    } else {
      await tx.insertInto('gi_product').values({ origin_area: null, origin_area_quality: 'NONE', ...row, ...area, county_code: county, code: text(v.code) }).execute()
    }
  },
}

const giProductRegions: Resource = {
  name: 'gi-product-regions',
  title: 'Origin regions of the GI products',
  entity: 'gi_product_region',
  fields: RESOURCE_FIELDS['gi-product-regions'],
  readOnly: [],
  key: ['gi_code', 'region_code'],
  list(db, county) {
    return listRows(db, this, sql`
      select gi_code, region_code, source, note from gi_product_region where county_code = ${county} order by gi_code, region_code`)
  },
  async save(tx, county, { values: v }, existing) {
    const row = { source: text(v.source), note: nullable(v.note) }
    if (existing) {
      await tx.updateTable('gi_product_region').set(row)
        .where('county_code', '=', county).where('gi_code', '=', text(v.gi_code)).where('region_code', '=', text(v.region_code)).execute()
    } else {
      await tx.insertInto('gi_product_region').values({ ...row, county_code: county, gi_code: text(v.gi_code), region_code: text(v.region_code) }).execute()
    }
  },
  async remove(tx, county, { values: v }) {
    await tx.deleteFrom('gi_product_region')
      .where('county_code', '=', county).where('gi_code', '=', text(v.gi_code)).where('region_code', '=', text(v.region_code)).execute()
  },
}

const servicePoints: Resource = {
  name: 'service-points',
  title: 'IP service stations and other IP service places',
  entity: 'service_point',
  fields: RESOURCE_FIELDS['service-points'],
  readOnly: [],
  key: ['id'],
  globalKey: true,
  spatial: { kind: 'point' },
  list(db, county) {
    return listRows(db, this, sql`
      select id, name_zh, name_en, kind, status, region_code, address, ${coordinate('location', 'x')} as lng,
             ${coordinate('location', 'y')} as lat, location_quality, services, source, note
        from service_point where county_code = ${county} order by id`)
  },
  async save(tx, county, { values: v }, existing) {
    const row = {
      name_zh: text(v.name_zh), name_en: text(v.name_en), kind: text(v.kind), status: text(v.status),
      region_code: nullable(v.region_code), address: nullable(v.address), location: point(v),
      location_quality: text(v.location_quality), services: list(v.services), source: text(v.source), note: nullable(v.note),
    }
    if (existing) await tx.updateTable('service_point').set(row).where('id', '=', text(v.id)).execute()
    else await tx.insertInto('service_point').values({ ...row, id: text(v.id), county_code: county }).execute()
  },
  async remove(tx, county, { values: v }) {
    await tx.deleteFrom('service_point').where('county_code', '=', county).where('id', '=', text(v.id)).execute()
  },
}

const departments: Resource = {
  name: 'departments',
  title: 'Responsible departments (责任单位), the leading group and its office',
  entity: 'department',
  fields: RESOURCE_FIELDS.departments,
  readOnly: [],
  key: ['code'],
  list(db, county) {
    return listRows(db, this, sql`
      select code, name_zh, name_en, kind, member_of, aliases, source, note from department where county_code = ${county} order by position, code`)
  },
  async save(tx, county, { values: v }, existing) {
    const row = {
      name_zh: text(v.name_zh), name_en: text(v.name_en), kind: text(v.kind), member_of: nullable(v.member_of),
      aliases: list(v.aliases), source: text(v.source), note: nullable(v.note),
    }
    if (existing) await tx.updateTable('department').set(row).where('county_code', '=', county).where('code', '=', text(v.code)).execute()
    else await tx.insertInto('department').values({ ...row, county_code: county, code: text(v.code), position: await nextPosition(tx, 'department', county) }).execute()
  },
}

const tasks: Resource = {
  name: 'tasks',
  title: 'Key tasks (重点工作) and safeguards (保障措施) of the plan',
  entity: 'task',
  fields: RESOURCE_FIELDS.tasks,
  readOnly: [],
  key: ['code'],
  list(db, county) {
    return listRows(db, this, sql`
      select code, part, section_label, section_title, number, title, text, responsibility_as_written, source
        from task where county_code = ${county} order by position, code`)
  },
  async save(tx, county, { values: v }, existing) {
    const row = {
      part: text(v.part), section_label: nullable(v.section_label), section_title: nullable(v.section_title), number: int(v.number),
      title: text(v.title), text: text(v.text), responsibility_as_written: nullable(v.responsibility_as_written), source: text(v.source),
    }
    if (existing) await tx.updateTable('task').set(row).where('county_code', '=', county).where('code', '=', text(v.code)).execute()
    else await tx.insertInto('task').values({ ...row, county_code: county, code: text(v.code), position: await nextPosition(tx, 'task', county) }).execute()
  },
}

const taskDepartments: Resource = {
  name: 'task-departments',
  title: 'Which departments are responsible for which task',
  entity: 'task_department',
  fields: RESOURCE_FIELDS['task-departments'],
  readOnly: [],
  key: ['task_code', 'department_code'],
  list(db, county) {
    return listRows(db, this, sql`
      select task_code, department_code, as_written, source from task_department where county_code = ${county} order by position, task_code, department_code`)
  },
  async save(tx, county, { values: v }, existing) {
    const row = { as_written: text(v.as_written), source: text(v.source) }
    if (existing) {
      await tx.updateTable('task_department').set(row)
        .where('county_code', '=', county).where('task_code', '=', text(v.task_code)).where('department_code', '=', text(v.department_code)).execute()
    } else {
      await tx.insertInto('task_department').values({
        ...row, county_code: county, task_code: text(v.task_code), department_code: text(v.department_code),
        position: await nextPosition(tx, 'task_department', county),
      }).execute()
    }
  },
  async remove(tx, county, { values: v }) {
    await tx.deleteFrom('task_department')
      .where('county_code', '=', county).where('task_code', '=', text(v.task_code)).where('department_code', '=', text(v.department_code)).execute()
  },
}

/** Fields of a region boundary record (GeoJSON feature properties). */
export const BOUNDARY_FIELDS: FieldSchema[] = [
  { name: 'code', type: 'string', description: 'Region code (NBS division code)', constraints: { required: true } },
  { name: 'boundary_quality', type: 'string', description: 'OFFICIAL (from an official source) or APPROXIMATE (schematic); NONE when there is no boundary', constraints: { enum: ['OFFICIAL', 'APPROXIMATE', 'NONE'] } },
  { name: 'boundary_source', type: 'string', description: 'Where the boundary comes from, or how it was drawn' },
  { name: 'area_km2', type: 'number', description: 'Geodesic area of the boundary (computed; ignored on import)', unit: 'km2' },
]

const regionBoundaries: Resource = {
  name: 'region-boundaries',
  title: 'Region boundaries (MultiPolygon, WGS84)',
  entity: 'region',
  fields: BOUNDARY_FIELDS,
  readOnly: ['area_km2'],
  key: ['code'],
  partOfRegion: true,
  spatial: { kind: 'area', qualityField: 'boundary_quality', required: true },
  list(db, county, options) {
    const geometry = options?.geometry ? sql`, ${asGeoJson('boundary')} as geometry` : sql``
    return listRows(
      db,
      this,
      sql`select code, boundary_quality, boundary_source, round((st_area(boundary::geography) / 1e6)::numeric, 3)::text as area_km2 ${geometry}
            from region where county_code = ${county} order by code`,
      options?.geometry,
    )
  },
  async save(tx, _county, record) {
    const v = record.values
    await tx
      .updateTable('region')
      .set({
        ...(record.geometry !== undefined ? { boundary: record.geometry ? multiPolygon(record.geometry) : null } : {}),
        boundary_quality: text(v.boundary_quality),
        boundary_source: nullable(v.boundary_source),
      })
      .where('code', '=', text(v.code))
      .execute()
  },
}

/** Every resource, in the data package's order. */
export const RESOURCES: Resource[] = [
  regions, regionNames, seats, regionBoundaries, indicators, indicatorValues, giProducts, giProductRegions, servicePoints,
  departments, tasks, taskDepartments,
]

/** The resource of that name, or undefined. */
export function findResource(name: string): Resource | undefined {
  return RESOURCES.find((r) => r.name === name)
}
