import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { writeAudit } from '../../../db/records/audit.ts'
import { generateToken, type Role } from './token.ts'

export interface TokenInfo {
  id: string
  name: string
  role: Role
  createdAt: Date
  revokedAt: Date | null
}

/** A live (unrevoked) token by its id, with its hash; undefined when there is none. */
export async function findLiveToken(db: Kysely<Database>, id: string): Promise<(TokenInfo & { hash: string }) | undefined> {
  const row = await db.selectFrom('api_token').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst()
  return row && { id: row.id, name: row.name, role: row.role as Role, createdAt: row.created_at, revokedAt: null, hash: row.token_hash }
}

/** Every token, newest first, without hashes. */
export async function listTokens(db: Kysely<Database>): Promise<TokenInfo[]> {
  const rows = await db.selectFrom('api_token').select(['id', 'name', 'role', 'created_at', 'revoked_at']).orderBy('created_at', 'desc').orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at }))
}

/** Thrown when a live token already has that name. */
export class TokenNameTaken extends Error {}

/** Creates a token and returns it (the only time it is seen); audited as `cli:token`. */
export async function createToken(db: Kysely<Database>, name: string, role: Role, actor = 'cli:token'): Promise<{ id: string; token: string }> {
  const { id, token, hash } = generateToken()
  await db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('api_token').select('id').where('name', '=', name).where('revoked_at', 'is', null).executeTakeFirst()
    if (taken) throw new TokenNameTaken(`A live token is already named ${name}: revoke it first, or choose another name.`)
    await tx.insertInto('api_token').values({ id, name, role, token_hash: hash }).execute()
    await writeAudit(tx, [{ actor, action: 'CREATE_TOKEN', entity: 'api_token', entityId: name, before: null, after: { name, role } }])
  })
  return { id, token }
}

/** Revokes the live token of that name; false when there is none. */
export async function revokeToken(db: Kysely<Database>, name: string, actor = 'cli:token'): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('api_token').select(['id', 'role']).where('name', '=', name).where('revoked_at', 'is', null).executeTakeFirst()
    if (!row) return false
    await tx.updateTable('api_token').set({ revoked_at: new Date().toISOString() }).where('id', '=', row.id).execute()
    await writeAudit(tx, [{ actor, action: 'REVOKE_TOKEN', entity: 'api_token', entityId: name, before: { name, role: row.role }, after: null }])
    return true
  })
}
