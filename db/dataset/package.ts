/**
 * Reading a Frictionless Data Package from a folder: the descriptor, and each CSV
 * resource parsed and checked against its field schema (required, type, enum), with
 * every problem reported as `file row N, column C: …`.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { unprotectCell } from './safe-cell.ts'

export interface FieldSchema {
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date'
  description?: string
  unit?: string
  constraints?: { required?: boolean; enum?: string[] }
}

export interface ResourceDescriptor {
  name: string
  path: string
  format?: string
  mediatype?: string
  title?: string
  description?: string
  schema?: { fields: FieldSchema[]; primaryKey?: string[] }
}

export interface PackageDescriptor {
  name: string
  title: string
  description?: string
  county: { code: string; name_zh: string; name_en: string }
  licenses?: unknown[]
  sources?: unknown[]
  created?: string
  resources: ResourceDescriptor[]
}

export type CsvValue = string | number | boolean | null
export type CsvRow = Record<string, CsvValue> & { __row: number }

/** Invalid data in a package; `problems` lists each one with its file, row and column. */
export class DatasetError extends Error {
  override name = 'DatasetError'
  constructor(
    readonly packageDir: string,
    readonly problems: string[],
  ) {
    const shown = problems.slice(0, 20).join('\n  ')
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''
    super(`The data package in ${packageDir} has ${problems.length} problem(s):\n  ${shown}${more}`)
  }
}

/** A data package opened from a folder. */
export class DataPackage {
  readonly descriptor: PackageDescriptor
  readonly contentHash: string

  constructor(readonly dir: string) {
    const descriptorPath = path.join(dir, 'datapackage.json')
    let raw: string
    try {
      raw = readFileSync(descriptorPath, 'utf8')
    } catch {
      throw new DatasetError(dir, [`datapackage.json: not found in ${dir}`])
    }
    try {
      this.descriptor = JSON.parse(raw) as PackageDescriptor
    } catch (error) {
      throw new DatasetError(dir, [`datapackage.json: not valid JSON (${(error as Error).message})`])
    }
    const problems: string[] = []
    const d = this.descriptor
    if (!d.name || !/^[a-z0-9][a-z0-9._-]*$/.test(d.name)) problems.push('datapackage.json: "name" must be a lower-case identifier')
    if (!d.title) problems.push('datapackage.json: "title" is missing')
    if (!d.county?.code || !/^[0-9]{6}$/.test(d.county.code)) problems.push('datapackage.json: "county.code" must be a 6-digit division code')
    if (!Array.isArray(d.resources)) problems.push('datapackage.json: "resources" must be a list')
    if (problems.length) throw new DatasetError(dir, problems)

    const hash = createHash('sha256').update(raw)
    for (const resource of d.resources) {
      try {
        hash.update(readFileSync(path.join(dir, resource.path)))
      } catch {
        problems.push(`datapackage.json: resource "${resource.name}" points to ${resource.path}, which cannot be read`)
      }
    }
    if (problems.length) throw new DatasetError(dir, problems)
    this.contentHash = hash.digest('hex')
  }

  resource(name: string): ResourceDescriptor | undefined {
    return this.descriptor.resources.find((r) => r.name === name)
  }

  /**
   * The rows of a CSV resource, checked and typed per `fields`; `[]` when the package lacks it.
   * Every field is present in every row (null when empty or when the file has no such column).
   */
  rows(name: string, fields: FieldSchema[], problems: string[]): CsvRow[] {
    const resource = this.resource(name)
    if (!resource) return []
    const file = resource.path
    const records = parse<Record<string, string>>(readFileSync(path.join(this.dir, file), 'utf8'), {
      columns: (header: string[]) => {
        const missing = fields.filter((f) => f.constraints?.required && !header.includes(f.name))
        for (const f of missing) problems.push(`${file}: the required column "${f.name}" is missing`)
        return header
      },
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
    })
    return records.map((record, i) => {
      const rowNumber = i + 2 // the header is row 1
      const row: CsvRow = { __row: rowNumber }
      for (const field of fields) {
        row[field.name] = convert(unprotectCell(field, record[field.name] ?? ''), field, (problem) =>
          problems.push(`${file} row ${rowNumber}, column ${field.name}: ${problem}`),
        )
      }
      return row
    })
  }

  /** A GeoJSON resource parsed (of any shape: the caller checks it), or undefined when the package lacks it. */
  geojson(name: string, problems: string[]): unknown {
    const resource = this.resource(name)
    if (!resource) return undefined
    try {
      return JSON.parse(readFileSync(path.join(this.dir, resource.path), 'utf8'))
    } catch (error) {
      problems.push(`${resource.path}: not valid JSON (${(error as Error).message})`)
      return undefined
    }
  }
}

/**
 * One cell checked and typed per its field: integers become numbers, decimals stay text (exact),
 * booleans accept any case (spreadsheets write TRUE/FALSE); empty is null.
 */
export function convert(text: string, field: FieldSchema, report: (problem: string) => void): CsvValue {
  const value = text.trim()
  if (value === '') {
    if (field.constraints?.required) report('a value is required')
    return null
  }
  if (field.constraints?.enum && !field.constraints.enum.includes(value)) {
    report(`"${value}" is not one of ${field.constraints.enum.join(', ')}`)
  }
  switch (field.type) {
    case 'integer':
      if (!/^-?[0-9]+$/.test(value)) {
        report(`"${value}" is not an integer`)
        return null
      }
      return Number(value)
    case 'number':
      // Kept as text so that numeric columns store the exact decimal written.
      if (!/^-?[0-9]+(\.[0-9]+)?$/.test(value)) {
        report(`"${value}" is not a number`)
        return null
      }
      return value
    case 'boolean': {
      const lower = value.toLowerCase()
      if (lower !== 'true' && lower !== 'false') report(`"${value}" is not true or false`)
      return lower === 'true'
    }
    case 'date':
      // Date.parse accepts 2025-02-30 (as 2 March): a date must also read back as itself.
      if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value) || Number.isNaN(Date.parse(value)) || new Date(value).toISOString().slice(0, 10) !== value) {
        report(`"${value}" is not a date (YYYY-MM-DD)`)
      }
      return value
    default:
      return value
  }
}
