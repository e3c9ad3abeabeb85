/**
 * What a resource is: a table of the open data in the shape of the data package's files, how to
 * list a county's records and which columns a record writes. The resources themselves are in
 * `region-resources.ts`, `plan-resources.ts` and `place-resources.ts`; writing is `write.ts`'s.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../database.ts'
import type { FieldSchema } from '../dataset/package.ts'
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

/** The tables records are written to. */
export type RecordTable =
  | 'region'
  | 'region_name'
  | 'indicator'
  | 'indicator_value'
  | 'indicator_relation'
  | 'gi_product'
  | 'gi_product_region'
  | 'service_point'
  | 'department'
  | 'task'
  | 'task_department'
  | 'task_indicator'
  | 'task_status'

/** Column → value (a parameter, or an SQL expression such as a geometry). */
export type Row = Record<string, unknown>

export interface Resource {
  /** As in the data package and the URLs: `service-points`. */
  name: string
  title: string
  /** What the audit log calls it (the table). */
  entity: string
  fields: FieldSchema[]
  /** Fields the database computes: downloaded, ignored on import (none when not given). */
  readOnly?: string[]
  key: string[]
  /** The record is columns of an existing region (a seat, a boundary): it is never inserted, only updated. */
  partOfRegion?: boolean
  /** Keys unique across counties (region codes, service point ids). */
  globalKey?: boolean
  spatial?: Spatial
  /** Puts equivalent spellings of a record into one form before it is compared (e.g. a seat's F/E status). */
  normalize?(values: Values): void
  /**
   * The SQL listing a county's stored records in file order, a column per field (as text where the file's
   * cell is); for an area resource asked for its `geometry`, also that column as GeoJSON. Read by {@link listRecords}.
   */
  select(county: string, geometry: boolean): RawBuilder<Record<string, unknown>>
  /** The fields {@link select} returns, when not all of {@link fields}. */
  listedFields?: FieldSchema[]
  /** The table a record is written to. */
  table: RecordTable
  /** The columns that find a stored record (for an update or a delete). */
  match(county: string, values: Values): Row
  /**
   * The columns a record writes: for a new record (`existing` undefined) the whole row but its
   * `position` when {@link positioned} and not given (the writer numbers those after the last one).
   */
  row(county: string, record: StoredRecord, existing: StoredRecord | undefined): Row
  /** New rows are numbered (`position`) after the county's last one. */
  positioned?: boolean
  /** Records may be deleted. */
  deletable?: boolean
}

export const text = (v: Cell | undefined): string => v ?? ''
export const nullable = (v: Cell | undefined): string | null => (v === undefined ? null : v)
export const int = (v: Cell | undefined): number | null => (v === null || v === undefined ? null : Number(v))
export const list = (v: Cell | undefined): string[] => (v ? v.split('|') : [])

/** The key of a record from its values: the key fields' cells joined by `/`. */
export function keyOf(resource: Pick<Resource, 'key'>, values: Values): string {
  return resource.key.map((k) => values[k] ?? '').join('/')
}

/** A county's stored records of `resource`, in file order (with geometries when asked and it has them). */
export function listRecords(db: Kysely<Database>, resource: Resource, county: string, options: { geometry?: boolean } = {}): Promise<StoredRecord[]> {
  const geometry = !!options.geometry && resource.spatial?.kind === 'area'
  return listRows(db, { key: resource.key, fields: resource.listedFields ?? resource.fields }, resource.select(county, geometry), geometry)
}

/** Whether the database computes the field (downloaded, ignored on import). */
export const isReadOnly = (resource: Resource, field: string): boolean => resource.readOnly?.includes(field) ?? false

/** Runs a listing query and reads its rows as records of the resource's fields. */
export async function listRows(
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

/** A GeoJSON Polygon or MultiPolygon as a MultiPolygon in EPSG:4326. */
export function multiPolygon(geometry: object): RawBuilder<string> {
  return sql<string>`st_multi(st_setsrid(st_geomfromgeojson(${JSON.stringify(geometry)}), 4326))`
}

/** The point of a record's lng and lat, or null when it has none. */
export function point(values: Values): RawBuilder<string> | null {
  return values.lng !== null && values.lat !== null && values.lng !== undefined && values.lat !== undefined
    ? sql<string>`st_setsrid(st_makepoint(${Number(values.lng)}::float8, ${Number(values.lat)}::float8), 4326)`
    : null
}

/** A point column's x or y as text with 6 decimals. */
export const coordinate = (column: string, axis: 'x' | 'y') => sql.raw(`round(st_${axis}(${column})::numeric, 6)::text`)
