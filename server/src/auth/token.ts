/**
 * Bearer tokens: `ipt_<id>_<secret>`, where the id (16 hex digits) finds the stored row and the
 * whole token's SHA-256 is compared with the stored hash in constant time. Only the hash is stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

import type { UserRole } from '../../../db/roles.ts'

// Declared in db/ (the api_token.role column's type, which db/ may not take from server/).
export { ROLES, USER_ROLES, type Role, type UserRole } from '../../../db/roles.ts'

const TOKEN = /^ipt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/

export interface NewToken {
  id: string
  /** The token to hand over, shown once. */
  token: string
  hash: string
}

/** A new random token (256-bit secret). */
export function generateToken(): NewToken {
  const id = randomBytes(8).toString('hex')
  const token = `ipt_${id}_${randomBytes(32).toString('base64url')}`
  return { id, token, hash: hashToken(token) }
}

/** SHA-256 of a token, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** The id part of a well-formed token, or undefined. */
export function tokenId(token: string): string | undefined {
  return TOKEN.exec(token)?.[1]
}

/** Whether `token` hashes to `storedHash`, compared in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}

const RANK: Record<UserRole, number> = { 'township-editor': 0, editor: 1, admin: 2 }

/** True when a role may do what `needed` allows: admin > editor > township-editor (a token's roles are editor and admin). */
export function roleAllows(role: UserRole, needed: UserRole): boolean {
  return RANK[role] >= RANK[needed]
}
