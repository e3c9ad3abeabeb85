/**
 * Reading an import file into records: a CSV file with the resource's columns (the shape the
 * downloads write), or a GeoJSON FeatureCollection whose feature properties are those columns.
 * Every cell is checked as it is read; problems carry the CSV line (the header is line 1) or
 * the feature number (from 1).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { unprotectCell } from '../dataset/safe-cell.ts'
import type { IncomingRecord, Problem } from '../records/apply.ts'
import { geometryToWgs84, positionToWgs84, type Crs } from '../records/crs.ts'
import { isReadOnly, type Resource } from '../records/resources.ts'
import { parseCell, roundCoordinate, type Values } from '../records/values.ts'
import { isList, member } from '../json.ts'

export interface ReadFile {
  format: 'csv' | 'geojson'
  records: IncomingRecord[]
  problems: Problem[]
}

/** Other names GeoJSON from elsewhere uses for our fields (DataV exports key regions by `adcode`). */
const PROPERTY_ALIASES: Record<string, string[]> = {
  code: ['adcode'],
  boundary_quality: ['quality'],
  boundary_source: ['source', 'method'],
}

/**
 * Other names of the coordinate columns, as GIS tools write them (GDAL's `-lco GEOMETRY=AS_XY` writes X and Y;
 * QGIS and others lon/lat, longitude/latitude), compared without case.
 */
const COORDINATE_COLUMNS: Record<string, 'lng' | 'lat'> = { x: 'lng', lon: 'lng', long: 'lng', longitude: 'lng', y: 'lat', latitude: 'lat' }

/** The coordinate field a CSV column name stands for (`X` → `lng`), for resources with lng/lat columns. */
function coordinateColumn(resource: Resource, name: string): string | undefined {
  const field = COORDINATE_COLUMNS[name.toLowerCase()] ?? (name.toLowerCase() === 'lng' || name.toLowerCase() === 'lat' ? name.toLowerCase() : undefined)
  return field && resource.fields.some((f) => f.name === field) ? field : undefined
}

/** Reads `file` (by its extension: .csv, or .geojson/.json) as records of `resource`, converting coordinates from `crs`. */
export function readImportFile(resource: Resource, file: string, crs: Crs): ReadFile {
  return readImportBytes(resource, path.basename(file), readFileSync(file), crs)
}

/** Reads a file's bytes (an upload) as {@link readImportFile} reads the file: `name`'s extension says CSV or GeoJSON. */
export function readImportBytes(resource: Resource, name: string, bytes: Uint8Array, crs: Crs): ReadFile {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return {
      format: 'csv',
      records: [],
      problems: [{ line: 1, column: null, message: 'the file is not UTF-8 text: save it as "CSV UTF-8" (or GeoJSON, which is always UTF-8)' }],
    }
  }
  const ext = path.extname(name).toLowerCase()
  if (ext === '.geojson' || ext === '.json') return readGeoJson(resource, text, crs, name)
  if (resource.spatial?.kind === 'area' && resource.spatial.required) {
    return { format: 'csv', records: [], problems: [{ line: 1, column: null, message: `${resource.name} is imported from a GeoJSON file (.geojson)` }] }
  }
  return readCsv(resource, text, crs)
}

function readCsv(resource: Resource, text: string, crs: Crs): ReadFile {
  const problems: Problem[] = []
  let rows: { record: string[]; info: { bytes: number } }[]
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof rows
  } catch (error) {
    const e = error as { lines?: number; message: string }
    return { format: 'csv', records: [], problems: [{ line: e.lines ?? 1, column: null, message: `not readable as CSV: ${e.message}` }] }
  }
  if (!rows.length)
    return { format: 'csv', records: [], problems: [{ line: 1, column: null, message: 'the file is empty (the first line must name the columns)' }] }
  const written = rows[0].record.map((h) => h.trim())
  const known = new Map(resource.fields.map((f) => [f.name, f]))
  const header = written.map((name) => (known.has(name) ? name : (coordinateColumn(resource, name) ?? name)))
  header.forEach((name, i) => {
    const column = written[i] || `#${i + 1}`
    if (!known.has(name))
      problems.push({ line: 1, column, message: `not a column of ${resource.name} (its columns: ${resource.fields.map((f) => f.name).join(', ')})` })
    else if (header.indexOf(name) !== i) {
      const first = written[header.indexOf(name)]
      problems.push({
        line: 1,
        column,
        message: first === written[i] ? 'the column appears twice' : `${first} and ${written[i]} both give ${name}: keep one of them`,
      })
    }
  })
  for (const k of resource.key) if (!header.includes(k)) problems.push({ line: 1, column: k, message: 'the key column is missing' })
  if (problems.length) return { format: 'csv', records: [], problems }

  const records: IncomingRecord[] = []
  const lineOf = lineCounter(Buffer.from(text, 'utf8'))
  for (const row of rows.slice(1)) {
    const line = lineOf(row)
    if (row.record.length !== header.length) {
      problems.push({ line, column: null, message: `has ${row.record.length} cells where the header has ${header.length}` })
      continue
    }
    const values: Values = {}
    const before = problems.length
    header.forEach((name, i) => {
      const field = known.get(name)!
      if (isReadOnly(resource, name)) return
      values[name] = parseCell(field, unprotectCell(field, row.record[i]), (message) => problems.push({ line, column: name, message }))
    })
    convertPoint(values, crs)
    records.push({ line, values, invalid: problems.length > before })
  }
  return { format: 'csv', records, problems }
}

function readGeoJson(resource: Resource, text: string, crs: Crs, fileName: string): ReadFile {
  const problems: Problem[] = []
  const fail = (message: string): ReadFile => ({ format: 'geojson', records: [], problems: [{ line: 1, column: null, message }] })
  if (!resource.spatial) return fail(`${resource.name} has no geometry: import it from a CSV file`)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`)
  }
  const features = member(json, 'type') === 'FeatureCollection' ? member(json, 'features') : member(json, 'type') === 'Feature' ? [json] : undefined
  if (!isList(features)) return fail('not a GeoJSON FeatureCollection')
  const spatial = resource.spatial
  const fields = resource.fields.filter((f) => !isReadOnly(resource, f.name) && !(spatial.kind === 'point' && (f.name === 'lng' || f.name === 'lat')))
  const extra =
    spatial.kind === 'area' && !fields.some((f) => f.name === spatial.qualityField)
      ? [{ name: spatial.qualityField, type: 'string' as const, constraints: { enum: ['OFFICIAL', 'APPROXIMATE', 'NONE'] } }]
      : []
  const records: IncomingRecord[] = []
  features.forEach((feature, i) => {
    const line = i + 1
    const report = (column: string | null) => (message: string) => problems.push({ line, column, message })
    if (member(feature, 'type') !== 'Feature') return report(null)('not a GeoJSON Feature')
    // Any JSON value but null: an array has no fields, and other non-objects throw at `in`, as they always have.
    const properties = (member(feature, 'properties') ?? {}) as Record<string, unknown>
    const values: Values = {}
    for (const field of [...fields, ...extra]) {
      const name = [field.name, ...(PROPERTY_ALIASES[field.name] ?? [])].find((n) => n in properties)
      if (name === undefined) continue
      values[field.name] = parseCell(field, properties[name], report(field.name))
    }
    keyFromFeatureId(resource, feature, values, report)
    const geometry = member(feature, 'geometry') ?? null
    const record: IncomingRecord = { line, values, invalid: problems.some((p) => p.line === line) }
    if (spatial.kind === 'point') {
      const coordinates = member(geometry, 'coordinates')
      if (geometry === null) Object.assign(values, { lng: null, lat: null })
      else if (member(geometry, 'type') !== 'Point' || !isList(coordinates) || coordinates.length < 2 || !coordinates.every(Number.isFinite)) {
        return report('geometry')(`the geometry must be a Point, not ${String(member(geometry, 'type'))}`)
      } else Object.assign(values, { lng: String(coordinates[0]), lat: String(coordinates[1]) })
      convertPoint(values, crs)
    } else {
      // Any JSON value: converted as it is, and the write path's geometry checks refuse what is not a Polygon or MultiPolygon.
      record.geometry = geometry === null ? null : geometryToWgs84(geometry as { type: string; coordinates?: unknown }, crs)
      if (resource.name === 'region-boundaries' && !('boundary_source' in values) && geometry !== null) values.boundary_source = `imported from ${fileName}`
    }
    records.push(record)
  })
  return { format: 'geojson', records, problems }
}

/**
 * RFC 7946's feature `id` as the record's key when the properties lack it: GDAL and QGIS write a
 * property named `id` only as the feature's id. When both are given they must agree.
 */
function keyFromFeatureId(resource: Resource, feature: unknown, values: Values, report: (column: string | null) => (message: string) => void): void {
  const id = member(feature, 'id')
  if (resource.key.length !== 1 || id === undefined || id === null) return
  const key = resource.key[0]
  const field = resource.fields.find((f) => f.name === key)!
  if (typeof id !== 'string' && typeof id !== 'number') return report('id')(`the feature's id must be a string or a number, not ${typeof id}`)
  const fromId = parseCell(field, id, report(key))
  if (!(key in values)) values[key] = fromId
  else if (values[key] !== null && fromId !== null && values[key] !== fromId) {
    report(key)(`"${values[key]}" differs from the feature's id "${fromId}": give one of them, or make them equal`)
  }
}

/**
 * The line a CSV record starts on. csv-parse's own line count is off after a quoted CRLF, so count
 * from the byte offset where the record ends (`info.bytes`, BOM included) back over its embedded line breaks.
 */
function lineCounter(bytes: Buffer): (row: { record: string[]; info: { bytes: number } }) => number {
  let offset = 0
  let newlines = 0
  return ({ record, info }) => {
    const end = Math.min(info.bytes, bytes.length)
    for (; offset < end; offset++) if (bytes[offset] === 0x0a) newlines++
    const endsWithBreak = end > 0 && bytes[end - 1] === 0x0a
    const lastLine = 1 + newlines - (endsWithBreak ? 1 : 0)
    const embedded = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0)
    return lastLine - embedded
  }
}

/** lng/lat cells converted to WGS84 and rounded, when both are valid numbers. */
function convertPoint(values: Values, crs: Crs): void {
  const { lng, lat } = values
  if (lng === null || lat === null || lng === undefined || lat === undefined) return
  const [x, y] = positionToWgs84([Number(lng), Number(lat)], crs)
  if (!Number.isFinite(x) || !Number.isFinite(y)) return
  values.lng = String(roundCoordinate(x))
  values.lat = String(roundCoordinate(y))
}
