/**
 * The open data as files, generated from the live database: a CSV per table, GeoJSON for the
 * spatial ones, and a Frictionless `datapackage.json` describing them. The files have exactly the
 * shapes the importer reads (`db/records/resources.ts`), so a download imports back unchanged.
 */
import { createHash } from 'node:crypto'
import { stringify } from 'csv-stringify/sync'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import type { FieldSchema, PackageDescriptor } from '../../../db/dataset/package.ts'
import { isProtectedField, protectCell, withoutSafeCellNote, withSafeCellNote } from '../../../db/dataset/safe-cell.ts'
import { BOUNDARY_FIELDS, findResource, listRecords, RESOURCES, type Resource, type StoredRecord } from '../../../db/records/resources.ts'
import { zhColumns, type CsvLang } from './csv-zh.ts'

/** One downloadable file. */
export interface Download {
  /** Resource name in datapackage.json, unique: `service-points`, `service-points-geojson`. */
  name: string
  /** File name under /data/: `service-points.csv`. */
  path: string
  format: 'csv' | 'geojson'
  title: string
  /** Columns (CSV) or feature properties (GeoJSON). */
  fields: FieldSchema[]
  key: string[]
  /** `lang: 'zh'` (CSV only): Chinese headers and enum values in words (./csv-zh.ts); otherwise the machine file. */
  build(db: Kysely<Database>, county: string, options?: { lang?: CsvLang }): Promise<{ body: string; rows: number }>
}

export interface DatasetInfo {
  id: string
  countyCode: string
  descriptor: PackageDescriptor & Record<string, unknown>
  licenses: unknown[]
  sources: unknown[]
  createdAt: Date
  updatedAt: Date
}

const CSV_RESOURCES = RESOURCES.filter((r) => r.name !== 'region-boundaries')

/**
 * UTF-8 with a byte-order mark (so that spreadsheet programs read Chinese correctly), CRLF line ends (RFC 4180),
 * text cells that a spreadsheet would take for a formula prefixed with `'` (db/dataset/safe-cell.ts).
 */
function toCsv(fields: FieldSchema[], records: StoredRecord[], zh?: ReturnType<typeof zhColumns>): string {
  const columns = zh ? zh.headers : fields.map((f) => f.name)
  const word = zh ? (f: FieldSchema, v: string) => zh.cell(f, v) : (_f: FieldSchema, v: string) => v
  const rows = records.map((r) => fields.map((f) => protectCell(f, word(f, r.values[f.name] ?? ''))))
  return stringify(rows, { header: true, columns, bom: true, record_delimiter: '\r\n' })
}

function csvDownload(resource: Resource): Download {
  return {
    name: resource.name,
    path: `${resource.name}.csv`,
    format: 'csv',
    title: resource.title,
    fields: resource.fields,
    key: resource.key,
    async build(db, county, options) {
      const records = await listRecords(db, resource, county)
      const zh = options?.lang === 'zh' ? zhColumns(resource.name, resource.fields) : undefined
      return { body: toCsv(resource.fields, records, zh), rows: records.length }
    },
  }
}

interface Feature {
  type: 'Feature'
  id: string
  geometry: object | null
  properties: Record<string, string | number | boolean | null>
}

/** Feature properties typed as JSON (numbers, booleans), as GIS programs expect. */
function properties(fields: FieldSchema[], values: Record<string, string | null>): Feature['properties'] {
  const out: Feature['properties'] = {}
  for (const f of fields) {
    const cell = values[f.name] ?? null
    out[f.name] = cell === null ? null : f.type === 'integer' || f.type === 'number' ? Number(cell) : f.type === 'boolean' ? cell === 'true' : cell
  }
  return out
}

function featureCollection(features: Feature[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features })
}

const servicePoints = findResource('service-points')!
const giProducts = findResource('gi-products')!
const regions = findResource('regions')!
const boundaries = findResource('region-boundaries')!

const POINT_PROPERTIES = servicePoints.fields.filter((f) => f.name !== 'lng' && f.name !== 'lat')
const GI_PROPERTIES: FieldSchema[] = [
  ...giProducts.fields,
  { name: 'origin_area_quality', type: 'string', description: 'OFFICIAL, APPROXIMATE (the union of the origin regions\' boundaries) or NONE', constraints: { enum: ['OFFICIAL', 'APPROXIMATE', 'NONE'] } },
]
const REGION_PROPERTIES: FieldSchema[] = [...regions.fields, ...BOUNDARY_FIELDS.filter((f) => f.name !== 'code')]

const GEOJSON_DOWNLOADS: Download[] = [
  {
    name: 'regions-geojson',
    path: 'regions.geojson',
    format: 'geojson',
    title: 'Regions with their boundaries (import the edited file as region-boundaries)',
    fields: REGION_PROPERTIES,
    key: ['code'],
    async build(db, county) {
      const attributes = await listRecords(db, regions, county)
      const shapes = new Map((await listRecords(db, boundaries, county, { geometry: true })).map((b) => [b.key, b]))
      const features = attributes.map((r): Feature => {
        const b = shapes.get(r.key)
        return { type: 'Feature', id: r.key, geometry: b?.geometry ?? null, properties: properties(REGION_PROPERTIES, { ...r.values, ...b?.values }) }
      })
      return { body: featureCollection(features), rows: features.length }
    },
  },
  {
    name: 'service-points-geojson',
    path: 'service-points.geojson',
    format: 'geojson',
    title: 'Service points as GeoJSON points (null geometry where the location is unknown)',
    fields: POINT_PROPERTIES,
    key: ['id'],
    async build(db, county) {
      const features = (await listRecords(db, servicePoints, county)).map((p): Feature => ({
        type: 'Feature',
        id: p.key,
        geometry: p.values.lng === null || p.values.lat === null ? null : { type: 'Point', coordinates: [Number(p.values.lng), Number(p.values.lat)] },
        properties: properties(POINT_PROPERTIES, p.values),
      }))
      return { body: featureCollection(features), rows: features.length }
    },
  },
  {
    name: 'gi-products-geojson',
    path: 'gi-products.geojson',
    format: 'geojson',
    title: 'GI products with their origin areas',
    fields: GI_PROPERTIES,
    key: ['code'],
    async build(db, county) {
      const features = (await listRecords(db, giProducts, county, { geometry: true })).map((g): Feature => ({
        type: 'Feature', id: g.key, geometry: g.geometry ?? null, properties: properties(GI_PROPERTIES, g.values),
      }))
      return { body: featureCollection(features), rows: features.length }
    },
  },
]

/** Every download, CSV first, in the data package's order. */
export const DOWNLOADS: Download[] = [...CSV_RESOURCES.map(csvDownload), ...GEOJSON_DOWNLOADS]

/** The download served at /data/<path>, or undefined. */
export function findDownload(path: string): Download | undefined {
  return DOWNLOADS.find((d) => d.path === path)
}

/** A county's dataset row, or undefined. */
export async function findDatasetInfo(db: Kysely<Database>, county: string): Promise<DatasetInfo | undefined> {
  const row = await db.selectFrom('dataset').selectAll().where('county_code', '=', county).executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    countyCode: row.county_code,
    descriptor: row.descriptor as DatasetInfo['descriptor'],
    licenses: (row.licenses as unknown[]) ?? [],
    sources: (row.sources as unknown[]) ?? [],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }
}

const SHARED_DESCRIPTIONS: Record<string, string> = {
  status: 'SURVEYED, GEOCODED or APPROXIMATE (the bundled package\'s F = found reads as GEOCODED, E = estimated as APPROXIMATE)',
}

/** Field schemas for the descriptor: the model's rules, with descriptions and units from the package as loaded. */
function describedFields(dataset: DatasetInfo, download: Download): FieldSchema[] {
  const baseName = download.name.replace(/-geojson$/, '')
  const loaded = new Map(
    [baseName, baseName === 'regions' ? 'boundaries' : baseName]
      .flatMap((n) => dataset.descriptor.resources?.find((r) => r.name === n)?.schema?.fields ?? [])
      .map((f) => [f.name, f]),
  )
  return download.fields.map((f) => {
    const source = loaded.get(f.name)
    const own = withoutSafeCellNote((baseName === 'seats' && SHARED_DESCRIPTIONS[f.name]) || f.description || source?.description)
    // CSV text cells are spreadsheet-safe (a leading '); GeoJSON properties are written as they are.
    const description = download.format === 'csv' && isProtectedField(f) ? withSafeCellNote(own) : own
    const unit = f.unit ?? source?.unit
    return {
      name: f.name,
      type: f.type,
      ...(description ? { description } : {}),
      ...(unit ? { unit } : {}),
      ...(f.constraints ? { constraints: f.constraints } : {}),
    }
  })
}

/** sha256 of a body, as Frictionless writes hashes. */
export function hashOf(body: string): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`
}

/**
 * Frictionless asks for an RFC 3339 date-time in `created`: a package that gives only a date
 * (`2026-11-26`) means the start of that day, UTC. Undefined when the package gives none.
 */
function rfc3339(created: string | undefined): string | undefined {
  if (!created) return undefined
  return /^\d{4}-\d{2}-\d{2}$/.test(created) ? `${created}T00:00:00Z` : created
}

/** The data package descriptor of a county's live data, with each file's rows, bytes and hash. */
export async function buildDataPackage(db: Kysely<Database>, dataset: DatasetInfo): Promise<string> {
  const d = dataset.descriptor
  const resources = []
  for (const download of DOWNLOADS) {
    const { body, rows } = await download.build(db, dataset.countyCode)
    const loaded = d.resources?.find((r) => r.name === download.name)
    resources.push({
      name: download.name,
      path: download.path,
      profile: download.format === 'csv' ? 'tabular-data-resource' : 'data-resource',
      title: loaded?.title ?? download.title,
      ...(loaded?.description ? { description: loaded.description } : {}),
      format: download.format,
      mediatype: download.format === 'csv' ? 'text/csv' : 'application/geo+json',
      encoding: 'utf-8',
      ...(download.format === 'geojson' ? { licenses: dataset.licenses } : {}),
      schema: { fields: describedFields(dataset, download), primaryKey: download.key },
      rows,
      bytes: Buffer.byteLength(body),
      hash: hashOf(body),
    })
  }
  const descriptor = {
    profile: 'data-package',
    name: d.name,
    id: d.id ?? d.name,
    ...(d.version ? { version: d.version } : {}),
    title: d.title,
    ...(d.description ? { description: d.description } : {}),
    county: d.county,
    licenses: dataset.licenses,
    sources: dataset.sources,
    ...(d.contributors ? { contributors: d.contributors } : {}),
    created: rfc3339(d.created) ?? dataset.createdAt.toISOString(),
    updated: dataset.updatedAt.toISOString(),
    resources,
  }
  return JSON.stringify(descriptor, null, 2) + '\n'
}
