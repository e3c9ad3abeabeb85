import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { writeAudit } from '../../../db/records/audit.ts'
import { generateToken, type Role } from './token.ts'

export interface TokenInfo {
  id: string
  name: string
  role: Role
  /** What the token is for (shown publicly instead of the name); null for tokens made before purposes. */
  purpose: string | null
  /** The holder chose to be named in the public audit log. */
  publicName: boolean
  createdAt: Date
  revokedAt: Date | null
}

export interface NewTokenOptions {
  /** What the token is for, 1–200 characters: the public audit log names this instead of the holder. */
  purpose?: string | null
  /** Name the holder in the public audit log (default false). */
  publicName?: boolean
  /** Who creates it, for the audit log. */
  actor?: string
}

/** How the public audit log names a token's holder: the name if they chose so, else the purpose, else `API token #<id>` (as audit.repository.ts does in SQL). */
export function publicLabelOf(t: Pick<TokenInfo, 'id' | 'name' | 'purpose' | 'publicName'>): string {
  return t.publicName ? t.name : (t.purpose ?? `API token #${t.id}`)
}

/** A live (unrevoked) token by its id, with its hash; undefined when there is none. */
export async function findLiveToken(db: Kysely<Database>, id: string): Promise<(TokenInfo & { hash: string }) | undefined> {
  const row = await db.selectFrom('api_token').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst()
  return row && { ...toTokenInfo(row), hash: row.token_hash }
}

function toTokenInfo(r: {
  id: string
  name: string
  role: Role
  purpose: string | null
  public_name: boolean
  created_at: Date
  revoked_at: Date | null
}): TokenInfo {
  return { id: r.id, name: r.name, role: r.role, purpose: r.purpose, publicName: r.public_name, createdAt: r.created_at, revokedAt: r.revoked_at }
}

/** Every token, newest first, without hashes. */
export async function listTokens(db: Kysely<Database>): Promise<TokenInfo[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'role', 'purpose', 'public_name', 'created_at', 'revoked_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
  return rows.map(toTokenInfo)
}

/** Thrown when a live token already has that name. */
export class TokenNameTaken extends Error {}

/** Thrown for a name or purpose that cannot be stored; the message names the field. */
export class TokenInputError extends Error {}

/** Actors the audit log gives to imports and commands: a token named like one would be mistaken for them. */
const RESERVED_NAME = /^(import|cli|package):/i

function checkText(field: 'name' | 'purpose', value: string, max: number): string {
  const text = value.trim()
  if (!text) throw new TokenInputError(`The token's ${field} is empty: give a ${field}.`)
  if (text.length > max) throw new TokenInputError(`The token's ${field} is ${text.length} characters long: at most ${max}.`)
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new TokenInputError(`The token's ${field} holds a control character (a tab or line break?): remove it.`)
  return text
}

/**
 * Creates a token and returns it (the only time it is seen); audited as `cli:token`. The audit entry
 * keeps the name, which the public audit log shows only when `publicName` is set (see audit.repository.ts).
 */
export async function createToken(db: Kysely<Database>, name: string, role: Role, options: NewTokenOptions = {}): Promise<{ id: string; token: string }> {
  const holder = checkText('name', name, 64)
  if (RESERVED_NAME.test(holder))
    throw new TokenInputError(`The token's name "${holder}" looks like an import or a command in the audit log: choose another name.`)
  const purpose = options.purpose === undefined || options.purpose === null ? null : checkText('purpose', options.purpose, 200)
  const publicName = options.publicName ?? false
  const { id, token, hash } = generateToken()
  await db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('api_token').select('id').where('name', '=', holder).where('revoked_at', 'is', null).executeTakeFirst()
    if (taken) throw new TokenNameTaken(`A live token is already named ${holder}: revoke it first, or choose another name.`)
    await tx.insertInto('api_token').values({ id, name: holder, role, token_hash: hash, purpose, public_name: publicName }).execute()
    const after = { name: holder, role, purpose, public_name: publicName }
    await writeAudit(tx, [{ actor: options.actor ?? 'cli:token', action: 'CREATE_TOKEN', entity: 'api_token', entityId: holder, before: null, after }])
  })
  return { id, token }
}

/** Revokes the live token of that name; false when there is none. */
export async function revokeToken(db: Kysely<Database>, name: string, actor = 'cli:token'): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('api_token')
      .select(['id', 'role', 'purpose', 'public_name'])
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (!row) return false
    await tx.updateTable('api_token').set({ revoked_at: new Date().toISOString() }).where('id', '=', row.id).execute()
    const before = { name, role: row.role, purpose: row.purpose, public_name: row.public_name }
    await writeAudit(tx, [{ actor, action: 'REVOKE_TOKEN', entity: 'api_token', entityId: name, before, after: null }])
    return true
  })
}
