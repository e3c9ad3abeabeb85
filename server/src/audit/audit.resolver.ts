import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql'
import { AuditEntry, AuditEntryConnection } from '../../../schema/audit.type.ts'
import type { Context } from '../context.ts'
import { BadUserInputError } from '../errors.ts'
import { MAX_PAGE_SIZE } from '../service-point/service-point.resolver.ts'
import { listAuditEntries } from './audit.repository.ts'

const CURSOR_PREFIX = 'audit:'
const encodeCursor = (id: string) => Buffer.from(CURSOR_PREFIX + id, 'utf8').toString('base64url')
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const id = text.slice(CURSOR_PREFIX.length)
  if (!text.startsWith(CURSOR_PREFIX) || !/^[0-9]+$/.test(id)) throw new BadUserInputError('after', 'is not a cursor returned by this API')
  return id
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
    if (!(first >= 1 && first <= MAX_PAGE_SIZE)) throw new BadUserInputError('first', `must be between 1 and ${MAX_PAGE_SIZE}`)
    const beforeId = after ? decodeCursor(after) : null
    const page = await listAuditEntries(ctx.db, { entity, entityId }, { first, beforeId })
    const edges = page.entries.map((node) => ({ cursor: encodeCursor(node.id), node }))
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: beforeId !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    }
  }
}
