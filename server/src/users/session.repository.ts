/** Sign-in attempts (lock-out) and server-side sessions of user accounts (only a hash of a session id is stored). */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { regionsOf, toUserInfo, type UserInfo } from './user.repository.ts'

/** Failed sign-ins allowed before the delay starts. */
export const FREE_ATTEMPTS = 5
/** The delay after the n-th failure beyond the free ones: 1 min, 2, 4, … up to an hour. */
export function lockMs(failedCount: number): number {
  return failedCount < FREE_ATTEMPTS ? 0 : Math.min(60 * 60_000, 60_000 * 2 ** (failedCount - FREE_ATTEMPTS))
}

/** Counts a failed sign-in; returns when the account is locked until (or null). */
export async function recordFailedSignIn(db: Kysely<Database>, userId: string): Promise<Date | null> {
  const row = await db
    .updateTable('app_user')
    .set({ failed_count: sql<number>`failed_count + 1` })
    .where('id', '=', userId)
    .returning('failed_count')
    .executeTakeFirstOrThrow()
  const ms = lockMs(row.failed_count)
  if (!ms) return null
  const until = new Date(Date.now() + ms)
  await db.updateTable('app_user').set({ locked_until: until }).where('id', '=', userId).execute()
  return until
}

/** A successful sign-in: the failure count starts again, and a session row is made. */
export async function startSession(db: Kysely<Database>, userId: string, idHash: string, ttlMs: number): Promise<Date> {
  const expires = new Date(Date.now() + ttlMs)
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('app_user').set({ failed_count: 0, locked_until: null }).where('id', '=', userId).execute()
    // Sessions that have expired are of no use to anyone: removed as new ones start.
    await tx
      .deleteFrom('user_session')
      .where('expires_at', '<', sql<Date>`now()`)
      .execute()
    await tx.insertInto('user_session').values({ id_hash: idHash, user_id: userId, expires_at: expires }).execute()
  })
  return expires
}

/** The live session of that id hash with its user (not disabled); undefined otherwise. */
export async function findLiveSession(db: Kysely<Database>, idHash: string): Promise<{ user: UserInfo; expiresAt: Date; lastSeenAt: Date } | undefined> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.disabled',
      'u.must_change_password',
      'u.created_at',
      'u.updated_at',
      's.expires_at',
      's.last_seen_at',
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled', '=', false)
    .executeTakeFirst()
  if (!row) return undefined
  const regions = (await regionsOf(db, [String(row.id)])).get(String(row.id)) ?? []
  return { user: toUserInfo(row, regions), expiresAt: row.expires_at, lastSeenAt: row.last_seen_at }
}

/** Notes that a session was used (by a write: reads never write). */
export async function touchSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: sql<Date>`now()` })
    .where('id_hash', '=', idHash)
    .execute()
}

/** Ends a session (sign-out); true when there was one. */
export async function endSession(db: Kysely<Database>, idHash: string): Promise<boolean> {
  const result = await db.deleteFrom('user_session').where('id_hash', '=', idHash).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** The password hash of a user by id (for a password change). */
export async function findPasswordHash(db: Kysely<Database>, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('app_user').select('password_hash').where('id', '=', userId).executeTakeFirst())?.password_hash
}
