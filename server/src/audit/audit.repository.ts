import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import type { AuditEntry } from '../../../schema/audit.type.ts'

export interface AuditFilter {
  entity?: string | null
  entityId?: string | null
}

function filtered(db: Kysely<Database>, filter: AuditFilter) {
  let q = db.selectFrom('audit_log')
  if (filter.entity) q = q.where('entity', '=', filter.entity)
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId)
  return q
}

/** One page of audit entries, newest first (by id), before `beforeId`; and how many match in all. */
export async function listAuditEntries(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { first: number; beforeId?: string | null },
): Promise<{ entries: AuditEntry[]; hasNextPage: boolean; totalCount: number }> {
  let q = filtered(db, filter)
    .select(['id', 'actor', 'action', 'entity', 'entity_id', 'before', 'after'])
    .select(sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('at'))
  if (page.beforeId) q = q.where('id', '<', page.beforeId)
  const rows = await q.orderBy('id', 'desc').limit(page.first + 1).execute()
  const { n } = await filtered(db, filter).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  return {
    entries: rows.slice(0, page.first).map((r) => ({
      id: String(r.id),
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      at: r.at,
      before: r.before,
      after: r.after,
    })),
    hasNextPage: rows.length > page.first,
    totalCount: n,
  }
}
