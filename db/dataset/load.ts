/**
 * Loads a county's data package into the database, all or nothing, once.
 *
 * A package is a folder with a `datapackage.json` (see `db/data/xinzheng/`). Nothing here
 * knows any particular county: the county, its units and its plan all come from the package.
 * Its records go through the one write path (`db/records/apply.ts`) in batch mode: the same
 * checks, limits and derivations as the importer and the editing API, multi-row inserts, and one
 * audit entry for the whole dataset (not one per record).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { applyRecords, RecordProblems, type IncomingRecord, type Problem } from '../records/apply.ts'
import { findResource, type Resource } from '../records/resources.ts'
import { canonicalCell, type Values } from '../records/values.ts'
import { writeAudit } from '../records/audit.ts'
import { isList, member } from '../json.ts'
import { DataPackage, DatasetError } from './package.ts'
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

/**
 * The order records are written in: what others refer to first, boundaries before seats and points
 * (which are checked against the county's extent, and whose regions follow from the boundaries).
 */
const LOAD_ORDER = [
  'regions',
  'region-boundaries',
  'seats',
  'region-names',
  'indicators',
  'indicator-values',
  'indicator-relations',
  'gi-products',
  'gi-product-regions',
  'service-points',
  'departments',
  'tasks',
  'task-departments',
  'task-indicators',
]
/** Resources counted in the audit entry's `rowCounts` (seats and boundaries are columns of the regions). */
const COUNTED = new Set(LOAD_ORDER.filter((r) => r !== 'seats' && r !== 'region-boundaries'))

/** Loads the package in `dir` unless a dataset with its name is already in the database. */
export async function loadDataPackage(db: Kysely<Database>, dir: string): Promise<LoadResult> {
  const pkg = new DataPackage(dir)
  const { name, county } = pkg.descriptor
  const existing = await db.selectFrom('dataset').select(['id', 'content_hash']).where('id', '=', name).executeTakeFirst()
  if (existing) {
    return { datasetId: name, countyCode: county.code, loaded: false, changedSinceLoad: existing.content_hash !== pkg.contentHash, rowCounts: {} }
  }

  // Every cell is checked as it is read; cross-checks on values that failed their own would only repeat those problems.
  const problems: string[] = []
  const records = new Map<string, IncomingRecord[]>()
  for (const resource of LOAD_ORDER) {
    if (resource === 'region-boundaries') records.set(resource, readBoundaries(pkg, problems))
    else records.set(resource, readCsv(pkg, resource, problems))
  }
  if (!records.get('regions')!.some((r) => r.values.code === county.code)) {
    problems.push(`${pkg.resource('regions')?.path ?? 'regions'}: the county ${county.code} named in datapackage.json has no row`)
  }
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
    const actor = `import:${dir}`
    for (const resourceName of LOAD_ORDER) {
      const resource = findResource(resourceName)!
      const incoming = records.get(resourceName)!
      try {
        if (incoming.length) await applyRecords(tx, resource, incoming, { county: county.code, actor, mode: 'batch', scope: 'package' })
      } catch (error) {
        if (error instanceof RecordProblems)
          throw new DatasetError(
            dir,
            error.problems.map((p) => describe(pkg, resource, p)),
          )
        throw error
      }
      if (COUNTED.has(resourceName)) rowCounts[resourceName] = incoming.length
    }
    await writeAudit(tx, [{ actor, action: 'IMPORT', entity: 'dataset', entityId: name, before: null, after: { contentHash: pkg.contentHash, rowCounts } }])
  })
  return { datasetId: name, countyCode: county.code, loaded: true, changedSinceLoad: false, rowCounts }
}

/** A CSV resource's rows as records: each cell checked against its field and made canonical. */
function readCsv(pkg: DataPackage, resource: string, problems: string[]): IncomingRecord[] {
  const fields = RESOURCE_FIELDS[resource]
  return pkg.rows(resource, fields, problems).map((row) => {
    const values: Values = {}
    for (const field of fields) values[field.name] = canonicalCell(field, row[field.name])
    return { line: row.__row, values }
  })
}

/** The boundaries GeoJSON's features as region-boundary records: `code`, `quality` (OFFICIAL or APPROXIMATE), `method`. */
function readBoundaries(pkg: DataPackage, problems: string[]): IncomingRecord[] {
  const collection = pkg.geojson('boundaries', problems)
  if (!collection) return []
  const file = pkg.resource('boundaries')!.path
  const features = member(collection, 'features')
  if (member(collection, 'type') !== 'FeatureCollection' || !isList(features)) {
    problems.push(`${file}: not a GeoJSON FeatureCollection`)
    return []
  }
  const metadata = member(collection, 'metadata')
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a JSON value of any type, as String() shows it (as it always was)
  const meta = metadata ? `${file}: ${String(member(metadata, 'title') ?? '')}`.trim() : null
  const records: IncomingRecord[] = []
  features.forEach((f, i) => {
    const where = `${file} feature ${i + 1}`
    const properties = member(f, 'properties')
    const code = member(properties, 'code')
    if (!code) return problems.push(`${where}: properties.code is missing`)
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a JSON value of any type, as String() shows it (as it always was)
    const codeText = String(code)
    const quality = member(properties, 'quality')
    if (quality !== 'OFFICIAL' && quality !== 'APPROXIMATE') return problems.push(`${where} (${codeText}): properties.quality must be OFFICIAL or APPROXIMATE`)
    const source = member(properties, 'method') ?? meta
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a JSON value of any type, as String() shows it (as it always was)
    const sourceText = source === null ? null : String(source)
    records.push({
      line: i + 1,
      values: { code: codeText, boundary_quality: quality, boundary_source: sourceText },
      // Any JSON value: the write path's geometry checks refuse what is not a Polygon or MultiPolygon.
      geometry: (member(f, 'geometry') as object | undefined) ?? null,
    })
  })
  return records
}

/** `regions.csv row 3, column code: …`, or `boundaries.geojson feature 2, geometry: …`. */
function describe(pkg: DataPackage, resource: Resource, p: Problem): string {
  const geojson = resource.name === 'region-boundaries'
  const file = pkg.resource(geojson ? 'boundaries' : resource.name)?.path ?? resource.name
  const what = p.column === null ? '' : p.column === 'geometry' ? ', geometry' : geojson ? `, property ${p.column}` : `, column ${p.column}`
  return `${file} ${geojson ? 'feature' : 'row'} ${p.line}${what}: ${p.message}`
}
