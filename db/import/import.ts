/** Importing one file into one resource of a county: read, check everything, then apply all or nothing. */
import path from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { applyRecords, RecordProblems, type Change, type Problem } from '../records/apply.ts'
import type { Crs } from '../records/crs.ts'
import { findResource, RESOURCES } from '../records/resources.ts'
import type { Values } from '../records/values.ts'
import { readImportBytes, readImportFile } from './read-file.ts'

export interface ImportOptions {
  /** A resource name, e.g. `service-points`, `region-boundaries`. */
  resource: string
  file: string
  county: string
  /** Coordinate system of the file's coordinates; default WGS84. */
  crs?: Crs
  /** Check and compare only. */
  dryRun?: boolean
  /** The file's content (an upload): then `file` is only its name, whose extension says CSV or GeoJSON. */
  bytes?: Uint8Array
  /** Who imports, for the audit log (default `import:<file name>`). */
  actor?: string
  /** Refuses records the importer may not write (see ApplyOptions.allow): reported as problems of their lines. */
  allow?: (values: Values, old: Values | undefined) => Omit<Problem, 'line'> | null
}

export interface ImportReport {
  resource: string
  file: string
  format: 'csv' | 'geojson'
  dryRun: boolean
  inserted: number
  updated: number
  unchanged: number
  changes: Change[]
}

/** A file that cannot be imported; `problems` are sentences such as `service-points.csv line 3, column lng: …`. */
export class ImportError extends Error {
  override name = 'ImportError'
  constructor(
    readonly file: string,
    readonly problems: string[],
    /** The same problems with their line and column (empty where the file could not be read as a resource). */
    readonly details: Problem[] = [],
    readonly format: 'csv' | 'geojson' = 'csv',
  ) {
    super(`${path.basename(file)} has ${problems.length} problem(s); nothing was written:\n  ${problems.join('\n  ')}`)
  }
}

/** Imports a file; throws {@link ImportError} listing every problem (and writes nothing) when any record is invalid. */
export async function importFile(db: Kysely<Database>, options: ImportOptions): Promise<ImportReport> {
  const resource = findResource(options.resource)
  const name = path.basename(options.file)
  if (!resource) throw new ImportError(options.file, [`there is no resource "${options.resource}" (one of: ${RESOURCES.map((r) => r.name).join(', ')})`])
  // The regions GeoJSON download carries boundaries: importing it as regions means its boundaries.
  const target = resource.name === 'regions' && /\.(geo)?json$/i.test(options.file) ? findResource('region-boundaries')! : resource
  const crs = options.crs ?? 'wgs84'
  const read = options.bytes ? readImportBytes(target, name, options.bytes, crs) : readImportFile(target, options.file, crs)
  const refuse = (problems: Problem[]) =>
    new ImportError(
      options.file,
      problems.map((p) => describeProblem(name, read.format, p)),
      problems,
      read.format,
    )
  // A file that could not be read record by record (bad header, not CSV) stops here; otherwise the
  // records' own problems are reported together with those the cross-checks find.
  if (read.problems.length && !read.records.length) throw refuse(read.problems)
  try {
    const result = await applyRecords(db, target, read.records, {
      county: options.county,
      actor: options.actor ?? `import:${name}`,
      dryRun: options.dryRun,
      importFile: name,
      problems: read.problems,
      allow: options.allow,
    })
    return { resource: target.name, file: options.file, format: read.format, dryRun: !!options.dryRun, ...result }
  } catch (error) {
    if (error instanceof RecordProblems) throw refuse(error.problems)
    throw error
  }
}

/** `file line 3, column lng: …` (CSV) or `file feature 2, property code: …` (GeoJSON). */
export function describeProblem(file: string, format: 'csv' | 'geojson', p: Problem): string {
  const where = format === 'csv' ? `line ${p.line}` : `feature ${p.line}`
  const what = p.column === null ? '' : p.column === 'geometry' ? ', geometry' : format === 'csv' ? `, column ${p.column}` : `, property ${p.column}`
  return `${file} ${where}${what}: ${p.message}`
}
