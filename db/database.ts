/**
 * Kysely table types. Geometry columns are never read raw (queries convert them with
 * `ST_AsGeoJSON` in SQL), so they are typed as the hex EWKB string Postgres would return.
 */
import type { ColumnType, Generated } from 'kysely'

type Geometry = ColumnType<string, string, string>
type Json = ColumnType<unknown, string, string>
/** `numeric` comes back from `pg` as a string; queries cast it to float8 where they read it. */
type Numeric = ColumnType<string | number, number | string, number | string>

export interface DatasetTable {
  id: string
  county_code: string
  title: string
  description: string | null
  licenses: Json
  sources: Json
  descriptor: Json
  content_hash: string
  loaded_from: string
  created_at: ColumnType<Date, string | undefined, never>
  updated_at: ColumnType<Date, string | undefined, string>
}

export interface RegionTable {
  code: string
  county_code: string
  parent_code: string | null
  level: string
  name_zh: string
  name_en: string
  in_county_statistics: boolean
  administered_by_code: string | null
  administered_by_zh: string | null
  administered_by_en: string | null
  population: number | null
  population_year: number | null
  population_kind: string | null
  population_source: string | null
  population_note: string | null
  boundary: Geometry | null
  boundary_quality: string
  boundary_source: string | null
  /** Generated from the boundary (geodesic, km², 3 decimals). */
  area_km2: ColumnType<number | null, never, never>
  seat: Geometry | null
  seat_quality: string | null
  seat_source: string | null
  source: string
  note: string | null
}

export interface RegionNameTable {
  region_code: string
  name_zh: string
  name_en: string
  level: string
  valid_from: ColumnType<Date | null, string | null, string | null>
  valid_to: ColumnType<Date | null, string | null, string | null>
  source: string
}

export interface IndicatorTable {
  county_code: string
  code: string
  position: number
  name_zh: string
  name_en: string
  unit: string
  display_unit: string
  display_factor: Numeric
  category: string
  nature: string | null
  accumulation: string | null
  comparator: string | null
  plan_table_row: number | null
  plan_annex_row: number | null
  source: string
  note: string | null
}

export interface IndicatorValueTable {
  id: Generated<number>
  county_code: string
  indicator_code: string
  region_code: string
  year: number
  kind: string
  value: Numeric
  value_max: Numeric | null
  source: string
  note: string | null
}

export interface GiProductTable {
  county_code: string
  code: string
  name_zh: string
  name_en: string
  category_zh: string
  category_en: string
  status: string
  origin_area: Geometry | null
  origin_area_quality: string
  source: string
  note: string | null
}

export interface GiProductRegionTable {
  county_code: string
  gi_code: string
  region_code: string
  source: string
  note: string | null
}

export interface ServicePointTable {
  id: string
  county_code: string
  name_zh: string
  name_en: string
  kind: string
  status: string
  region_code: string | null
  address: string | null
  location: Geometry | null
  location_quality: string
  services: string[]
  source: string
  note: string | null
}

export interface DepartmentTable {
  county_code: string
  code: string
  position: number
  name_zh: string
  name_en: string
  kind: string
  member_of: string | null
  aliases: string[]
  source: string
  note: string | null
}

export interface TaskTable {
  county_code: string
  code: string
  position: number
  part: string
  section_label: string | null
  section_title: string | null
  number: number | null
  title: string
  text: string
  responsibility_as_written: string | null
  source: string
}

export interface TaskDepartmentTable {
  county_code: string
  task_code: string
  department_code: string
  position: number
  as_written: string
  source: string
}

export interface AuditLogTable {
  id: Generated<string>
  actor: string
  action: string
  entity: string
  entity_id: string
  at: ColumnType<Date, string | undefined, never>
  before: Json | null
  after: Json | null
}

export interface ApiTokenTable {
  /** Public part of the token (16 hex digits). */
  id: string
  name: string
  role: string
  /** SHA-256 of the whole token, hex. */
  token_hash: string
  created_at: ColumnType<Date, string | undefined, never>
  revoked_at: ColumnType<Date | null, string | null | undefined, string | null>
  /** What the token is for; the public audit log shows it instead of the holder's name. Null for tokens made before purposes. */
  purpose: ColumnType<string | null, string | null | undefined, string | null>
  /** The holder chose to be named in the public audit log. */
  public_name: ColumnType<boolean, boolean | undefined, boolean>
}

export interface Database {
  dataset: DatasetTable
  region: RegionTable
  region_name: RegionNameTable
  indicator: IndicatorTable
  indicator_value: IndicatorValueTable
  gi_product: GiProductTable
  gi_product_region: GiProductRegionTable
  service_point: ServicePointTable
  department: DepartmentTable
  task: TaskTable
  task_department: TaskDepartmentTable
  audit_log: AuditLogTable
  api_token: ApiTokenTable
}
