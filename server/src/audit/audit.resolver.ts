import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql'
import { planRevert, RevertRefused, revertEntry, type RevertPlan } from '../../../db/records/revert.ts'
import { AuditEntry, AuditEntryConnection } from '../../../schema/audit.type.ts'
import type { Context } from '../context.ts'
import { BadUserInputError, ConflictError, NotFoundError } from '../errors.ts'
import { plainText } from '../feedback/feedback-text.ts'
import { checkPageSize, connection, cursors, MAX_PAGE_SIZE } from '../relay.ts'
import { listAuditEntries } from './audit.repository.ts'

const cursor = cursors('audit:', (id) => /^[0-9]+$/.test(id))

/** Longest reason for a revert, in characters. */
export const MAX_REVERT_REASON = 500

/** Changes an editor may revert (as they may make them); the rest (the plan's own figures, regions, tasks) need an admin. */
function roleToRevert(plan: RevertPlan): 'editor' | 'admin' {
  const { entity } = plan.entry
  if (entity === 'service_point' || entity === 'gi_product' || entity === 'gi_product_region') return 'editor'
  if (entity === 'indicator_value' && plan.values.kind === 'ACTUAL') return 'editor'
  return 'admin'
}

function refusal(error: unknown, auditId: string): unknown {
  if (!(error instanceof RevertRefused)) return error
  if (error.reason === 'NOT_FOUND') return new NotFoundError('Audit entry', auditId)
  if (error.reason === 'CONFLICT') return new ConflictError(error.message)
  return new BadUserInputError('auditId', error.message)
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: `The public record of changes to the data, newest first, as a Relay connection; first is 1–${MAX_PAGE_SIZE}.`,
  })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size.' }) first: number = 50,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last entry of the previous page.' }) after?: string | null,
    @Arg('entity', () => String, { nullable: true, description: 'Only changes to this table, e.g. service_point.' }) entity?: string | null,
    @Arg('entityId', () => ID, { nullable: true, description: 'Only changes to the record with this key.' }) entityId?: string | null,
  ): Promise<AuditEntryConnection> {
    checkPageSize(first)
    const beforeId = after ? cursor.decode(after) : null
    const page = await listAuditEntries(ctx.db, { entity, entityId }, { first, beforeId })
    return connection(page.entries, (e) => e.id, cursor.encode, { hasNextPage: page.hasNextPage, totalCount: page.totalCount, after: beforeId !== null })
  }

  @Mutation(() => AuditEntry, {
    description:
      "Undoes one audited change (editor; admin for the plan's own figures, regions and tasks): an update gets its earlier values back, an inserted record is " +
      'deleted, a deleted one inserted again, in one transaction, itself audited with `reverts` naming the entry. CONFLICT when the record has changed since ' +
      "(the message names the later change); BAD_USER_INPUT (argument auditId) when the entry cannot be reverted. Returns the revert's audit entry.",
  })
  async revertChange(
    @Ctx() ctx: Context,
    @Arg('auditId', () => ID, { description: 'The audit entry to undo.' }) auditId: string,
    @Arg('reason', () => String, { description: `Why, 1–${MAX_REVERT_REASON} characters (shown in the history).` }) reason: string,
  ): Promise<AuditEntry> {
    await ctx.auth.require('editor', 'revertChange')
    const why = plainText('reason', reason, MAX_REVERT_REASON)
    let id: string
    try {
      const plan = await planRevert(ctx.db, auditId)
      const viewer = await ctx.auth.require(roleToRevert(plan), `revertChange of a ${plan.entry.entity} change`)
      id = await revertEntry(ctx.db, plan, { actor: viewer.name, reason: why })
    } catch (error) {
      throw refusal(error, auditId)
    }
    const page = await listAuditEntries(ctx.db, {}, { first: 1, beforeId: String(BigInt(id) + 1n) })
    return page.entries[0]
  }
}
