import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql'
import { AuditEntry, AuditEntryConnection } from '../../../schema/audit.type.ts'
import type { Context } from '../context.ts'
import { checkPageSize, connection, cursors, MAX_PAGE_SIZE } from '../relay.ts'
import { listAuditEntries } from './audit.repository.ts'

const cursor = cursors('audit:', (id) => /^[0-9]+$/.test(id))

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
}
