/**
 * Applying records to the database, all or nothing: every record is checked first (every
 * problem reported, with its line), then the changed ones are written in one transaction,
 * each with an audit-log entry. The importer and the editing API both come through here.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database.ts'
import type { FieldSchema } from '../dataset/package.ts'
import { writeAudit, touchDataset, type AuditEntryInput } from './audit.ts'
import { checkRecord, loadCheckContext, type CheckContext } from './checks.ts'
import { keyOf, type Resource, type StoredRecord } from './resources.ts'
import { valuesToJson, type Values } from './values.ts'

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

export interface Problem {
  line: number
  /** The field, when one is at fault. */
  column: string | null
  message: string
}

/** Records that cannot be applied; nothing was written. */
export class RecordProblems extends Error {
  override name = 'RecordProblems'
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s): ${problems.slice(0, 3).map((p) => p.message).join('; ')}`)
  }
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
}

const GEOMETRY_KEY = 'geometry'

/**
 * Checks `incoming` against the resource's rules and the database, then writes the records that
 * differ from what is stored. Throws {@link RecordProblems} (writing nothing) when any is invalid.
 * Runs in its own transaction, or in the caller's when `db` is one.
 */
export async function applyRecords(
  db: Kysely<Database>,
  resource: Resource,
  incoming: IncomingRecord[],
  options: ApplyOptions,
): Promise<ApplyResult> {
  const { county } = options
  const problems: Problem[] = [...(options.problems ?? [])]
  const ctx = await loadCheckContext(db, county)
  const withGeometry = resource.spatial?.kind === 'area' && incoming.some((r) => r.geometry !== undefined)
  const stored = new Map((await resource.list(db, county, { geometry: withGeometry })).map((r) => [r.key, r]))
  const writable = writableFields(resource)

  for (const record of incoming) {
    const key = keyOf(resource, record.values)
    if (resource.key.every((k) => record.values[k])) ctx.inBatch.add(key)
  }

  const firstLine = new Map<string, number>()
  const planned: { record: IncomingRecord; merged: StoredRecord; old: StoredRecord | undefined }[] = []
  for (const record of incoming) {
    const report = (column: string | null, message: string) => problems.push({ line: record.line, column, message })
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
      report('code', `no region "${record.values.code}" in this county`)
      continue
    }
    if (record.invalid) continue
    checkRecord(resource.name, values, ctx, report)
    planned.push({ record, merged, old })
  }

  if (resource.spatial?.kind === 'area') await checkGeometries(db, planned, ctx, problems)
  if (resource.name === 'service-points') await deriveRegions(db, county, planned)

  if (problems.length) throw new RecordProblems(problems.sort((a, b) => a.line - b.line))

  const result: ApplyResult = { inserted: 0, updated: 0, unchanged: 0, changes: [] }
  const toWrite: typeof planned = []
  for (const p of planned) {
    const fields = differences(writable.map((f) => f.name), p.merged, p.old)
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
    const audit: AuditEntryInput[] = []
    for (const p of toWrite) {
      try {
        await resource.save(tx, county, p.merged, p.old)
      } catch (error) {
        throw databaseProblem(error, p.record.line)
      }
      audit.push({
        actor: options.actor,
        action: p.old || resource.partOfRegion ? 'UPDATE' : 'INSERT',
        entity: resource.entity,
        entityId: p.merged.key,
        before: p.old ? auditJson(resource, writable, p.old) : null,
        after: auditJson(resource, writable, p.merged),
      })
    }
    await writeAudit(tx, audit)
    if (resource.name === 'region-boundaries' || resource.name === 'gi-product-regions') await rederiveOriginAreas(tx, county, options.actor, 'all')
    if (resource.name === 'gi-products') await rederiveOriginAreas(tx, county, options.actor, 'missing')
    await touchDataset(tx, county)
    if (options.importFile) {
      const dataset = await tx.selectFrom('dataset').select('id').where('county_code', '=', county).executeTakeFirst()
      const { inserted, updated, unchanged } = result
      await writeAudit(tx, [{
        actor: options.actor, action: 'IMPORT', entity: 'dataset', entityId: dataset?.id ?? county, before: null,
        after: { resource: resource.name, file: options.importFile, inserted, updated, unchanged },
      }])
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
  options: Pick<ApplyOptions, 'county' | 'actor'>,
): Promise<StoredRecord[]> {
  if (!resource.remove) throw new Error(`${resource.name} records cannot be deleted`)
  const stored = new Map((await resource.list(db, options.county)).map((r) => [r.key, r]))
  const missing = keys.filter((k) => !stored.has(k))
  if (missing.length) throw new RecordProblems(missing.map((k) => ({ line: 1, column: resource.key[0], message: `no record ${k}` })))
  const writable = writableFields(resource)
  const records = keys.map((k) => stored.get(k)!)
  const write = async (tx: Kysely<Database>) => {
    for (const r of records) await resource.remove!(tx, options.county, r)
    await writeAudit(tx, records.map((r) => ({
      actor: options.actor, action: 'DELETE', entity: resource.entity, entityId: r.key, before: auditJson(resource, writable, r), after: null,
    })))
    if (resource.name === 'gi-product-regions') await rederiveOriginAreas(tx, options.county, options.actor, 'all')
    await touchDataset(tx, options.county)
  }
  if (db.isTransaction) await write(db)
  else await db.transaction().execute(write)
  return records
}

/** The fields a record of the resource stores (its quality field included, for an area). */
function writableFields(resource: Resource): FieldSchema[] {
  const fields = resource.fields.filter((f) => !resource.readOnly.includes(f.name))
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

/** A constraint the checks did not foresee, reported against the record's line. */
function databaseProblem(error: unknown, line: number): Error {
  const e = error as { code?: string; message?: string; detail?: string; constraint?: string }
  if (e.code && /^23/.test(e.code)) {
    return new RecordProblems([{ line, column: null, message: `rejected by the database: ${e.detail ?? e.message}` }])
  }
  return error as Error
}

/**
 * Each area geometry: the right type, well formed, valid (OGC), near the county; replaced by its
 * normalised form (MultiPolygon, 6 decimals, right-hand rule) so that comparisons are exact.
 */
async function checkGeometries(
  db: Kysely<Database>,
  planned: { record: IncomingRecord; merged: StoredRecord }[],
  ctx: CheckContext,
  problems: Problem[],
): Promise<void> {
  for (const { record, merged } of planned) {
    const geometry = record.geometry
    if (!geometry) continue
    const report = (message: string) => problems.push({ line: record.line, column: GEOMETRY_KEY, message })
    const shape = polygonShapeProblem(geometry)
    if (shape) {
      report(shape)
      continue
    }
    const { rows } = await sql<{ valid: boolean; reason: string; empty: boolean; xmin: number; ymin: number; xmax: number; ymax: number; normalized: object }>`
      select st_isvalid(g) as valid, st_isvalidreason(g) as reason, st_isempty(g) as empty,
             st_xmin(g) as xmin, st_ymin(g) as ymin, st_xmax(g) as xmax, st_ymax(g) as ymax,
             st_asgeojson(st_forcepolygonccw(st_multi(g)), 6)::json as normalized
        from (select st_setsrid(st_geomfromgeojson(${JSON.stringify(geometry)}), 4326) as g) s`.execute(db)
    const g = rows[0]
    if (g.empty) report('the geometry is empty')
    else if (!g.valid) report(`the geometry is not valid: ${g.reason}`)
    const n = ctx.neighbourhood
    if (n && !(g.xmin >= n[0] && g.xmax <= n[2] && g.ymin >= n[1] && g.ymax <= n[3])) {
      report(`the geometry (lng ${g.xmin.toFixed(3)}..${g.xmax.toFixed(3)}, lat ${g.ymin.toFixed(3)}..${g.ymax.toFixed(3)}) is not near the county; is it in another coordinate system?`)
    }
    merged.geometry = g.normalized
  }
}

/** Why a GeoJSON object is not a well-formed Polygon or MultiPolygon, or undefined when it is. */
export function polygonShapeProblem(geometry: any): string | undefined {
  const type = geometry?.type
  if (type !== 'Polygon' && type !== 'MultiPolygon') return `the geometry must be a Polygon or MultiPolygon, not ${type ?? typeof geometry}`
  const polygons = type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  if (!Array.isArray(polygons) || !polygons.length) return 'the geometry has no coordinates'
  for (const [p, rings] of polygons.entries()) {
    if (!Array.isArray(rings) || !rings.length) return `polygon ${p + 1} has no rings`
    for (const [r, ring] of rings.entries()) {
      const where = `${type === 'MultiPolygon' ? `polygon ${p + 1}, ` : ''}ring ${r + 1}`
      if (!Array.isArray(ring) || ring.length < 4) return `${where} has fewer than 4 positions`
      for (const pos of ring) {
        if (!Array.isArray(pos) || pos.length < 2 || !pos.every((c: unknown) => typeof c === 'number' && Number.isFinite(c))) {
          return `${where} has a position that is not [longitude, latitude]`
        }
      }
      const [first, last] = [ring[0], ring.at(-1)]
      if (first[0] !== last[0] || first[1] !== last[1]) return `${where} is not closed (its last position must repeat its first)`
    }
  }
  return undefined
}

/** A located service point without a region gets the township-level unit whose boundary covers it. */
async function deriveRegions(db: Kysely<Database>, county: string, planned: { merged: StoredRecord }[]): Promise<void> {
  for (const { merged } of planned) {
    const v = merged.values
    if (v.region_code !== null || v.lng === null || v.lat === null) continue
    const row = await db
      .selectFrom('region')
      .select('code')
      .where('county_code', '=', county)
      .where('level', '<>', 'COUNTY')
      .where(sql<boolean>`st_covers(boundary, st_setsrid(st_makepoint(${Number(v.lng)}::float8, ${Number(v.lat)}::float8), 4326))`)
      .orderBy('code')
      .executeTakeFirst()
    v.region_code = row?.code ?? null
  }
}

/**
 * GI products without an official origin area take the union of their origin regions' boundaries
 * (APPROXIMATE), so they follow boundary and origin-region changes (`all`), or only those that have
 * none get one (`missing`, as the loader does); each change is audited.
 */
async function rederiveOriginAreas(tx: Kysely<Database>, county: string, actor: string, scope: 'all' | 'missing'): Promise<void> {
  const { rows } = await sql<{ code: string; old_quality: string; old_area: object | null; new_area: object | null }>`
    select g.code, g.origin_area_quality as old_quality,
           st_asgeojson(st_forcepolygonccw(g.origin_area), 6)::json as old_area,
           st_asgeojson(st_forcepolygonccw(d.area), 6)::json as new_area
      from gi_product g
      left join lateral (
        select st_multi(st_union(r.boundary)) as area
          from gi_product_region gr join region r on r.code = gr.region_code
         where gr.county_code = g.county_code and gr.gi_code = g.code and r.boundary is not null) d on true
     where g.county_code = ${county} and g.origin_area_quality in ('APPROXIMATE', 'NONE')
       and (${scope} = 'all' or g.origin_area is null)`.execute(tx)
  const changed = rows.filter((r) => JSON.stringify(r.old_area) !== JSON.stringify(r.new_area))
  for (const r of changed) {
    await sql`
      update gi_product g set origin_area = d.area, origin_area_quality = case when d.area is null then 'NONE' else 'APPROXIMATE' end
        from (select st_multi(st_union(r.boundary)) as area
                from gi_product_region gr join region r on r.code = gr.region_code
               where gr.county_code = ${county} and gr.gi_code = ${r.code} and r.boundary is not null) d
       where g.county_code = ${county} and g.code = ${r.code}`.execute(tx)
  }
  await writeAudit(tx, changed.map((r) => ({
    actor, action: 'UPDATE', entity: 'gi_product', entityId: r.code,
    before: { origin_area_quality: r.old_quality, [GEOMETRY_KEY]: r.old_area },
    after: { origin_area_quality: r.new_area ? 'APPROXIMATE' : 'NONE', [GEOMETRY_KEY]: r.new_area },
  })))
}
