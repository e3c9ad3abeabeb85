import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../../db/database.ts'
import type { AuditRow } from '../../../db/records/revert.ts'
import type { AuditEntry } from '../../../schema/audit.type.ts'

export interface AuditFilter {
  entity?: string | null
  entityId?: string | null
}

/**
 * Token holders are not named in public unless they chose to be (`api_token.public_name`): an entry a
 * token made (its `actor` is the token's name) shows the token's purpose, or `API token #<id>` for a
 * token made before purposes. The token is the latest one of that name created by the entry's time
 * (names are unique among live tokens, so that is the token that was live then). Entries about tokens
 * (`api_token`, keyed by the name) show that label as their key and leave the name out of before/after.
 */
const label = (t: string) => sql.raw(`case when ${t}.public_name then ${t}.name else coalesce(${t}.purpose, 'API token #' || ${t}.id) end`)

const tokenAt = (name: RawBuilder<unknown>) => sql`
  (select t.id, t.name, t.purpose, t.public_name from api_token t
    where t.name = ${name} and t.created_at <= a.at order by t.created_at desc limit 1)`

const FROM = sql`
  audit_log a
  left join lateral ${tokenAt(sql`a.actor`)} actor_token on true
  left join lateral ${tokenAt(sql`case when a.entity = 'api_token' then a.entity_id end`)} subject_token on true`

/** Whether the filter looks at tokens' public labels (so the count needs the token joins too). */
const filtersOnLabel = (filter: AuditFilter) => !!filter.entityId && (!filter.entity || filter.entity === 'api_token')

function where(filter: AuditFilter, beforeId?: string | null): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`true`]
  if (filter.entity) conditions.push(sql`a.entity = ${filter.entity}`)
  if (filter.entityId) {
    // The filter matches what the entry shows as its key: a token's public label, never its hidden name.
    const byKey = sql`(a.entity <> 'api_token' and a.entity_id = ${filter.entityId})`
    const byLabel = sql`(a.entity = 'api_token' and coalesce(${label('subject_token')}, 'API token') = ${filter.entityId})`
    conditions.push(!filtersOnLabel(filter) ? byKey : filter.entity ? byLabel : sql`(${byKey} or ${byLabel})`)
  }
  if (beforeId) conditions.push(sql`a.id < ${beforeId}`)
  return sql.join(conditions, sql` and `)
}

/** One page of audit entries as the public sees them, newest first (by id), before `beforeId`; and how many match in all. */
export async function listAuditEntries(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { first: number; beforeId?: string | null },
): Promise<{ entries: AuditEntry[]; hasNextPage: boolean; totalCount: number }> {
  const hideName = sql`a.entity = 'api_token' and not coalesce(subject_token.public_name, false)`
  const { rows } = await sql<AuditRow & { reverts_id: string | null; reason: string | null }>`
    select a.id, coalesce(${label('actor_token')}, a.actor) as actor, a.action, a.entity,
           case when a.entity = 'api_token' then coalesce(${label('subject_token')}, 'API token') else a.entity_id end as entity_id,
           to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
           case when ${hideName} then a.before - 'name' else a.before end as before,
           case when ${hideName} then a.after - 'name' else a.after end as after,
           a.reverts_id::text as reverts_id, a.reason
      from ${FROM}
     where ${where(filter, page.beforeId)}
     order by a.id desc
     limit ${page.first + 1}`.execute(db)
  const count = await sql<{ n: number }>`select count(*)::int as n from ${filtersOnLabel(filter) ? FROM : sql`audit_log a`} where ${where(filter)}`.execute(db)
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
      reverts: r.reverts_id,
      reason: r.reason,
    })),
    hasNextPage: rows.length > page.first,
    totalCount: count.rows[0].n,
  }
}
