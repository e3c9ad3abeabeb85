/** Writing the audit log: one entry per change, in the transaction that makes it. */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database.ts'

export interface AuditEntryInput {
  /** A token's name, `import:<file>`, or `cli:<command>`. */
  actor: string
  /** INSERT, UPDATE, DELETE, IMPORT, CREATE_TOKEN, REVOKE_TOKEN … */
  action: string
  /** The table (`service_point`, `region`, …). */
  entity: string
  entityId: string
  before: unknown
  after: unknown
  /** The entry this change undoes (a revert), and why. */
  reverts?: string
  reason?: string
}

/** A revert's reference, or a deletion's reason, added to each audit entry of the change that makes it. */
export interface AuditNote {
  reverts?: string
  reason: string
}

/** Adds entries to the audit log (call inside the transaction that makes the changes). */
export async function writeAudit(tx: Kysely<Database>, entries: AuditEntryInput[]): Promise<void> {
  if (!entries.length) return
  await tx
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
        after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
        reverts_id: e.reverts ?? null,
        reason: e.reason ?? null,
      })),
    )
    .execute()
}

/** Marks a county's dataset as changed now (its `updated` time, the downloads' Last-Modified). */
export async function touchDataset(tx: Kysely<Database>, county: string): Promise<void> {
  await sql`update dataset set updated_at = greatest(now(), updated_at + interval '1 millisecond') where county_code = ${county}`.execute(tx)
}
