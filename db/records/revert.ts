/**
 * Undoing one audited change through the one write path: an update gets its earlier values back, an
 * inserted record is deleted, a deleted one is inserted again, all in one transaction whose audit
 * entries name the entry undone (`reverts_id`) and the reason. Refused when the record has changed
 * since (naming the later change) or the entry is not a change of one record that can be undone.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { applyRecords, deleteRecords, RecordProblems } from './apply.ts'
import { GEOMETRY_KEY } from './geometry.ts'
import { listRecords, RESOURCES, type Resource, type StoredRecord } from './resources.ts'
import { canonicalCell, valuesToJson, type Values } from './values.ts'

/** Why a revert was refused: no such entry, not a revertible change, or the record changed since. */
export class RevertRefused extends Error {
  constructor(
    readonly reason: 'NOT_FOUND' | 'NOT_REVERTIBLE' | 'CONFLICT' | 'INVALID',
    message: string,
  ) {
    super(message)
  }
}

/** An audit_log row as the SQL reads it (`at` as an ISO string). */
export interface AuditRow {
  id: string
  actor: string
  action: string
  entity: string
  entity_id: string
  at: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/** What a revert would do, found before it is done (the resolver checks the role it needs). */
export interface RevertPlan {
  entry: AuditRow
  resource: Resource
  county: string
  /** The record's values the entry changed, as the entry saw them. */
  values: Record<string, unknown>
}

const ACTIONS = ['INSERT', 'UPDATE', 'DELETE']

async function findEntry(db: Kysely<Database>, id: string): Promise<AuditRow | undefined> {
  if (!/^[0-9]{1,18}$/.test(id)) return undefined
  const { rows } = await sql<AuditRow>`
    select id::text as id, actor, action, entity, entity_id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, before, after
      from audit_log where id = ${id}`.execute(db)
  return rows[0]
}

/** The resource of an entry: its table's resource whose fields hold every field the entry recorded (the smallest such, for a region's parts). */
function resourceOf(entry: AuditRow): Resource | undefined {
  const keys = Object.keys(entry.before ?? entry.after ?? {})
  const fitting = RESOURCES.filter((r) => {
    const quality = r.spatial?.kind === 'area' ? r.spatial.qualityField : undefined
    return r.entity === entry.entity && keys.length > 0 && keys.every((k) => k === GEOMETRY_KEY || k === quality || r.fields.some((f) => f.name === k))
  })
  return fitting.sort((a, b) => a.fields.length - b.fields.length)[0]
}

/** The county holding a record: the one listing it, else the county of its region code, else the only county. */
async function countyOf(db: Kysely<Database>, resource: Resource, key: string, values: Record<string, unknown>): Promise<string | undefined> {
  const counties = (await db.selectFrom('region').select('code').where('level', '=', 'COUNTY').orderBy('code').execute()).map((r) => r.code)
  for (const county of counties) if ((await listRecords(db, resource, county)).some((r) => r.key === key)) return county
  const region = typeof values.region_code === 'string' ? values.region_code : typeof values.code === 'string' ? values.code : undefined
  if (region) {
    const row = await db.selectFrom('region').select('county_code').where('code', '=', region).executeTakeFirst()
    if (row) return row.county_code
  }
  return counties.length === 1 ? counties[0] : undefined
}

const describe = (e: { id: string; action: string; actor: string; at: string }) => `#${e.id} (${e.action} by ${e.actor} at ${e.at})`

/** The first change to the same record after the entry that touches the fields it changed, or undefined. */
async function laterChange(db: Kysely<Database>, entry: AuditRow, fields: string[]): Promise<AuditRow | undefined> {
  const { rows } = await sql<AuditRow>`
    select id::text as id, actor, action, entity, entity_id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, before, after
      from audit_log
     where entity = ${entry.entity} and entity_id = ${entry.entity_id} and id > ${entry.id}
     order by id limit 50`.execute(db)
  return rows.find((r) => {
    const touched = Object.keys(r.after ?? r.before ?? {})
    return !r.after || !r.before || touched.some((k) => fields.includes(k))
  })
}

/** Looks an entry up and says what reverting it takes; throws {@link RevertRefused}. */
export async function planRevert(db: Kysely<Database>, auditId: string): Promise<RevertPlan> {
  const entry = await findEntry(db, auditId)
  if (!entry) throw new RevertRefused('NOT_FOUND', `没有第 ${auditId} 条修改记录 · audit entry ${auditId} does not exist`)
  if (!ACTIONS.includes(entry.action)) {
    throw new RevertRefused(
      'NOT_REVERTIBLE',
      `第 ${auditId} 条记录不能撤销 · audit entry ${auditId} (${entry.action} of ${entry.entity}) cannot be reverted: only a change of one record (INSERT, UPDATE, DELETE) can`,
    )
  }
  const resource = resourceOf(entry)
  if (!resource) {
    throw new RevertRefused('NOT_REVERTIBLE', `第 ${auditId} 条记录不能撤销 · audit entry ${auditId} changed ${entry.entity}, which cannot be reverted here`)
  }
  const values = entry.before ?? entry.after ?? {}
  const county = await countyOf(db, resource, entry.entity_id, values)
  if (!county) throw new RevertRefused('NOT_REVERTIBLE', `audit entry ${auditId}: the county of ${entry.entity} ${entry.entity_id} cannot be told`)
  return { entry, resource, county, values }
}

function cellsOf(resource: Resource, json: Record<string, unknown>): Values {
  const values: Values = {}
  for (const field of resource.fields) if (field.name in json) values[field.name] = canonicalCell(field, json[field.name])
  const quality = resource.spatial?.kind === 'area' ? resource.spatial.qualityField : undefined
  if (quality && quality in json) values[quality] = canonicalCell({ name: quality, type: 'string' }, json[quality])
  return values
}

/** Whether the stored record still holds what the entry left (geometry aside: its text form may differ; later entries catch its changes). */
function stillAsLeft(resource: Resource, stored: StoredRecord, after: Record<string, unknown>): boolean {
  const now = valuesToJson(resource.fields, stored.values)
  return Object.entries(after).every(([k, v]) => k === GEOMETRY_KEY || !(k in now) || JSON.stringify(now[k] ?? null) === JSON.stringify(v ?? null))
}

/**
 * Reverts the entry in one transaction (the caller's, when `db` is one): see the module comment.
 * Returns the id of the (first) audit entry the revert wrote.
 */
export async function revertEntry(db: Kysely<Database>, plan: RevertPlan, options: { actor: string; reason: string }): Promise<string> {
  const { entry, resource, county } = plan
  const note = { reverts: entry.id, reason: options.reason }
  const run = async (tx: Kysely<Database>) => {
    await sql`select pg_advisory_xact_lock(hashtext('audit-revert'))`.execute(tx)
    const fields = Object.keys(entry.after ?? entry.before ?? {}).filter((k) => !resource.key.includes(k) || entry.action !== 'UPDATE')
    const changedFields =
      entry.action === 'UPDATE'
        ? Object.keys(entry.after ?? {}).filter((k) => JSON.stringify(entry.after?.[k] ?? null) !== JSON.stringify(entry.before?.[k] ?? null))
        : fields
    const later = await laterChange(tx, entry, changedFields)
    if (later) {
      throw new RevertRefused(
        'CONFLICT',
        `此后已有修改 ${describe(later)}，请先撤销它 · the record has changed since, by audit entry ${describe(later)}: revert that first`,
      )
    }
    const stored = (await listRecords(tx, resource, county)).find((r) => r.key === entry.entity_id)
    if (entry.action === 'DELETE') {
      if (stored) throw new RevertRefused('CONFLICT', `${entry.entity} ${entry.entity_id} exists again: it was added since`)
    } else if (!stored || !stillAsLeft(resource, stored, entry.after ?? {})) {
      throw new RevertRefused('CONFLICT', `${entry.entity} ${entry.entity_id} has changed since audit entry ${entry.id} (by a data package load or import)`)
    }
    const before = await tx
      .selectFrom('audit_log')
      .select(sql<string>`coalesce(max(id), 0)::text`.as('n'))
      .executeTakeFirstOrThrow()
    try {
      if (entry.action === 'INSERT') {
        if (!resource.deletable) {
          throw new RevertRefused(
            'NOT_REVERTIBLE',
            `a new ${entry.entity} cannot be deleted here, so audit entry ${entry.id} cannot be reverted: change the record instead`,
          )
        }
        await deleteRecords(tx, resource, [entry.entity_id], { county, actor: options.actor, note })
      } else {
        const json = entry.before ?? {}
        const geometry = resource.spatial?.kind === 'area' && GEOMETRY_KEY in json ? ((json[GEOMETRY_KEY] as object | null) ?? null) : undefined
        const result = await applyRecords(tx, resource, [{ line: 1, values: cellsOf(resource, json), geometry }], { county, actor: options.actor, note })
        if (!result.changes.length) throw new RevertRefused('NOT_REVERTIBLE', `audit entry ${entry.id} changed nothing that could be restored`)
      }
    } catch (error) {
      if (error instanceof RecordProblems) {
        const p = error.problems[0]
        throw new RevertRefused('INVALID', `the earlier values cannot be restored: ${p.column ? `${p.column}: ` : ''}${p.message}`)
      }
      throw error
    }
    const written = await tx
      .selectFrom('audit_log')
      .select(sql<string>`min(id)::text`.as('id'))
      .where('id', '>', before.n)
      .where('reverts_id', '=', entry.id)
      .executeTakeFirstOrThrow()
    return written.id
  }
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}
