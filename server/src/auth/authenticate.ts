/**
 * Who is making a request: the holder of a bearer token (`Authorization: Bearer ipt_…`).
 * Reads need no token; mutations ask for a role. The token itself is never logged or stored.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.ts'
import { ForbiddenError, UnauthenticatedError } from '../errors.ts'
import { roleAllows, tokenId, tokenMatches, type Role } from './token.ts'
import { findLiveToken, publicLabelOf } from './token.repository.ts'

export interface Viewer {
  /** The token's name: the actor in the audit log. */
  name: string
  role: Role
  /** How the public sees the holder: the name if they chose so, else the token's purpose (or `API token #<id>`). */
  publicLabel: string
}

// Compared against when no row matches, so that unknown ids take as long as wrong secrets.
const DUMMY_HASH = '0'.repeat(64)

/** The credentials of one request, checked at most once. */
export class RequestAuth {
  #viewer: Promise<Viewer | undefined> | undefined

  constructor(
    private readonly db: Kysely<Database>,
    private readonly authorization: string | undefined,
  ) {}

  /** The viewer, or undefined without a valid token. */
  viewer(): Promise<Viewer | undefined> {
    this.#viewer ??= this.#authenticate()
    return this.#viewer
  }

  /** The viewer when it holds at least `role`; otherwise UNAUTHENTICATED (no or a bad token) or FORBIDDEN (too low a role). */
  async require(role: Role, what: string): Promise<Viewer> {
    if (!this.authorization) {
      throw new UnauthenticatedError(`${what} needs an ${role} token: send the header Authorization: Bearer <token>`)
    }
    const viewer = await this.viewer()
    if (!viewer) throw new UnauthenticatedError('The bearer token is not valid (unknown, revoked or malformed)')
    if (!roleAllows(viewer.role, role)) throw new ForbiddenError(`${what} needs the ${role} role; the token ${viewer.name} is an ${viewer.role} token`)
    return viewer
  }

  async #authenticate(): Promise<Viewer | undefined> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(this.authorization ?? '')
    if (!match) return undefined
    const token = match[1]
    const id = tokenId(token)
    const row = id ? await findLiveToken(this.db, id) : undefined
    const ok = tokenMatches(token, row?.hash ?? DUMMY_HASH)
    return row && ok ? { name: row.name, role: row.role, publicLabel: publicLabelOf(row) } : undefined
  }
}
