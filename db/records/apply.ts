/**
 * The one write path: every write to the open data (the package load, the importer, the editing
 * API) comes through here, all or nothing. Every record is checked first against one set of rules
 * (limits, types, references, geometries; every problem reported, with its line), derived values are
 * filled in (`derive.ts`), then the changed records are written in one transaction with their
 * audit-log entries (one per record, or, for a package load, one for the whole dataset).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { FieldSchema } from '../dataset/package.ts'
import { writeAudit, touchDataset, type AuditEntryInput, type AuditNote } from './audit.ts'
import { checkRecord, loadCheckContext, type CheckScope } from './checks.ts'
import { deriveRegions, rederiveOriginAreas } from './derive.ts'
import { checkGeometries, GEOMETRY_KEY } from './geometry.ts'
import { limitProblem } from './limits.ts'
import { RecordProblems, type Problem } from './problems.ts'
import { isReadOnly, keyOf, listRecords, type Resource, type StoredRecord } from './resources.ts'
import { valuesToJson, type Values } from './values.ts'
import { deleteRows, writeRecords } from './write.ts'

export { RecordProblems, type Problem } from './problems.ts'

/** A record to apply: the fields it gives (absent fields keep their stored value, or are empty for a new record). */
export interface IncomingRecord {
  /** Where it comes from: the CSV line (the header is line 1), the GeoJSON feature (from 1), or 1 for an API input. */
  line: number
  values: Values
  /** Area resources: the new geometry (already WGS84), null to remove it, undefined to keep it. */
  geometry?: object | null
  /** Some cell failed its own check (reported already): cross-checks are skipped, the record is not written. */
  invalid?: boolean
}

export interface Change {
  action: 'INSERT' | 'UPDATE' | 'DELETE'
  key: string
  line: number | null
  /** Fields that differ (all of them for an insert). */
  fields: string[]
}

export interface ApplyResult {
  inserted: number
  updated: number
  unchanged: number
  changes: Change[]
}

export interface ApplyOptions {
  county: string
  /** Who makes the change, for the audit log: a token's name or `import:<file>`. */
  actor: string
  /** Check and compare only; write nothing. */
  dryRun?: boolean
  /** Also log the import as a whole (entity `dataset`) under this file name. */
  importFile?: string
  /** Problems found while reading the records, reported with the others. */
  problems?: Problem[]
  /**
   * `single` (default): each written record gets its audit entry and the dataset is marked changed.
   * `batch`: a data package being loaded; the caller audits the dataset as a whole.
   */
  mode?: 'single' | 'batch'
  /** What references are checked against, for the messages: the county's records, or the package's. */
  scope?: CheckScope
  /** Added to each audit entry written (a revert names the entry it undoes, and why). */
  note?: AuditNote
  /**
   * Refuses records the writer may not touch (a township editor's import): called with each checked
   * record's values (its region derived) and the stored record it changes; a problem (without its line)
   * refuses the record. Not given: every record of the county may be written.
   */
  allow?: (values: Values, old: Values | undefined) => Omit<Problem, 'line'> | null
}

/**
 * Checks `incoming` against the resource's rules and the database, then writes the records that
 * differ from what is stored. Throws {@link RecordProblems} (writing nothing) when any is invalid.
 * Runs in its own transaction, or in the caller's when `db` is one.
 */
export async function applyRecords(db: Kysely<Database>, resource: Resource, incoming: IncomingRecord[], options: ApplyOptions): Promise<ApplyResult> {
  const { county } = options
  const problems: Problem[] = [...(options.problems ?? [])]
  const batch = options.mode === 'batch'
  const ctx = await loadCheckContext(db, county, options.scope)
  const withGeometry = resource.spatial?.kind === 'area' && incoming.some((r) => r.geometry !== undefined)
  const stored = new Map((await listRecords(db, resource, county, { geometry: withGeometry })).map((r) => [r.key, r]))
  const writable = writableFields(resource)

  for (const record of incoming) {
    const key = keyOf(resource, record.values)
    if (resource.key.every((k) => record.values[k])) ctx.inBatch.add(key)
  }

  const firstLine = new Map<string, number>()
  const planned: { record: IncomingRecord; merged: StoredRecord; old: StoredRecord | undefined }[] = []
  for (const record of incoming) {
    const report = (column: string | null, message: string) => problems.push({ line: record.line, column, message })
    const before = problems.length
    for (const f of writable) {
      const problem = limitProblem(f, record.values[f.name])
      if (problem) report(f.name, problem)
    }
    if (problems.length > before) continue
    const missingKey = resource.key.filter((k) => !record.values[k])
    if (missingKey.length) {
      // A key cell that failed its own check was reported when it was read.
      for (const k of missingKey) if (!(k in record.values)) report(k, 'a value is required')
      continue
    }
    const key = keyOf(resource, record.values)
    const seen = firstLine.get(key)
    if (seen !== undefined) {
      report(resource.key.length === 1 ? resource.key[0] : null, `${key} appears twice (also on line ${seen})`)
      continue
    }
    firstLine.set(key, record.line)
    const old = stored.get(key)
    const values: Values = {}
    for (const f of writable) values[f.name] = f.name in record.values ? record.values[f.name] : (old?.values[f.name] ?? null)
    resource.normalize?.(values)
    if (resource.spatial?.kind === 'point' && old && 'region_code' in values && !('region_code' in record.values)) {
      // A point moved without naming its region: the region follows from the new location.
      if (values.lng !== old.values.lng || values.lat !== old.values.lat) values.region_code = null
    }
    const merged: StoredRecord = { key, values }
    if (resource.spatial?.kind === 'area') {
      const quality = resource.spatial.qualityField
      if (record.geometry !== undefined) {
        merged.geometry = record.geometry
        if (record.geometry === null) values[quality] = 'NONE'
        else if (!record.values[quality] || record.values[quality] === 'NONE') values[quality] = 'OFFICIAL'
        else values[quality] = record.values[quality]
      } else if (old?.geometry !== undefined) merged.geometry = old.geometry
      // A boundary can be replaced, not removed (a feature without geometry fits a region without one).
      if (resource.spatial.required && record.geometry === null && (old?.geometry ?? null) !== null) report(GEOMETRY_KEY, 'a geometry is required')
    }
    for (const f of writable) {
      if (f.constraints?.required && values[f.name] === null && !(f.name in record.values)) report(f.name, 'a value is required')
    }
    if (resource.partOfRegion && ctx.regionCounty.get(record.values.code ?? '') !== county) {
      report('code', `no region "${record.values.code}" ${ctx.within}`)
      continue
    }
    if (record.invalid) continue
    checkRecord(resource.name, values, ctx, report, old?.values)
    planned.push({ record, merged, old })
  }

  if (resource.spatial?.kind === 'area') {
    const geometries = planned.map((p) => ({ geometry: p.record.geometry, merged: p.merged }))
    await checkGeometries(db, geometries, ctx, (i, message) => problems.push({ line: planned[i].record.line, column: GEOMETRY_KEY, message }))
  }
  if (resource.name === 'service-points')
    await deriveRegions(
      db,
      county,
      planned.map((p) => p.merged.values),
    )

  if (options.allow) {
    for (const p of planned) {
      const refused = options.allow(p.merged.values, p.old?.values)
      if (refused) problems.push({ line: p.record.line, ...refused })
    }
  }

  if (problems.length) throw new RecordProblems(problems.sort((a, b) => a.line - b.line))

  const result: ApplyResult = { inserted: 0, updated: 0, unchanged: 0, changes: [] }
  const toWrite: typeof planned = []
  for (const p of planned) {
    const fields = differences(
      writable.map((f) => f.name),
      p.merged,
      p.old,
    )
    if (p.old && !fields.length) {
      result.unchanged++
      continue
    }
    if (p.old) result.updated++
    else result.inserted++
    result.changes.push({ action: p.old ? 'UPDATE' : 'INSERT', key: p.merged.key, line: p.record.line, fields: p.old ? fields : writable.map((f) => f.name) })
    toWrite.push(p)
  }
  if (options.dryRun || !toWrite.length) return result

  const write = async (tx: Kysely<Database>) => {
    await writeRecords(
      tx,
      resource,
      county,
      toWrite.map((p) => ({ line: p.record.line, merged: p.merged, old: p.old })),
    )
    if (!batch) {
      await writeAudit(
        tx,
        toWrite.map((p): AuditEntryInput => ({
          actor: options.actor,
          action: p.old || resource.partOfRegion ? 'UPDATE' : 'INSERT',
          entity: resource.entity,
          entityId: p.merged.key,
          before: p.old ? auditJson(resource, writable, p.old) : null,
          after: auditJson(resource, writable, p.merged),
          ...options.note,
        })),
      )
    }
    const actor = batch ? null : options.actor
    if (resource.name === 'region-boundaries' || resource.name === 'gi-product-regions') await rederiveOriginAreas(tx, county, actor, 'all')
    if (resource.name === 'gi-products') await rederiveOriginAreas(tx, county, actor, 'missing')
    if (batch) return
    await touchDataset(tx, county)
    if (options.importFile) {
      const dataset = await tx.selectFrom('dataset').select('id').where('county_code', '=', county).executeTakeFirst()
      const { inserted, updated, unchanged } = result
      await writeAudit(tx, [
        {
          actor: options.actor,
          action: 'IMPORT',
          entity: 'dataset',
          entityId: dataset?.id ?? county,
          before: null,
          after: { resource: resource.name, file: options.importFile, inserted, updated, unchanged },
        },
      ])
    }
  }
  if (db.isTransaction) await write(db)
  else await db.transaction().execute(write)
  return result
}

/** Removes records by key, each with an audit entry; unknown keys are reported as problems. */
export async function deleteRecords(
  db: Kysely<Database>,
  resource: Resource,
  keys: string[],
  options: Pick<ApplyOptions, 'county' | 'actor' | 'note'>,
): Promise<StoredRecord[]> {
  if (!resource.deletable) throw new Error(`${resource.name} records cannot be deleted`)
  const stored = new Map((await listRecords(db, resource, options.county)).map((r) => [r.key, r]))
  const missing = keys.filter((k) => !stored.has(k))
  if (missing.length) throw new RecordProblems(missing.map((k) => ({ line: 1, column: resource.key[0], message: `no record ${k}` })))
  const writable = writableFields(resource)
  const records = keys.map((k) => stored.get(k)!)
  const write = async (tx: Kysely<Database>) => {
    await deleteRows(tx, resource, options.county, records)
    await writeAudit(
      tx,
      records.map((r) => ({
        actor: options.actor,
        action: 'DELETE',
        entity: resource.entity,
        entityId: r.key,
        before: auditJson(resource, writable, r),
        after: null,
        ...options.note,
      })),
    )
    if (resource.name === 'gi-product-regions') await rederiveOriginAreas(tx, options.county, options.actor, 'all')
    await touchDataset(tx, options.county)
  }
  if (db.isTransaction) await write(db)
  else await db.transaction().execute(write)
  return records
}

/** The fields a record of the resource stores (its quality field included, for an area). */
function writableFields(resource: Resource): FieldSchema[] {
  const fields = resource.fields.filter((f) => !isReadOnly(resource, f.name))
  const spatial = resource.spatial
  if (spatial?.kind === 'area' && !fields.some((f) => f.name === spatial.qualityField)) {
    fields.push({ name: spatial.qualityField, type: 'string', constraints: { enum: ['OFFICIAL', 'APPROXIMATE', 'NONE'] } })
  }
  return fields
}

function differences(fields: string[], merged: StoredRecord, old: StoredRecord | undefined): string[] {
  if (!old) return fields
  const changed = fields.filter((f) => (merged.values[f] ?? null) !== (old.values[f] ?? null))
  if (merged.geometry !== undefined && JSON.stringify(merged.geometry) !== JSON.stringify(old.geometry ?? null)) changed.push(GEOMETRY_KEY)
  return changed
}

function auditJson(resource: Resource, fields: Resource['fields'], record: StoredRecord): Record<string, unknown> {
  const json = valuesToJson(fields, record.values)
  if (resource.spatial?.kind === 'area' && record.geometry !== undefined) json[GEOMETRY_KEY] = record.geometry
  return json
}
